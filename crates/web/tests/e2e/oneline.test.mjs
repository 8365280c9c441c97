// A long text with no line ends is cut only where no figure can span the cut: pasted, dropped
// and through the CLI it gives the same figures (issue 19).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, openApp, ROOT } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });
const SHUDU = process.env.SHUDU_CLI ? path.resolve(process.env.SHUDU_CLI) : path.join(ROOT, 'target/release/shudu');
const DATA = path.join(ROOT, 'crates/core/testdata/decode');

/** CSV lines of `file` in `dir` as the CLI writes them. */
const native = (dir, file) => execFileSync(SHUDU, ['figures', '--csv', file], { cwd: dir, maxBuffer: 256 << 20 })
  .toString('utf8').split('\n').filter((l) => l.length);
const lines = (buf) => buf.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l.length);

test('a one-line text of ~1 MB: the same figures pasted, dropped and natively', async () => {
  // Every sample article with its line ends removed, repeated: no line end anywhere, so the
  // pieces must be cut at sentence ends.
  const samples = fs.readdirSync(DATA).filter((f) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(f)).sort()
    .map((f) => fs.readFileSync(path.join(DATA, f), 'utf8').replace(/\s*\n\s*/g, ''));
  const long = samples.join('').repeat(16);
  assert.ok(!long.includes('\n') && long.length > 300000, `${long.length} chars on one line`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shudu-oneline-'));
  try {
    fs.writeFileSync(path.join(dir, '（粘贴的文本）'), long);
    fs.writeFileSync(path.join(dir, 'oneline.txt'), long);
    const { page, errors } = await openApp(browser, server.url);
    await page.evaluate((t) => {
      const area = document.querySelector('[data-testid="input"]');
      area.focus();
      const data = new DataTransfer();
      data.setData('text/plain', t);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, long);
    await page.waitForFunction(() => /已分析|analysed/i.test(document.querySelector('.status')?.textContent ?? '')
      && !document.querySelector('.results.stale'), null, { polling: 50, timeout: 120000 });
    const [pasted] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-article-csv"]')]);
    const expected = native(dir, '（粘贴的文本）');
    assert.ok(expected.length > 1000, `${expected.length} figures natively`);
    assert.deepEqual(lines(fs.readFileSync(await pasted.path(), 'utf8')), expected, 'pasted, as natively');

    await page.setInputFiles('[data-testid="file-input"]', [path.join(dir, 'oneline.txt')]);
    await page.waitForFunction(() => {
      const p = document.querySelector('[data-testid="progress"]');
      return p && Number(p.max) >= 1 && Number(p.value) === Number(p.max);
    }, null, { polling: 50, timeout: 120000 });
    const [dropped] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    const file = lines(fs.readFileSync(await dropped.path(), 'utf8')).filter((l, i) => i === 0 || l.startsWith('oneline.txt,'));
    assert.deepEqual(file, native(dir, 'oneline.txt'), 'dropped, as natively');
    assert.deepEqual(errors, []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
