// The foundation: open the built site, click sample-0, read the figures table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, openApp, tableRows, ROOT } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });
const SHUDU = process.env.SHUDU_CLI ? path.resolve(process.env.SHUDU_CLI) : path.join(ROOT, 'target/release/shudu');
/** A count as the page writes it: with thousands separators. */
const n = (x) => x.toLocaleString('en-US');

test('sample-0 fills the figures table; 14.8亿元 reads 1,480,000,000 元', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.click('[data-testid="sample-0"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-table"] tbody tr.row').length > 30);
  // (Only the rows in view are drawn: the figure is looked for by its value.)
  await page.fill('[data-testid="filter-text"]', '1480000000');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-table"] tbody tr.row').length === 1);
  const rows = await tableRows(page);
  const row = rows.find((cells) => cells.includes('14.8亿元'));
  assert.ok(row, 'a row for 14.8亿元');
  assert.ok(row.includes('1,480,000,000 元'), `row shows the normalised value: ${row}`);
  assert.ok(row.includes('金额'), 'kind money');
  const tokens = await page.textContent('[data-testid="tokens"]');
  assert.ok(tokens.includes('鸡西'), 'segmented text shown');
  const spans = await page.$$eval('[data-testid="tokens"] .tok', (s) => s.length);
  assert.ok(spans > 1000, `tokens drawn one per word (${spans})`);
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: false });
  assert.deepEqual(errors, []);
});

test('periods read in the page language; the ISO form stays in the tooltip', async () => {
  const { page, errors } = await openApp(browser, server.url);
  // (The year-less period in a paragraph of its own: in the same paragraph 1-7月 takes 2022.)
  await page.fill('[data-testid="input"]', '2022年1-10月，全省规上工业增加值增长5.1%。\n1-7月，出口增长3%。');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-table"] tbody tr.row').length === 4);
  const periodCell = (text) => page.$eval(`[data-testid="figures-table"] tbody tr.row:has(td.text:text-is("${text}")) td.period`,
    (td) => [td.textContent.trim(), td.title]);
  assert.deepEqual(await periodCell('5.1%'), ['2022年1–10月', '2022-01/2022-10']);
  assert.deepEqual(await periodCell('3%'), ['1–7月', '--01/--07']);
  await page.click('[data-testid="lang"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.deepEqual(await periodCell('5.1%'), ['Jan–Oct 2022', '2022-01/2022-10']);
  await page.click('[data-testid="lang"]');
  assert.deepEqual(errors, []);
});

test('pasted text is analysed while typing stays responsive', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.fill('[data-testid="input"]', '全市完成投资3.5亿元，同比增长12.5%，新开工项目68个。');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-table"] tbody tr').length === 3);
  const rows = await tableRows(page);
  assert.ok(rows[0].includes('350,000,000 元'));
  assert.ok(rows[1].includes('12.5 %') && rows[1].includes('↑ 增'));
  assert.ok(rows[2].includes('68 个'));
  // Typing more replaces the result rather than appending stale ones.
  await page.fill('[data-testid="input"]', '约2600人');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-table"] tbody tr').length === 1);
  const [only] = await tableRows(page);
  assert.ok(only.includes('约2600人') && only.includes('约'));
  assert.deepEqual(errors, []);
});

test('a long text is analysed in pieces on extra workers, as in one piece; they stop when idle', async () => {
  const { page, errors } = await openApp(browser, server.url);
  assert.equal(page.workers().length, 1, 'one worker at rest');
  const sample = fs.readFileSync(path.join(ROOT, 'crates/core/testdata/decode/000_779206c0961d10cc.txt'), 'utf8');
  // One sample (ends with a line break), then the same 40 times: ~1.5 MB, several pieces.
  const one = await page.evaluate((t) => window.shudu.analyze(t), sample + '\n');
  const many = await page.evaluate((t) => window.shudu.analyze(t), (sample + '\n').repeat(40));
  assert.ok(one.figures > 50, `figures in one sample: ${one.figures}`);
  assert.equal(many.figures, 40 * one.figures, 'every copy gives the same figures');
  assert.equal(many.tokens, 40 * one.tokens, 'and the same words');
  assert.equal(many.chars, 40 * one.chars);
  assert.deepEqual(many.keywords, one.keywords, 'the same key words, ranked from counts summed over the pieces');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  if (cores > 1) assert.ok(page.workers().length > 1, `more workers for a long text (${page.workers().length})`);
  // Extra workers stop 8 s after their last work (the watchdog looks every 2 s).
  const deadline = Date.now() + 15000;
  while (page.workers().length > 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  assert.equal(page.workers().length, 1, 'back to one worker when idle');
  const again = await page.evaluate((t) => window.shudu.analyze(t), sample + '\n');
  assert.equal(again.figures, one.figures, 'the remaining worker still answers');
  assert.deepEqual(errors, []);
});

test('texts sent the moment the engine is ready are answered before its build ends, as after it', async () => {
  const dir = path.join(ROOT, 'crates/core/testdata/decode');
  const samples = fs.readdirSync(dir).filter((f) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(f)).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // As soon as body[data-engine] says ready, send every sample (the first worker then
  // still builds its full engine in slices, and answers short texts meanwhile).
  await page.addInitScript((texts) => {
    window.__early = new Promise((resolve) => {
      const go = () => {
        if (document.body?.dataset.engine !== 'ready' || !window.shudu) return false;
        resolve(Promise.all(texts.map((t) => window.shudu.analyze(t))));
        return true;
      };
      const watch = () => {
        if (go()) return;
        new MutationObserver((_, o) => { if (go()) o.disconnect(); })
          .observe(document.documentElement, { attributes: true, subtree: true, childList: true });
      };
      if (document.documentElement) watch(); else document.addEventListener('readystatechange', watch, { once: true });
    });
  }, samples);
  await page.goto(server.url);
  const early = await page.evaluate(() => window.__early);
  assert.ok(early.some((r) => r.early), `answered before the full engine was built: ${early.map((r) => r.early)}`);
  await page.waitForTimeout(1500);
  const late = await page.evaluate((texts) => Promise.all(texts.map((t) => window.shudu.analyze(t))), samples);
  assert.ok(late.every((r) => !r.early), 'later, the full engine answers');
  for (let i = 0; i < samples.length; i++) {
    for (const k of ['chars', 'tokens', 'figures', 'keywords']) assert.deepEqual(early[i][k], late[i][k], `sample ${i}: ${k}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a dictionary that is damaged or missing is reported on the page, not waited for', async () => {
  const dict = fs.readFileSync(path.join(ROOT, 'dist/jieba-dict.txt'));
  const cases = [
    // Cut in the middle of its words: the worker unpacks it as it arrives, and finds the end missing.
    [{ status: 200, contentType: 'text/plain; charset=utf-8', body: dict.subarray(0, dict.length >> 1) }, 'dictionary is damaged'],
    [{ status: 200, contentType: 'text/html', body: '<!doctype html><p>Welcome to nginx!</p>' }, 'dictionary is damaged: unknown version'],
    [{ status: 404, contentType: 'text/plain', body: 'not found' }, 'HTTP 404'],
  ];
  for (const [reply, message] of cases) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/jieba-dict.txt', (route) => route.fulfill(reply));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    const shown = await page.waitForSelector('[data-testid="engine-error"]', { timeout: 15000 });
    const text = await shown.textContent();
    assert.ok(text.includes(message), `"${text}" says ${message}`);
    assert.equal(await page.getAttribute('body', 'data-engine'), 'broken', 'never claims to be ready');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a dictionary word that is not UTF-8, found while the engine is built after ready, is reported', async () => {
  // The words are checked as UTF-8 as they are used: the last word (it sorts last, so the
  // order stays right) is made of bytes that are not UTF-8. The worker says ready, then finds it
  // while it builds, and the page must say so rather than analyse with half a dictionary.
  const dict = Buffer.from(fs.readFileSync(path.join(ROOT, 'dist/jieba-dict.txt')));
  const lines = dict.subarray(0, 200).toString('latin1').split('\n', 3);
  const head = lines.reduce((n, l) => n + l.length + 1, 0);
  const wordsEnd = head + Number(lines[2].split(' ')[1]);
  const lastLine = dict.lastIndexOf(0x0a, wordsEnd - 2) + 1;
  dict.fill(0xff, lastLine + 1, wordsEnd - 1);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/jieba-dict.txt', (route) => route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: dict }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    new MutationObserver(() => { if (document.body?.dataset.engine === 'ready') window.__sawReady = true; })
      .observe(document, { attributes: true, subtree: true, attributeFilter: ['data-engine'] });
  });
  await page.goto(server.url);
  const shown = await page.waitForSelector('[data-testid="engine-error"]', { timeout: 20000 });
  const text = await shown.textContent();
  assert.ok(text.includes('dictionary is damaged: words are not UTF-8'), text);
  assert.equal(await page.evaluate(() => window.__sawReady), true, 'it was ready first (the words are checked in the build)');
  assert.equal(await page.getAttribute('body', 'data-engine'), 'broken', 'and no longer says it is');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long text pasted or inserted into the editor stays out of the textarea, is analysed whole and shown by its start', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const sample = fs.readFileSync(path.join(ROOT, 'crates/core/testdata/decode/000_779206c0961d10cc.txt'), 'utf8');
  const one = await page.evaluate((t) => window.shudu.analyze(t), sample + '\n');
  const long = (sample + '\n').repeat(30); // ~200,000 chars: over the textarea's limit
  const analysed = async () => {
    await page.waitForFunction(() => /已分析/.test(document.querySelector('.status').textContent)
      && !document.querySelector('.results.stale'), null, { polling: 20 });
    return page.textContent('.status');
  };
  // A paste (what a user does), and text inserted as typing (playwright's fill).
  for (const how of ['paste', 'fill']) {
    await page.click('[data-testid="sample-1"]');
    await analysed();
    assert.ok(await page.isVisible('[data-testid="input"]'), `${how}: the editor is back for a sample`);
    if (how === 'paste') {
      await page.evaluate((t) => {
        const area = document.querySelector('[data-testid="input"]');
        area.focus();
        area.select();
        const data = new DataTransfer();
        data.setData('text/plain', t);
        area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, long);
    } else {
      await page.fill('[data-testid="input"]', long);
    }
    const status = await analysed();
    // The whole text (it replaced the sample, which was selected), not the sample and not a part.
    assert.ok(status.includes(`已分析 ${n([...long].length)} 字`) && status.includes(`${n(30 * one.figures)} 个数字`), `${how}: ${status}`);
    assert.ok(await page.isVisible('[data-testid="long-text"]'), `${how}: the long-text view is shown`);
    assert.ok(!(await page.isVisible('[data-testid="input"]')), `${how}: the textarea is hidden`);
    assert.equal(await page.$eval('[data-testid="input"]', (a) => a.value.length), 0, `${how}: the textarea holds nothing`);
    const shown = await page.textContent('[data-testid="long-text"]');
    assert.ok(shown.includes(`${n([...long].length)} 字`) && shown.includes(sample.slice(0, 200)), `${how}: its length and start`);
    assert.ok(shown.length < 5000, `${how}: only its start (${shown.length} chars)`);
  }
  // Its words are not kept: the article view shows the stretch around the chosen figure,
  // analysed when shown, with the figure marked as in a short text.
  await page.waitForSelector('[data-testid="window-note"]');
  assert.match(await page.textContent('[data-testid="window-note"]'), new RegExp(`长文本共 ${n([...long].length)} 字，这里是第 1–[\\d,]+ 字`));
  // A figure of the second copy: the table scrolled to it (only the rows in view are drawn).
  await page.$eval('.results .table-wrap', (w, y) => { w.scrollTop = y; }, Math.floor(one.figures * 1.5) * 33);
  await page.waitForTimeout(300);
  const rows = await page.$$('[data-testid="figures-table"] tbody tr.row');
  const row = rows[Math.floor(rows.length / 2)];
  const figure = await row.$eval('td.text', (td) => td.textContent);
  await row.click();
  await page.waitForFunction(() => /这里是第 [2-9][\d,]*–/.test(document.querySelector('[data-testid="window-note"]')?.textContent ?? ''), null, { polling: 20 });
  const marked = await page.$$eval('.tok.sel', (els) => els.map((e) => e.textContent).join(''));
  assert.equal(marked, figure, 'the chosen figure is marked in its stretch');
  const words = await page.$$eval('.tok', (els) => els.length);
  assert.ok(words > 1000 && words <= 4000, `a stretch of words is drawn (${words})`);
  // Its figures exported with their sentences (found in the JavaScript string the page holds),
  // as the native engine gives them for the same text.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-article-csv"]')]);
  const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter((l) => l.length);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shudu-long-'));
  fs.writeFileSync(path.join(dir, '（粘贴的文本）'), long);
  const native = execFileSync(SHUDU, ['figures', '--csv', '（粘贴的文本）'], { cwd: dir, maxBuffer: 64 << 20 })
    .toString('utf8').split('\n').filter((l) => l.length);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(csv.length, 30 * one.figures + 1, 'a header and every figure');
  assert.deepEqual(csv, native, 'figures and sentences, as natively');
  // Clearing brings the empty editor back.
  await page.click('[data-testid="clear-text"]');
  await page.waitForSelector('[data-testid="input"]', { state: 'visible' });
  assert.ok(!(await page.isVisible('[data-testid="long-text"]')));
  assert.match(await page.textContent('.status'), /就绪/);
  assert.deepEqual(errors, []);
});

test('a long text says how far its analysis is while it runs', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const sample = fs.readFileSync(path.join(ROOT, 'crates/core/testdata/decode/000_779206c0961d10cc.txt'), 'utf8');
  const long = (sample + '\n').repeat(800); // ~5 million chars: some 60 pieces
  await page.evaluate((t) => {
    window.__statuses = [];
    new MutationObserver(() => {
      const s = document.querySelector('.status')?.textContent;
      if (s && s !== window.__statuses.at(-1)) window.__statuses.push(s);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    const area = document.querySelector('[data-testid="input"]');
    area.focus();
    const data = new DataTransfer();
    data.setData('text/plain', t);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, long);
  await page.waitForFunction(() => /已分析/.test(document.querySelector('.status').textContent), null, { polling: 20, timeout: 60000 });
  const statuses = await page.evaluate(() => window.__statuses);
  const steps = statuses.map((s) => s.match(/分析中… ([\d,]+) \/ ([\d,]+) 段/)).filter(Boolean)
    .map((m) => [Number(m[1].replace(/,/g, '')), Number(m[2].replace(/,/g, ''))]);
  assert.ok(steps.length >= 1, `progress was shown: ${JSON.stringify(statuses)}`);
  const pieces = steps[0][1];
  assert.ok(pieces > 30, `pieces: ${pieces}`);
  steps.forEach(([back, of], k) => {
    assert.equal(of, pieces, 'the same number of pieces throughout');
    assert.ok(back > 0 && back < pieces, `pieces back: ${back} of ${pieces}`);
    if (k > 0) assert.ok(back >= steps[k - 1][0], 'never going back');
  });
  assert.ok(statuses.at(-1).includes(`已分析 ${n([...long].length)} 字`), statuses.at(-1));
  assert.deepEqual(errors, []);
});

test('a long text replaced in the editor: its pieces no worker has started are dropped', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const sample = fs.readFileSync(path.join(ROOT, 'crates/core/testdata/decode/000_779206c0961d10cc.txt'), 'utf8');
  const long = (sample + '\n').repeat(400); // ~2.6 million chars: some 30 pieces
  const before = await page.evaluate(() => window.shudu.stats().textsDone);
  // Pasted (playwright's fill types a text this long too slowly).
  await page.evaluate((t) => {
    const area = document.querySelector('[data-testid="input"]');
    area.value = t;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, long);
  // Once the editor has sent it (after a short pause in typing), choose a sample instead.
  await page.waitForFunction(() => window.shudu.stats().textsWaiting > 10, null, { polling: 5 });
  await page.click('[data-testid="sample-1"]');
  // The sample's figures are shown, and only a few of the long text's pieces were analysed.
  await page.waitForFunction(() => !document.querySelector('.results.stale')
    && document.querySelectorAll('[data-testid="figures-table"] tbody tr').length > 10);
  const status = await page.textContent('.status');
  assert.ok(!status.includes(n([...long].length)) && /已分析 [\d,]+ 字/.test(status), status);
  const { textsDone, textsWaiting } = await page.evaluate(() => window.shudu.stats());
  assert.equal(textsWaiting, 0);
  assert.ok(textsDone - before < 20, `${textsDone - before} texts and pieces analysed: the long text's waiting pieces were dropped`);
  assert.deepEqual(errors, []);
});
