// Batch analysis: many files in different encodings and formats, plus hostile
// ones, given to the file input; statuses, figures and exports checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, openApp, ROOT } from './helpers.mjs';

const DATA = path.join(ROOT, 'crates/core/testdata/decode');
const SHUDU = path.join(ROOT, 'target/release/shudu');

/** Figure count of a file by the native engine (same engine, same decoder). */
function nativeCount(file) {
  const out = execFileSync(SHUDU, ['figures', '--json', file], { maxBuffer: 64 << 20 });
  return JSON.parse(out).figures.length;
}

let server, browser, dir;
before(async () => {
  server = await serve('/');
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shudu-batch-'));
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]));
});
after(async () => { await browser?.close(); await server?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

async function filesTable(page) {
  return page.$$eval('[data-testid="files-table"] tbody tr', (trs) => trs.map((tr) => ({
    cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
    status: tr.dataset.status,
  })));
}

test('encodings, HTML, a binary and an empty file: every good file analysed, bad ones reported', async () => {
  const good = ['000.gb18030.txt', '001.utf16le-bom.txt', '002.utf8-bom.txt', '003.gbk.txt', '004.html'].map((f) => path.join(DATA, f));
  const originals = {
    '000.gb18030.txt': '000_779206c0961d10cc.txt', '001.utf16le-bom.txt': '001_a3a797bd12993cc8.txt',
    '002.utf8-bom.txt': '002_736a2d626d106f43.txt', '003.gbk.txt': '003_d3781b2b04487d6d.txt',
  };
  const { page, errors } = await openApp(browser, server.url);
  await page.setInputFiles('[data-testid="file-input"]', [...good, path.join(dir, 'empty.txt'), path.join(dir, 'image.png')]);
  await page.waitForFunction(() => {
    const p = document.querySelector('[data-testid="progress"]');
    return p && Number(p.max) === 7 && Number(p.value) === 7;
  }, null, { timeout: 60000 });
  const rows = await filesTable(page);
  assert.equal(rows.length, 7);
  let expectedTotal = 0;
  for (const row of rows) {
    const name = row.cells[1];
    if (name === 'empty.txt') { assert.equal(row.status, 'failed'); assert.match(row.cells[5], /empty/); continue; }
    if (name === 'image.png') { assert.equal(row.status, 'failed'); assert.match(row.cells[5], /binary/); continue; }
    assert.equal(row.status, 'ok', `${name}: ${row.cells[5]}`);
    const figures = Number(row.cells[4]);
    // Same figures as the UTF-8 original (and as the native engine on the same bytes).
    const expected = originals[name] ? nativeCount(path.join(ROOT, 'static/samples', originals[name])) : nativeCount(path.join(DATA, name));
    assert.equal(figures, expected, `${name} figures`);
    expectedTotal += figures;
  }
  assert.match(rows.find((r) => r.cells[1] === '000.gb18030.txt').cells[3], /GB18030/);
  assert.match(rows.find((r) => r.cells[1] === '001.utf16le-bom.txt').cells[3], /UTF-16/);
  const tableRows = await page.$$eval('[data-testid="figures-table"] tbody tr', (t) => t.length);
  assert.equal(tableRows, expectedTotal, 'one table row per figure');

  // CSV export: BOM, header, one line per figure.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
  const csv = fs.readFileSync(await download.path());
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = csv.toString('utf8').slice(1).split('\r\n').filter((l) => l.length);
  assert.equal(lines[0], 'file,text,kind,value,unit,approx,low,high,change,label,subject,sentence');
  assert.equal(lines.length, expectedTotal + 1);
  assert.ok(lines.some((l) => l.startsWith('000.gb18030.txt,14.8亿元,money,1480000000,元')), 'the 14.8亿元 row');

  // JSON and XLSX exports start and have the right shape.
  const [jd] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
  const json = JSON.parse(fs.readFileSync(await jd.path(), 'utf8'));
  assert.equal(json.length, expectedTotal);
  assert.ok(json.some((r) => r.text === '14.8亿元' && r.value === 1480000000 && r.file === '000.gb18030.txt'));
  const [xd] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-xlsx"]')]);
  const xlsx = fs.readFileSync(await xd.path());
  assert.equal(xlsx.subarray(0, 2).toString(), 'PK', 'an xlsx is a zip');
  assert.ok(xlsx.length > 2000);
  assert.deepEqual(errors, []);
});

test('filter, sort, and open a figure in its article', async () => {
  const { page } = await openApp(browser, server.url);
  await page.setInputFiles('[data-testid="file-input"]', [path.join(DATA, '000.gb18030.txt'), path.join(DATA, '003.gbk.txt')]);
  await page.waitForFunction(() => {
    const p = document.querySelector('[data-testid="progress"]');
    return p && Number(p.value) === 2 && Number(p.max) === 2;
  });
  await page.click('[data-testid="filter-money"]');
  const kinds = await page.$$eval('[data-testid="figures-table"] tbody tr', (t) => t.map((r) => r.dataset.kind));
  assert.ok(kinds.length > 5 && kinds.every((k) => k === 'money'));
  // Sort by value, descending: the first row has the largest amount.
  await page.click('[data-testid="figures-table"] th:nth-child(4)');
  await page.click('[data-testid="figures-table"] th:nth-child(4)');
  const values = await page.$$eval('[data-testid="figures-table"] tbody tr td.value', (t) => t.map((td) => Number(td.textContent.replace(/[^0-9.]/g, ''))));
  for (let k = 1; k < values.length; k++) assert.ok(values[k - 1] >= values[k], `sorted: ${values.slice(0, 5)}`);
  await page.fill('[data-testid="filter-text"]', '14.8亿');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-table"] tbody tr').length === 1);
  await page.click('[data-testid="figures-table"] tbody tr');
  await page.waitForSelector('[data-testid="tokens"] .tok.sel');
  const highlighted = await page.$$eval('[data-testid="tokens"] .tok.sel', (t) => t.map((s) => s.textContent).join(''));
  assert.equal(highlighted, '14.8亿元');
  // The article's own export: every figure of that file, whatever the table's filters.
  const [ad] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-article-csv"]')]);
  const lines = fs.readFileSync(await ad.path(), 'utf8').slice(1).split('\r\n').filter((l) => l.length);
  assert.equal(lines.length, 1 + nativeCount(path.join(DATA, '000.gb18030.txt')));
  assert.ok(lines.slice(1).every((l) => l.startsWith('000.gb18030.txt,')));
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT });
});
