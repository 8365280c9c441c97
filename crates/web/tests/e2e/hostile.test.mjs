// Hostile files among good ones (issue 19): each hostile file is reported in the files table
// with its reason, in both languages; the batch finishes; every good file gives the figures
// the CLI gives for it; and the JSON export keeps a name like `=a.txt` exactly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, openApp, ROOT } from './helpers.mjs';

const DATA = path.join(ROOT, 'crates/core/testdata/decode');
const HOSTILE = path.join(DATA, 'hostile');
const SHUDU = process.env.SHUDU_CLI ? path.resolve(process.env.SHUDU_CLI) : path.join(ROOT, 'target/release/shudu');
const SAMPLES = fs.readdirSync(DATA).filter((f) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(f)).sort();
const sample = (k) => fs.readFileSync(path.join(DATA, SAMPLES[k]), 'utf8');

/** CSV lines of `file` (in `dir`) as the CLI writes them, header first. */
const nativeCsv = (dir, file) => execFileSync(SHUDU, ['figures', '--csv', file], { cwd: dir, maxBuffer: 64 << 20 })
  .toString('utf8').split('\n').filter((l) => l.length);
/** Figures of `file` as the CLI gives them in JSON. */
const nativeJson = (dir, file) => JSON.parse(execFileSync(SHUDU, ['figures', '--json', file], { cwd: dir, maxBuffer: 64 << 20 })).figures;
const csvLines = (buf) => buf.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l.length);

let server, browser, dir;
before(async () => {
  server = await serve('/');
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shudu-hostile-'));
});
after(async () => { await browser?.close(); await server?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

async function filesTable(page) {
  return page.$$eval('[data-testid="files-table"] tbody tr.row', (trs) => trs.map((tr) => ({
    cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
    status: tr.dataset.status,
  })));
}

// name → [what is in it, the reason in Chinese, the reason in English] (no reason: analysed).
function hostileFiles() {
  const copy = (f) => fs.readFileSync(path.join(HOSTILE, f));
  // An empty comment `<!-->` ends there (HTML standard): the story after it is read.
  const story = '<p>全市去年完成固定资产投资14.8亿元，比上年增长7.5%。</p>';
  const junk = Buffer.alloc(4096);
  for (let k = 0; k < junk.length; k++) junk[k] = (k * 2654435761) >>> 24;
  const files = {
    'bomb.docx': [copy('bomb.docx'), /解压后|膨胀/, /unpack/],
    'changed-after-crc.docx': [copy('changed-after-crc.docx'), /校验值/, /checksum/],
    'empty-comment.html': [Buffer.from(`<!DOCTYPE html><html><body><!-->${story}<!--->${story}</body></html>`), null, null],
    'numerals.txt': [Buffer.from('一'.repeat(40000) + '\n完成投资3.5亿元。\n'), null, null],
    'junk.bin': [junk, /不是文本|二进制/, /binary/],
    '=a.txt': [Buffer.from(sample(0)), null, null],
  };
  if (fs.existsSync(path.join(HOSTILE, 'zip64.docx'))) files['zip64.docx'] = [copy('zip64.docx'), /ZIP64/, /ZIP64/];
  return files;
}

test('hostile files among good ones: reasons in both languages, good files as the CLI reads them', async () => {
  const files = hostileFiles();
  for (const [name, [bytes]] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  const good = SAMPLES.map((f, k) => { const n = `good-${k}.txt`; fs.copyFileSync(path.join(DATA, f), path.join(dir, n)); return n; });
  for (const f of ['report-deflated.docx', '004.html']) { fs.copyFileSync(path.join(DATA, f), path.join(dir, f)); good.push(f); }
  const all = [...Object.keys(files), ...good];

  const { page, errors } = await openApp(browser, server.url);
  const started = Date.now();
  await page.setInputFiles('[data-testid="file-input"]', all.map((f) => path.join(dir, f)));
  await page.waitForFunction((n) => {
    const p = document.querySelector('[data-testid="progress"]');
    return p && Number(p.max) === n && Number(p.value) === n;
  }, all.length, { timeout: 60000 });
  const secs = (Date.now() - started) / 1000;
  assert.ok(secs < 30, `the batch finished in ${secs} s`);

  const byName = (rows) => Object.fromEntries(rows.map((r) => [r.cells[1], r]));
  const zh = byName(await filesTable(page));
  assert.equal(Object.keys(zh).length, all.length, 'every file has its row (the table shows 9 rows at a time: scrolled below)');
  await page.click('[data-testid="lang"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const en = byName(await filesTable(page));
  for (const [name, [, zhWhy, enWhy]] of Object.entries(files)) {
    if (zhWhy) {
      assert.equal(zh[name].status, 'failed', `${name}: ${zh[name].cells.join(' | ')}`);
      assert.match(zh[name].cells[5], zhWhy, `${name} in Chinese`);
      assert.match(en[name].cells[5], enWhy, `${name} in English`);
      assert.doesNotMatch(en[name].cells[5], /[\u4e00-\u9fff]/, `${name}: the English reason is English`);
    } else {
      assert.equal(zh[name].status, 'ok', `${name}: ${zh[name].cells.join(' | ')}`);
    }
  }
  // The <!--> page gives its story, both times.
  assert.equal(Number(zh['empty-comment.html'].cells[4]), 4);

  // Every analysed file: its figures, sentences and all, as the CLI gives them (CSV).
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
  const csv = csvLines(fs.readFileSync(await csvDl.path(), 'utf8'));
  const analysed = all.filter((n) => zh[n].status === 'ok');
  assert.equal(analysed.length, good.length + 3);
  for (const name of analysed) {
    const native = nativeCsv(dir, name);
    assert.equal(csv[0], native[0], 'same columns');
    // The CLI's file column for `=a.txt` is defused as the page's is: `'=a.txt`.
    const cell = native.length > 1 ? native[1].slice(0, native[1].indexOf(',')) : name;
    const mine = csv.slice(1).filter((l) => l.startsWith(`${cell},`));
    assert.deepEqual(mine, native.slice(1), `${name}: figures as the CLI gives them`);
    assert.equal(Number(zh[name].cells[4]), native.length - 1, `${name}: the files table's count`);
  }
  assert.ok(csv.some((l) => l.startsWith("'=a.txt,")), 'the CSV defuses =a.txt');

  // JSON: exactly the data (the name kept), and the CLI's figures for it.
  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
  const json = JSON.parse(fs.readFileSync(await jsonDl.path(), 'utf8'));
  const named = json.filter((r) => r.file === '=a.txt');
  assert.ok(named.length > 10, `=a.txt kept exactly in the JSON (${named.length} rows)`);
  assert.ok(!json.some((r) => r.file.startsWith("'")), 'no defusing quote in the JSON');
  assert.deepEqual(named.map((r) => [r.text, r.start, r.end]), nativeJson(dir, '=a.txt').map((f) => [f.text, f.start, f.end]));
  assert.equal(json.length, csv.length - 1);
  assert.deepEqual(errors, []);
});
