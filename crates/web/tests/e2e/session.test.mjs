// Issue 17, the page's side: the real PDF, .doc and .docx of ../shared/corpus/formats/ dropped
// and analysed; a reload in the middle of work; a user word; the session file's round trip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { serve, launch, openApp, tableRows, ROOT } from './helpers.mjs';

const FORMATS = path.join(ROOT, '../shared/corpus/formats');
const FILES = ['sz_gender_2021.pdf', 'police.doc', 'teachers.docx'];
// The native command (SHUDU_CLI: one built elsewhere), as in batch.test.mjs.
const SHUDU = process.env.SHUDU_CLI ? path.resolve(process.env.SHUDU_CLI) : path.join(ROOT, 'target/release/shudu');
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const nativeCount = (file) => JSON.parse(execFileSync(SHUDU, ['figures', '--json', file], { maxBuffer: 64 << 20 })).figures.length;

let server, browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Drop files on the drop zone as a drag from the desktop does (a DataTransfer of Files). */
async function drop(page, names) {
  const files = names.map((n) => ({ name: n, b64: fs.readFileSync(path.join(FORMATS, n)).toString('base64') }));
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    const zone = document.querySelector('[data-testid="dropzone"]');
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

async function filesTable(page) {
  return page.$$eval('[data-testid="files-table"] tbody tr', (trs) => trs.map((tr) => ({
    cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
    status: tr.dataset.status,
  })));
}

/** The figure texts the table finds for a query (the table draws only the rows in view). */
async function search(page, query) {
  await page.fill('[data-testid="filter-text"]', query);
  await page.waitForTimeout(200);
  const rows = await tableRows(page);
  await page.fill('[data-testid="filter-text"]', '');
  return rows;
}

async function analyseFormats(page) {
  await drop(page, FILES);
  await page.waitForFunction(() => {
    const p = document.querySelector('[data-testid="progress"]');
    return p && Number(p.max) === 3 && Number(p.value) === 3;
  }, null, { timeout: 60000 });
}

test('the real PDF, .doc and .docx dropped: all analysed, the figures the CLI finds', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await analyseFormats(page);
  const rows = await filesTable(page);
  assert.deepEqual(rows.map((r) => r.cells[1]).sort(), [...FILES].sort());
  for (const r of rows) assert.equal(r.status, 'ok', `${r.cells[1]}: ${r.cells.join(' | ')}`);
  for (const r of rows) assert.equal(Number(r.cells[4]), nativeCount(path.join(FORMATS, r.cells[1])), `${r.cells[1]}: as many figures as the CLI finds`);
  // (The PDF's `1761.48 万人`: the space between number and unit does not break the figure.)
  for (const [query, text, value] of [['1761.48', '1761.48万人', '17,614,800'], ['969.57', '969.57万人', '9,695,700'],
    ['791.91', '791.91万人', '7,919,100'], ['55.0%', '55.0%', null], ['90分钟', '90分钟', null], ['30厘米', '30厘米', null]]) {
    const found = await search(page, query);
    const row = found.find((r) => r[1] === text);
    assert.ok(row, `${text} in the figures table: ${found.slice(0, 3).map((r) => r.join(' ')).join(' / ')}`);
    if (value) assert.ok(row[3].startsWith(value), `${text} is ${value}: ${row.join(' | ')}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reload in the middle of work keeps the figures, the files, the text and the filters', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await analyseFormats(page);
  await page.fill('[data-testid="input"]', '全市常住人口1761.48万人，比上年增长2.1%。');
  await page.waitForSelector('[data-testid="tokens"] .tok');
  await page.fill('[data-testid="filter-text"]', '万人');
  await page.waitForTimeout(300);
  const before = { rows: await tableRows(page), count: await page.textContent('[data-testid="rows-count"]'),
    files: (await filesTable(page)).map((r) => [r.cells[1], r.status, r.cells[4]]) };
  assert.ok(before.rows.length > 3, `${before.rows.length} rows`);
  await page.waitForTimeout(800); // the session is written a moment after a change
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]', { timeout: 30000 });
  await page.waitForSelector('[data-testid="session-note"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-table"] tbody tr.row').length > 3);
  assert.equal(await page.inputValue('[data-testid="filter-text"]'), '万人', 'the filter is kept');
  assert.equal(await page.inputValue('[data-testid="input"]'), '全市常住人口1761.48万人，比上年增长2.1%。');
  await page.waitForFunction((n) => document.querySelector('[data-testid="rows-count"]')?.textContent === n, before.count);
  assert.deepEqual(await tableRows(page), before.rows, 'the same rows');
  assert.deepEqual((await filesTable(page)).map((r) => [r.cells[1], r.status, r.cells[4]]), before.files, 'the same files');

  // Clearing asks first: cancelled, nothing goes; confirmed, nothing comes back on the next reload.
  await page.click('[data-testid="session-clear"]');
  await page.waitForSelector('[data-testid="session-clear-ask"]');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'session-clear-confirm', 'the confirming button has the focus');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="session-clear-ask"]', { state: 'detached' });
  assert.ok(await page.$('[data-testid="files-table"]'), 'cancelled: the files stay');
  await page.click('[data-testid="session-clear"]');
  await page.click('[data-testid="session-clear-confirm"]');
  await page.waitForSelector('[data-testid="files-table"]', { state: 'detached' });
  await page.waitForTimeout(800);
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  await page.waitForTimeout(800);
  assert.equal(await page.$('[data-testid="files-table"]'), null, 'no files after clearing');
  assert.equal(await page.inputValue('[data-testid="input"]'), '');
  assert.deepEqual(errors, []);
  await page.close();
});

test('turned off, nothing is kept, and what was kept is deleted', async () => {
  const { page } = await openApp(browser, server.url);
  await page.fill('[data-testid="input"]', '今年增长了5%。');
  await page.waitForTimeout(800);
  await page.uncheck('[data-testid="session-keep"]');
  await page.waitForTimeout(300);
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  assert.ok(!names.includes('shudu'), `the database is deleted (${names})`);
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  await page.waitForTimeout(500);
  assert.equal(await page.inputValue('[data-testid="input"]'), '', 'nothing restored');
  assert.equal(await page.isChecked('[data-testid="session-keep"]'), false, 'the choice is remembered');
  await page.close();
});

test('a full storage is said, and nothing on screen is lost', async () => {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // A storage that is full while `window.full` is set (as Chromium fails a put past the quota).
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.goto(server.url);
  await page.waitForSelector('body[data-engine="ready"]', { timeout: 30000 });
  await page.evaluate(() => { window.full = true; });
  await page.fill('[data-testid="input"]', '全市常住人口1761.48万人，比上年增长2.1%。');
  await page.waitForSelector('[data-testid="session-error"]');
  assert.match(await page.textContent('[data-testid="session-error"]'), /QuotaExceededError/);
  assert.equal(await page.inputValue('[data-testid="input"]'), '全市常住人口1761.48万人，比上年增长2.1%。');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-table"] tbody tr.row').length === 2);
  // Room again: the next change is kept, and the problem is no longer said.
  await page.evaluate(() => { window.full = false; });
  await page.fill('[data-testid="input"]', '全市常住人口1761.48万人，比上年增长2.2%。');
  await page.waitForSelector('[data-testid="session-error"]', { state: 'detached' });
  await page.waitForTimeout(500);
  await page.reload();
  await page.waitForSelector('[data-testid="session-note"]');
  assert.equal(await page.inputValue('[data-testid="input"]'), '全市常住人口1761.48万人，比上年增长2.2%。');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a word typed into the user dictionary comes out as one token', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const tokens = () => page.$$eval('[data-testid="tokens"] .tok', (s) => s.map((x) => x.textContent));
  await page.fill('[data-testid="input"]', '数读分析器今年处理了5%的文章。');
  await page.waitForFunction(() => document.querySelector('[data-testid="tokens"] .tok'));
  assert.ok(!(await tokens()).includes('数读分析器'), 'not one word without the user dictionary');
  await page.click('.user-dict summary');
  await page.fill('[data-testid="user-dict"]', '# 我的词\n数读分析器 n\n');
  await page.dispatchEvent('[data-testid="user-dict"]', 'change');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="tokens"] .tok')].some((t) => t.textContent === '数读分析器'));
  // A refused line is said, in the page's language, and the words in use stay.
  await page.fill('[data-testid="user-dict"]', '数读分析器 n\n坏行 12 n x\n');
  await page.dispatchEvent('[data-testid="user-dict"]', 'change');
  assert.match(await page.textContent('[data-testid="user-dict-error"]'), /第 2 行/);
  // The words before stay in use: the text analysed again still has it whole.
  await page.fill('[data-testid="input"]', '数读分析器明年处理了6%的文章。');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="tokens"] .tok')].some((t) => t.textContent === '明年'));
  assert.ok((await tokens()).includes('数读分析器'));
  // The box, its error and the session bar pass axe-core.
  await page.evaluate(AXE);
  const axe = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), [], 'axe-core');
  // Every worker uses it: files of a batch (spread over the workers) count it as one word.
  await page.fill('[data-testid="input"]', '');
  const files = [...Array(8).keys()].map((k) => ({ name: `w${k}.txt`, mimeType: 'text/plain',
    buffer: Buffer.from(`第${k}份报告：数读分析器的准确率为9${k}%。`.repeat(200)) }));
  await page.setInputFiles('[data-testid="file-input"]', files);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="files-table"] tbody tr[data-status="ok"]').length === 8);
  await page.click('[data-testid="tab-words"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="computing"]'));
  const count = await page.$$eval('[data-testid="word-list"] tbody tr', (trs) =>
    trs.find((tr) => tr.cells[1].textContent === '数读分析器')?.cells[3].textContent);
  assert.equal(count, '1600', 'the user word counted whole in every file');
  // A file opened in the article view is segmented with it ...
  await page.click('[data-testid="tab-figures"]');
  await page.click('[data-testid="figures-table"] tbody tr.row');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="tokens"] .tok')].some((t) => t.textContent === '数读分析器'));
  // ... and again when the word is taken out: no longer kept whole (the engine forgets it).
  await page.fill('[data-testid="user-dict"]', '# 空\n');
  await page.dispatchEvent('[data-testid="user-dict"]', 'change');
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="tokens"] .tok')].some((t) => t.textContent === '数读分析器'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the session file: saved, opened in a fresh browser, the same session', async () => {
  const { page } = await openApp(browser, server.url);
  await analyseFormats(page);
  await page.fill('[data-testid="input"]', '全市常住人口1761.48万人。');
  await page.waitForSelector('[data-testid="tokens"] .tok');
  await page.click('.user-dict summary');
  await page.fill('[data-testid="user-dict"]', '常住人口 n\n');
  await page.dispatchEvent('[data-testid="user-dict"]', 'change');
  const count = await page.textContent('[data-testid="rows-count"]');
  const files = (await filesTable(page)).map((r) => [r.cells[1], r.status, r.cells[4]]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="session-export"]')]);
  assert.match(download.suggestedFilename(), /^shudu-session-.*\.json$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shudu-session-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(json.format, 'shudu-session');
  assert.equal(json.files.length, 3);
  await page.close();

  // Another browser (a new context: nothing kept), the file opened.
  const other = await openApp(browser, server.url);
  await other.page.setInputFiles('[data-testid="session-open"]', file);
  await other.page.waitForFunction((n) => document.querySelector('[data-testid="rows-count"]')?.textContent === n, count);
  assert.deepEqual((await filesTable(other.page)).map((r) => [r.cells[1], r.status, r.cells[4]]), files);
  assert.equal(await other.page.inputValue('[data-testid="input"]'), '全市常住人口1761.48万人。');
  assert.equal(await other.page.inputValue('[data-testid="user-dict"]'), '常住人口 n\n');
  // Not a session file: refused in words, the session on screen untouched.
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, '{"a": 1}');
  await other.page.setInputFiles('[data-testid="session-open"]', bad);
  assert.match(await other.page.textContent('[data-testid="session-error"]'), /不是数读的工作区文件/);
  assert.equal(await other.page.textContent('[data-testid="rows-count"]'), count);
  assert.deepEqual(other.errors, []);
  await other.page.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
