// Batch analysis: many files in different encodings and formats, plus hostile
// ones, given to the file input; statuses, figures and exports checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, openApp, ROOT } from './helpers.mjs';

const DATA = path.join(ROOT, 'crates/core/testdata/decode');
// The native command (SHUDU_CLI: one built elsewhere, e.g. under another CARGO_TARGET_DIR).
const SHUDU = process.env.SHUDU_CLI ? path.resolve(process.env.SHUDU_CLI) : path.join(ROOT, 'target/release/shudu');

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
    if (name === 'empty.txt') { assert.equal(row.status, 'failed'); assert.match(row.cells[5], /空文件/); continue; }
    if (name === 'image.png') { assert.equal(row.status, 'failed'); assert.match(row.cells[5], /二进制/); continue; }
    assert.equal(row.status, 'ok', `${name}: ${row.cells[5]}`);
    const figures = Number(row.cells[4]);
    // Same figures as the UTF-8 original (and as the native engine on the same bytes).
    const expected = originals[name] ? nativeCount(path.join(DATA, originals[name])) : nativeCount(path.join(DATA, name));
    assert.equal(figures, expected, `${name} figures`);
    expectedTotal += figures;
  }
  assert.match(rows.find((r) => r.cells[1] === '000.gb18030.txt').cells[3], /GB18030/);
  assert.match(rows.find((r) => r.cells[1] === '001.utf16le-bom.txt').cells[3], /UTF-16/);
  // The table has a row per figure (drawn as they scroll into view).
  assert.ok(expectedTotal > 200, `${expectedTotal} figures`);
  assert.equal(await page.textContent('[data-testid="rows-count"]'), `${expectedTotal.toLocaleString('en')} 个数字`);
  const drawn = await page.$$eval('[data-testid="figures-table"] tbody tr.row', (t) => t.length);
  assert.ok(drawn > 10 && drawn < 100, `only the rows in view are drawn (${drawn})`);

  // CSV export: BOM, header, one line per figure.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
  const csv = fs.readFileSync(await download.path());
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = csv.toString('utf8').slice(1).split('\r\n').filter((l) => l.length);
  assert.equal(lines[0], 'file,text,kind,value,unit,approx,low,high,change,label,subject,period,start,end,sentence');
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
  // Its second sheet is the summary: a row per metric, 完成投资 among them.
  const summary = zipEntry(xlsx, 'xl/worksheets/sheet2.xml');
  assert.ok(summary.includes('<autoFilter ref="A1:H'), summary.slice(-200));
  assert.ok(zipEntry(xlsx, 'xl/workbook.xml').includes('<sheet name="summary"'));
  assert.deepEqual(errors, []);
});

/** The text of entry `name` of a ZIP archive, found by its local header and inflated. */
function zipEntry(zip, name) {
  const magic = Buffer.from([0x50, 0x4b, 3, 4]);
  for (let i = zip.indexOf(magic); i >= 0; i = zip.indexOf(magic, i + 4)) {
    const nameLen = zip.readUInt16LE(i + 26);
    const extra = zip.readUInt16LE(i + 28);
    if (zip.toString('utf8', i + 30, i + 30 + nameLen) !== name) continue;
    const size = zip.readUInt32LE(i + 18);
    const data = zip.subarray(i + 30 + nameLen + extra, i + 30 + nameLen + extra + size);
    return zlib.inflateRawSync(data).toString('utf8');
  }
  throw new Error(`${name} not in the archive`);
}

test('filter, sort, and open a figure in its article', async () => {
  const { page } = await openApp(browser, server.url);
  await page.setInputFiles('[data-testid="file-input"]', [path.join(DATA, '000.gb18030.txt'), path.join(DATA, '003.gbk.txt')]);
  await page.waitForFunction(() => {
    const p = document.querySelector('[data-testid="progress"]');
    return p && Number(p.value) === 2 && Number(p.max) === 2;
  });
  await page.click('[data-testid="filter-money"]');
  const kinds = await page.$$eval('[data-testid="figures-table"] tbody tr.row', (t) => t.map((r) => r.dataset.kind));
  assert.ok(kinds.length > 5 && kinds.every((k) => k === 'money'));
  // Sort by value, descending: the first row has the largest amount.
  const valueHead = page.locator('[data-testid="figures-table"] th button', { hasText: '标准值' });
  await valueHead.click();
  await valueHead.click();
  const values = await page.$$eval('[data-testid="figures-table"] tbody tr td.value', (t) => t.map((td) => Number(td.textContent.replace(/[^0-9.]/g, ''))));
  for (let k = 1; k < values.length; k++) assert.ok(values[k - 1] >= values[k], `sorted: ${values.slice(0, 5)}`);
  await page.fill('[data-testid="filter-text"]', '14.8亿');
  // (The filter searches sentences too: the figures beside it in its sentence are found as well.)
  const row = page.locator('[data-testid="figures-table"] tbody tr.row', { has: page.locator('td.text', { hasText: /^14\.8亿元$/ }) });
  await row.first().waitFor();
  await row.first().click();
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

/** `text` encoded by Python's codec `codec` (Node itself writes only UTF-8 and UTF-16LE). */
function encodeWith(codec, text) {
  const script = 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode(sys.argv[1]))';
  return execFileSync('python3', ['-c', script, codec], { input: Buffer.from(text, 'utf8') });
}

/** A .docx holding `xml` (bytes) as word/document.xml. */
function docxWith(xml) {
  const script = `import io, sys, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types/>')
    z.writestr('word/document.xml', sys.stdin.buffer.read())
sys.stdout.buffer.write(b.getvalue())`;
  return execFileSync('python3', ['-c', script], { input: xml });
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (text) => text.split('\n').map((l) => l.trim()).filter((l) => l.length);

/** A saved web page: `meta` in the head, the text's paragraphs in an article. */
function webPage(meta, text) {
  const body = paragraphs(text).map((l) => `<p>${escapeXml(l)}</p>`).join('\n');
  return `<!DOCTYPE html>\n<html><head>${meta}<title>News</title></head>\n<body>\n<div class="article">\n${body}\n</div>\n</body></html>\n`;
}

// Traditional Chinese, for Big5 (the samples are simplified Chinese, which Big5 cannot hold).
const TRADITIONAL = `臺北市政府昨天公布去年的施政成果。全市共完成社會住宅一萬二千三百戶，比前年增加百分之十五；捷運每日平均運量達到二百一十萬人次，創下歷史新高。
市府表示，今年將投入新臺幣四百五十億元推動都市更新，預計在三年內改善約三千棟老舊建築，並新增五十座公園與綠地。
此外，觀光產業逐漸復甦，前十個月來臺旅客超過六百萬人次，旅館平均住房率回升到百分之七十二，餐飲業營業額也成長了百分之八點五。
市長在記者會上說，未來四年還要再興建兩萬戶住宅，讓年輕人能夠安心成家。
`;
// Western text, for windows-1252 (with the euro sign and curly quotes, which ISO-8859-1 lacks).
const WESTERN = `Le chiffre d’affaires a progressé de 12 % en 2023 pour atteindre 3,5 millions d’euros.
Les dépenses ont baissé à 450 000 € ; l’entreprise emploie 120 salariés à Besançon — « une année record ».
`;

/** Open a file's article: click one of its figures (the figure filter also matches file names). */
async function openArticle(page, name) {
  await page.fill('[data-testid="filter-text"]', name);
  const row = page.locator('[data-testid="figures-table"] tbody tr.row', { has: page.locator('td:first-child', { hasText: name }) }).first();
  await row.click();
  await page.waitForFunction((n) => {
    const doc = document.querySelector('.docname');
    return doc && doc.textContent.includes(n) && document.querySelector('[data-testid="tokens"]:not(.empty) .tok');
  }, name);
}

test('legacy encodings, UTF-16 without BOM, meta charsets and UTF-16 docx XML read as the native engine reads them', async () => {
  // The browser decodes with its TextDecoder, the command with encoding_rs: the same text must come out.
  const sample = (k) => fs.readFileSync(path.join(DATA, ['000_779206c0961d10cc.txt', '001_a3a797bd12993cc8.txt',
    '002_736a2d626d106f43.txt', '003_d3781b2b04487d6d.txt', '004_b6da46b685f43c6f.txt'][k]), 'utf8');
  const docXml = `<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${
    paragraphs(sample(1)).map((l) => `<w:p><w:r><w:t>${escapeXml(l)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;
  const files = {
    // name: [bytes, the encoding the files table shows]
    'big5.txt': [encodeWith('big5', TRADITIONAL), 'Big5'],
    'utf16le-nobom.txt': [Buffer.from(sample(2), 'utf16le'), 'UTF-16LE'],
    'utf16be-nobom.txt': [Buffer.from(sample(3), 'utf16le').swap16(), 'UTF-16BE'],
    'cp1252.txt': [encodeWith('cp1252', WESTERN), 'windows-1252'],
    'gb2312-meta.html': [encodeWith('gb18030', webPage('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', sample(4))), 'GB18030'],
    'big5-meta.html': [encodeWith('big5', webPage('<meta charset="big5">', TRADITIONAL)), 'Big5'],
    'latin1-meta.html': [encodeWith('cp1252', webPage('<meta charset="iso-8859-1">', WESTERN)), 'windows-1252'],
    'utf16-xml.docx': [docxWith(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(docXml, 'utf16le')])), 'UTF-8'],
  };
  const sub = fs.mkdtempSync(path.join(dir, 'enc-'));
  for (const [name, [bytes]] of Object.entries(files)) fs.writeFileSync(path.join(sub, name), bytes);
  const n = Object.keys(files).length;

  const { page, errors } = await openApp(browser, server.url);
  await page.setInputFiles('[data-testid="file-input"]', Object.keys(files).map((f) => path.join(sub, f)));
  await page.waitForFunction((n) => {
    const p = document.querySelector('[data-testid="progress"]');
    return p && Number(p.max) === n && Number(p.value) === n;
  }, n, { timeout: 60000 });
  const rows = await filesTable(page);
  assert.equal(rows.length, n);
  for (const row of rows) {
    const name = row.cells[1];
    assert.equal(row.status, 'ok', `${name}: ${row.cells[5]}`);
    assert.equal(row.cells[3], files[name][1], `${name}: encoding`);
    assert.equal(Number(row.cells[4]), nativeCount(path.join(sub, name)), `${name}: figures`);
  }
  for (const name of Object.keys(files)) {
    await openArticle(page, name);
    // The whole text (it is shorter than the article view's window), white space aside,
    // against the native command's words for the same file.
    assert.equal(await page.locator('[data-testid="tokens"] .hint').count(), 0, `${name}: the whole article is shown`);
    const shown = await page.$$eval('[data-testid="tokens"] .tok', (t) => t.map((s) => s.textContent).join(''));
    const words = execFileSync(SHUDU, ['segment', path.join(sub, name)], { maxBuffer: 64 << 20 }).toString('utf8')
      .split('\n').map((l) => l.split('\t')[0]).join('');
    const squeeze = (s) => s.replace(/\s+/g, '');
    assert.ok(squeeze(words).length > 100, `${name}: native text`);
    assert.equal(squeeze(shown), squeeze(words), `${name}: text`);
    // Every figure with its sentence (white space included), against the native CSV.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-article-csv"]')]);
    const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter((l) => l.length);
    const native = execFileSync(SHUDU, ['figures', '--csv', name], { cwd: sub, maxBuffer: 64 << 20 }).toString('utf8')
      .split('\n').filter((l) => l.length);
    assert.ok(native.length > 1, `${name}: native figures`);
    assert.deepEqual(csv, native, `${name}: figures and sentences`);
  }
  assert.deepEqual(errors, []);
});

test('a text the engine fails on during a batch: said in the status, and no file is blamed for it', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const sample = fs.readFileSync(path.join(ROOT, 'crates/core/testdata/decode/000_779206c0961d10cc.txt'), 'utf8');
  const sub = fs.mkdtempSync(path.join(dir, 'crash-'));
  const files = [];
  for (let i = 0; i < 6; i++) {
    files.push(path.join(sub, `f${i}.txt`));
    fs.writeFileSync(files[i], sample.repeat(30));
  }
  await page.setInputFiles('[data-testid="file-input"]', files);
  // While the first worker holds files, it reports that the engine failed on a text
  // (what its panic hook sends): Response::TextCrashed { id: 7, message } in bincode —
  // variant 5 (u32), id (u32), message (u64 length + UTF-8). Sent as if from the worker.
  await page.evaluate(() => {
    const msg = new TextEncoder().encode('simulated engine failure');
    const buf = new ArrayBuffer(16 + msg.length);
    const v = new DataView(buf);
    v.setUint32(0, 5, true);
    v.setUint32(4, 7, true);
    v.setUint32(8, msg.length, true);
    new Uint8Array(buf, 16).set(msg);
    window.shuduBoot.workers[0].dispatchEvent(new MessageEvent('message', { data: buf }));
  });
  await page.waitForFunction(() => {
    const p = document.querySelector('[data-testid="progress"]');
    return p && p.max >= 6 && p.value >= p.max;
  }, null, { timeout: 60000 });
  const rows = await filesTable(page);
  assert.equal(rows.length, 6);
  for (const r of rows) assert.equal(r.status, 'ok', `every file analysed: ${r.cells.join(' | ')}`);
  assert.match(await page.textContent('[data-testid="text-error"]'), /simulated engine failure/);
  // A new text clears the notice and is analysed by the workers that remain.
  await page.fill('[data-testid="input"]', '完成投资3.5亿元');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-table"] tbody tr').length >= 1);
  assert.equal(await page.$('[data-testid="text-error"]'), null);
  assert.deepEqual(errors, []);
});
