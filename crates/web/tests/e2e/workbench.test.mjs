// The workbench, as issue 16 checks it: every file of ../shared/corpus/real/ and the sample
// articles dropped in two batches, plus two files that disagree on one figure; then each view,
// the keyboard, English, a phone's width, and axe-core on the way.
// SHUDU_SCREENSHOTS=1 also writes docs/workbench-<view>-<desktop|phone>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, openApp, ROOT } from './helpers.mjs';

const REAL = path.join(ROOT, '../shared/corpus/real');
const SAMPLES = path.join(ROOT, 'crates/core/testdata/decode');
const WORKBENCH = path.join(ROOT, 'crates/core/testdata/workbench');
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.SHUDU_SCREENSHOTS === '1';
const VIEWS = ['figures', 'summary', 'chart', 'concordance', 'words', 'conflicts'];

const realFiles = fs.readdirSync(REAL).filter((f) => f.endsWith('.txt')).map((f) => path.join(REAL, f));
const sampleFiles = fs.readdirSync(SAMPLES).filter((f) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(f)).map((f) => path.join(SAMPLES, f));
const conflictFiles = ['jixi-2022-a.txt', 'jixi-2022-b.txt'].map((f) => path.join(WORKBENCH, f));

let server, browser, page, errors;
before(async () => {
  server = await serve('/');
  browser = await launch();
  ({ page, errors } = await openApp(browser, server.url));
});
after(async () => { await browser?.close(); await server?.close(); });

/** axe-core's serious and critical violations on the page as it is. */
async function axeViolations(where) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const said = bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(said, [], `axe-core on ${where}`);
}

async function batch(files) {
  await page.setInputFiles('[data-testid="file-input"]', files);
  await page.waitForFunction(() => {
    const p = document.querySelector('[data-testid="progress"]');
    return p && Number(p.value) === Number(p.max) && document.querySelector('[data-testid="clear-files"]');
  }, null, { timeout: 60000 });
}

async function tab(view) {
  await page.click(`[data-testid="tab-${view}"]`);
  await page.waitForSelector(`[data-testid="tab-${view}"][aria-selected="true"]`);
  // (A view over many figures is computed in steps, saying so meanwhile.)
  await page.waitForFunction(() => !document.querySelector('[data-testid="computing"]'));
}

async function shoot(name) {
  if (!SHOTS) return;
  const width = page.viewportSize().width;
  await page.screenshot({ path: path.join(ROOT, 'docs', `workbench-${name}-${width < 600 ? 'phone' : 'desktop'}.png`) });
}

async function shootViews() {
  for (const view of VIEWS) {
    await tab(view);
    if (view === 'concordance') await page.fill('[data-testid="concordance-input"]', '增长');
    await page.locator('#results').scrollIntoViewIfNeeded();
    await shoot(view);
  }
  await tab('figures');
}

test('the empty page has no serious accessibility problem', async () => {
  await axeViolations('the empty page');
});

test('two batches add up, with every file, every sentence, the search and the status', async () => {
  await batch(realFiles);
  await batch([...sampleFiles, ...conflictFiles]);
  const all = [...realFiles, ...sampleFiles, ...conflictFiles].map((f) => path.basename(f));
  const names = await page.$$eval('[data-testid="files-table"] tbody tr.row td.fname', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual([...names].sort(), [...all].sort(), 'every file of both batches is in the session');
  const figures = await page.$$eval('[data-testid="files-table"] tbody tr.row', (trs) =>
    trs.reduce((n, tr) => n + Number(tr.querySelectorAll('td')[4].textContent || 0), 0));
  assert.ok(figures > 1500, `figures found (${figures})`);
  assert.match(await page.textContent('[data-testid="batch-status"]'), new RegExp(`${sampleFiles.length + 2} 个文件`),
    'the status line tells of the last batch');
  assert.match(await page.textContent('[data-testid="rows-count"]'), new RegExp(figures.toLocaleString('en')));

  // Every row has its sentence: scrolled through the whole (virtualised) table.
  const empty = await page.evaluate(async () => {
    const wrap = document.querySelector('.results .table-wrap');
    let missing = 0, seen = new Set();
    for (let top = 0; top <= wrap.scrollHeight; top += wrap.clientHeight) {
      wrap.scrollTop = top;
      await new Promise((r) => setTimeout(r, 30));
      for (const tr of wrap.querySelectorAll('tbody tr.row')) {
        const key = [...tr.querySelectorAll('td')].map((t) => t.textContent).join('|');
        if (seen.has(key)) continue;
        seen.add(key);
        const ctx = tr.querySelector('[data-testid="context"]');
        if (!ctx || ctx.textContent.trim().length <= tr.querySelector('td.text').textContent.trim().length) missing++;
      }
    }
    wrap.scrollTop = 0;
    return { missing, seen: seen.size };
  });
  assert.ok(empty.seen > 1000, `rows scrolled through (${empty.seen})`);
  assert.ok(empty.missing / empty.seen < 0.02, `rows without a sentence beyond their figure: ${empty.missing} of ${empty.seen}`);

  await page.fill('[data-testid="filter-text"]', '地区生产总值');
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="rows-count"]').textContent)
    && document.querySelectorAll('[data-testid="figures-table"] tbody tr.row').length > 0);
  const found = await page.$$eval('[data-testid="figures-table"] tbody tr.row', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(found.length >= 5 && found.every((t) => t.includes('地区生产总值')), `rows found for 地区生产总值 (${found.length})`);
  await page.fill('[data-testid="filter-text"]', '');
  await shootViews();
  assert.deepEqual(errors, []);
});

test('a row opened from the keyboard shows its figure; a column head sorts from the keyboard', async () => {
  await page.focus('[data-testid="figures-table"] tbody tr.row:nth-child(3)');
  const text = await page.textContent('[data-testid="figures-table"] tbody tr.row:nth-child(3) td.text');
  await page.keyboard.press('Enter');
  const figure = await page.waitForSelector('[data-testid="selected-figure"]', { timeout: 20000 });
  await page.waitForTimeout(300);
  const box = await figure.boundingBox();
  const { height } = page.viewportSize();
  assert.ok(box && box.y >= 0 && box.y + box.height <= height, `the figure is in view (y=${box?.y})`);
  const marked = await page.$$eval('.tok.sel', (els) => els.map((e) => e.textContent).join(''));
  assert.equal(marked, text);

  const head = page.locator('[data-testid="figures-table"] thead th', { hasText: /标准值|Value/ });
  await head.locator('button').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="figures-table"] thead th')]
    .some((th) => th.getAttribute('aria-sort') === 'ascending'));
  assert.equal(await head.getAttribute('aria-sort'), 'ascending');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="figures-table"] thead th')]
    .some((th) => th.getAttribute('aria-sort') === 'descending'));
  assert.equal(await page.getAttribute('[data-testid="filter-all"]', 'aria-pressed'), 'true');
  await axeViolations('the page after a batch, with a figure open');
});

test('summary, chart, concordance, word list and conflicts', async () => {
  await tab('summary');
  const summary = await page.$$eval('[data-testid="summary"] tbody tr', (trs) => trs.map((tr) => tr.cells[0].textContent));
  assert.ok(summary.some((l) => l.includes('生产总值')), 'a row for 地区生产总值');
  const at = summary.findIndex((l) => l.includes('生产总值'));
  await page.focus(`[data-testid="summary"] tbody tr:nth-child(${at + 1})`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="metric-filter"]');
  const labels = await page.$$eval('[data-testid="figures-table"] tbody tr.row', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(labels.length > 0 && labels.every((t) => t.includes(summary[at])), 'the summary row filters the figures');

  await tab('chart');
  const marks = await page.$$eval('[data-testid="chart"] svg rect', (r) => r.length);
  assert.ok(marks > 10, `the chart has marks (${marks})`);
  const tips = await page.$$eval('[data-testid="chart"] svg title', (t) => t.map((x) => x.textContent));
  assert.ok(tips.length > 0 && tips.every((t) => /\d/.test(t)), 'tooltips with values');

  await tab('concordance');
  await page.fill('[data-testid="concordance-input"]', '增长');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="concordance"] tbody tr').length >= 50);
  const hits = await page.$$eval('[data-testid="concordance"] tbody tr', (trs) => trs.map((tr) => tr.querySelector('mark')?.textContent));
  assert.ok(hits.length >= 50 && hits.every((h) => h === '增长'), `concordance lines (${hits.length}), the hit marked`);
  await page.click('[data-testid="kwic-sort-right"]');
  const rights = await page.$$eval('[data-testid="concordance"] tbody tr td.right', (t) => t.map((x) => x.textContent));
  assert.deepEqual(rights, [...rights].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'sorted by the right context');

  await tab('words');
  const words = await page.$$eval('[data-testid="word-list"] tbody tr', (trs) => trs.map((tr) => tr.cells[1].textContent));
  assert.ok(words.length > 100, `the word list has rows (${words.length})`);
  await page.click('[data-testid="pos-v"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="computing"]'));
  const tags = await page.$$eval('[data-testid="word-list"] tbody tr', (trs) => trs.map((tr) => tr.cells[2].textContent));
  assert.ok(tags.length > 0 && tags.every((t) => t.startsWith('v')), 'verbs only');

  await tab('conflicts');
  const conflict = await page.textContent('[data-testid="conflicts"]');
  assert.ok(conflict.includes('122,800,000,000') && conflict.includes('128,200,000,000'), 'the two reports of 鸡西市 GDP');
  assert.ok(conflict.includes('jixi-2022-a.txt') && conflict.includes('jixi-2022-b.txt'));
  await axeViolations('the conflicts view');
  await tab('figures');
  await page.click('[data-testid="metric-filter"] button');
});

test('English switches every column head and <html lang>, and is remembered', async () => {
  await page.click('[data-testid="lang"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const heads = await page.$$eval('[data-testid="figures-table"] thead th', (ths) => ths.map((th) => th.textContent.trim()));
  assert.ok(heads.length >= 10 && heads.every((h) => /^[\x20-\x7e▲▼ ]+$/.test(h)), `English heads: ${heads}`);
  const chips = await page.$$eval('.filters .chip', (c) => c.map((x) => x.textContent));
  assert.ok(chips.every((c) => !/[\u4e00-\u9fff]/.test(c)), `English chips: ${chips}`);
  assert.match(await page.textContent('[data-testid="batch-status"]'), /Last batch/);
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the choice is remembered');
  await page.click('[data-testid="lang"]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
});

test('at 390 px the page does not scroll sideways and the results are near', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await batch([...sampleFiles, ...conflictFiles]);
  for (const view of VIEWS) {
    await tab(view);
    if (view === 'concordance') await page.fill('[data-testid="concordance-input"]', '增长');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 390, `${view}: the page is ${wide} px wide`);
  }
  await tab('figures');
  // The skip link leads to the results; and they start within about two screens.
  const top = await page.evaluate(() => document.querySelector('#results').getBoundingClientRect().top + window.scrollY);
  assert.ok(top < 2 * 844, `the results start at ${top} px`);
  assert.equal(await page.getAttribute('a.skip', 'href'), '#results');
  await shootViews();
  await axeViolations('the phone layout');
  await page.setViewportSize({ width: 1360, height: 1000 });
});
