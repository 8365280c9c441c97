// A batch of 1,000 files (samples and variants of them, a few hostile ones) holding over
// 100,000 figures (issue 19): every figure arrives and is drawn (the table draws only the rows in
// view), each view over all of them is computed in steps (its "computing…" status is seen: the
// work gave the page back before it was done), its results take at most 400 bytes of the page's
// heap per figure (packed: as objects they took about 800), and the page's memory goes back once
// the batch is cleared. The main thread's longest tasks (the 100 ms target of issue 19) are a
// speed target, so they are measured and printed here, not asserted: a loaded machine stretches
// them; `scripts/bench.sh` measures them against the target (bench/run.mjs, `batch`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { serve, launch, openApp, ROOT } from './helpers.mjs';

const DATA = path.join(ROOT, 'crates/core/testdata/decode');
const SHUDU = process.env.SHUDU_CLI ? path.resolve(process.env.SHUDU_CLI) : path.join(ROOT, 'target/release/shudu');
const SAMPLES = fs.readdirSync(DATA).filter((f) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(f)).sort()
  .map((f) => fs.readFileSync(path.join(DATA, f), 'utf8'));
/** The page's heap a batch's results may take per figure (bytes). */
const PER_FIGURE = 400;
const N = 1000;

let server, browser, dir;
before(async () => {
  server = await serve('/');
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shudu-thousand-'));
});
after(async () => { await browser?.close(); await server?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

/** File `i` of the batch: a sample, its digits shifted (other values, same shapes), and every
 * third file a second sample after it; one in a hundred hostile. */
function fileOf(i) {
  const hostile = [
    ['bomb.docx', () => fs.readFileSync(path.join(DATA, 'hostile/bomb.docx'))],
    ['crc.docx', () => fs.readFileSync(path.join(DATA, 'hostile/changed-after-crc.docx'))],
    ['junk.bin', () => Buffer.from(Array.from({ length: 2048 }, (_, k) => (k * 2654435761) >>> 24))],
    ['=f.txt', () => SAMPLES[i % 5]],
    ['empty.txt', () => ''],
  ];
  if (i % 100 === 50) {
    const [name, bytes] = hostile[(i / 100 | 0) % hostile.length];
    return [`h${String(i).padStart(4, '0')}-${name}`, bytes()];
  }
  const shift = (s) => s.replace(/[1-9]/g, (d) => String((Number(d) + i) % 9 + 1));
  let text = shift(SAMPLES[i % 5]);
  if (i % 3 === 0) text += '\n' + shift(SAMPLES[(i + 2) % 5]);
  return [`f${String(i).padStart(4, '0')}.txt`, text];
}

/** Start observing long tasks (before anything is dropped), and count the times a view's
 * "computing…" status appears (a view computed in steps shows it between its steps). */
async function observe(page) {
  await page.evaluate(() => {
    window.__computing = 0;
    new MutationObserver((changes) => {
      for (const c of changes) for (const n of c.addedNodes) {
        if (n.nodeType === 1 && (n.matches('[data-testid="computing"]') || n.querySelector('[data-testid="computing"]'))) window.__computing++;
      }
    }).observe(document.body, { childList: true, subtree: true });
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask' });
  });
}
const longTasks = (page) => page.evaluate(() => window.__long.splice(0));
const worst = (tasks) => tasks.reduce((m, t) => Math.max(m, t.ms), 0);

/** The page's JavaScript heap and its engine's (wasm) memory, after a full garbage collection. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm?.memory.buffer.byteLength ?? 0);
  // The bytes of the engine's memory in use (its allocator's count: see heap.rs).
  const heap = await page.evaluate(() => window.shudu.heapBytes());
  return { js: usedSize, wasm, heap };
}
/** Make the batch's files in the page (in steps, before the measurement), ready to drop. */
async function makeFiles(page, names) {
  await page.evaluate(() => { window.__files = []; });
  for (let k = 0; k < names.length; k += 100) {
    const chunk = names.slice(k, k + 100).map((name) => [name, fs.readFileSync(path.join(dir, name)).toString('base64')]);
    await page.evaluate((chunk) => {
      for (const [name, b64] of chunk) window.__files.push(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
    }, chunk);
  }
  await page.evaluate(() => {
    window.__drop = new DataTransfer();
    for (const f of window.__files) window.__drop.items.add(f);
  });
}

/** Drop the files made on the drop zone, and wait until the batch has finished. Dropped, not
 * given to the file input: giving 1,000 files from disk to a file input costs Chromium itself
 * a 0.3-1.3 s task (it reads each file's size), which no page code can shorten. */
async function dropFiles(page, n) {
  await page.evaluate(() => document.querySelector('[data-testid="dropzone"]')
    .dispatchEvent(new DragEvent('drop', { dataTransfer: window.__drop, bubbles: true, cancelable: true })));
  await page.evaluate(() => { delete window.__files; delete window.__drop; });
  await page.waitForFunction((n) => {
    const p = document.querySelector('[data-testid="progress"]');
    return p && Number(p.max) === n && Number(p.value) === n;
  }, n, { timeout: 300000, polling: 200 });
}

const mb = (n) => Math.round(n / 1048576 * 10) / 10;

test('1,000 files with 100,000 figures: every figure drawn, each view in steps, memory given back', async () => {
  const names = [];
  for (let i = 0; i < N; i++) {
    const [name, bytes] = fileOf(i);
    fs.writeFileSync(path.join(dir, name), bytes);
    names.push(name);
  }
  // What the CLI finds in them (a JSON line per file it reads; exit code 1 for the hostile ones).
  const run = spawnSync(SHUDU, ['figures', '--json', '.'], { cwd: dir, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  assert.equal(run.status, 1, 'the CLI refused the hostile files');
  const native = run.stdout.toString('utf8').split('\n').filter((l) => l.length).map((l) => JSON.parse(l));
  const expected = native.reduce((n, f) => n + (f.figures?.length ?? 0), 0);
  // (It skips a binary file with a note; the page reports it failed.)
  assert.equal(native.filter((f) => f.error).length, 6, "the hostile files the CLI refused");
  assert.ok(expected >= 100000, `${expected} figures in the batch`);

  const { page, errors } = await openApp(browser, server.url, (p) => p.addInitScript(() => {
    // Trunk's start-up script tells of the page's WebAssembly instance (its memory is measured).
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  }));
  const cdp = await page.context().newCDPSession(page);
  const before = await memory(page, cdp);
  await makeFiles(page, names);
  await observe(page);
  const t0 = Date.now();
  await dropFiles(page, N);
  const secs = (Date.now() - t0) / 1000;
  // The last results drawn.
  await page.waitForFunction((e) => document.querySelector('[data-testid="rows-count"]')?.textContent === `${e.toLocaleString('en')} 个数字`,
    expected, { timeout: 30000 });
  await page.waitForTimeout(300);
  const during = await longTasks(page);
  // Every hostile file failed (two each of the bomb, the bad CRC, binary junk, empty), no other.
  assert.match(await page.textContent('[data-testid="progress-text"]'), new RegExp(`${N} / ${N} 个文件 · ${expected.toLocaleString('en')} 个数字 · 8 个失败`));

  const afterBatch = await memory(page, cdp);

  // Drawing them: the table scrolled through, then every view of the results.
  for (const y of [5000, 500000, 3000000, 1e9, 0]) {
    await page.$eval('.results .table-wrap', (el, y) => { el.scrollTop = y; }, y);
    await page.waitForTimeout(100);
  }
  const scrolling = worst(await longTasks(page));
  const shown = await page.$$eval('[data-testid="figures-table"] tbody tr.row', (t) => t.length);
  assert.ok(shown > 10 && shown < 100, `${shown} rows drawn at a time`);
  // Each view computed in steps ("computing…" meanwhile): measured until it is drawn.
  const views = {}, views_secs = {}, drawn = {}, stepped = {};
  for (const v of ['summary', 'chart', 'conflicts', 'words', 'figures']) {
    const t = Date.now();
    const shownBefore = await page.evaluate(() => window.__computing);
    await page.click(`[data-testid="tab-${v}"]`);
    await page.waitForFunction(() => !document.querySelector('[data-testid="computing"]'), null, { timeout: 60000, polling: 50 });
    views_secs[v] = (Date.now() - t) / 1000;
    stepped[v] = (await page.evaluate(() => window.__computing)) > shownBefore;
    if (v !== 'figures') drawn[v] = await page.$$eval('#results-panel tr, #results-panel svg rect', (e) => e.length);
    await page.waitForTimeout(300);
    const tasks = await longTasks(page);
    views[v] = worst(tasks);
    if (process.env.SHUDU_PERF) console.log(v, Math.round(await page.evaluate(() => performance.now())), JSON.stringify(tasks));
  }
  assert.ok(await page.$('[data-testid="figures-table"]'), 'back on the figures table');
  const batchMem = await memory(page, cdp);

  // Cleared: the memory given back (the JavaScript heap shrinks; the engine's memory cannot,
  // but what it held is free again: the same batch once more takes no more of it).
  const clear = async () => {
    await page.click('[data-testid="clear-files"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="rows-count"]')?.textContent.startsWith('还没有结果'));
    await page.waitForTimeout(300);
    // The files' results are freed over several tasks (app.rs `release`).
    await page.waitForFunction((start) => window.shudu.heapBytes() < start + (8 << 20), before.heap, { timeout: 10000, polling: 100 })
      .catch(() => {});
  };
  await clear();
  // (Read before the heap is measured: a forced garbage collection is a long task of its own.)
  const clearing = worst(await longTasks(page));
  const cleared = await memory(page, cdp);
  await makeFiles(page, names);
  await dropFiles(page, N);
  await page.waitForTimeout(300);
  const again = await memory(page, cdp);
  await clear();
  const clearedAgain = await memory(page, cdp);

  const report = {
    files: N, figures: expected, secs,
    longest_ms_batch: worst(during), stepped, long_tasks_batch: during.length, scroll_ms: scrolling, views_ms: views, views_secs, drawn, clear_ms: clearing,
    // before the batch, after it, after its views, cleared, the batch again, cleared again
    js_mb: [before, afterBatch, batchMem, cleared, again, clearedAgain].map((m) => mb(m.js)),
    wasm_mb: [before, afterBatch, batchMem, cleared, again, clearedAgain].map((m) => mb(m.wasm)),
    heap_mb: [before, afterBatch, batchMem, cleared, again, clearedAgain].map((m) => mb(m.heap)),
    heap_per_figure: Math.round((afterBatch.heap - before.heap) / expected),
  };
  console.log(JSON.stringify(report));
  if (process.env.SHUDU_PERF) console.log(JSON.stringify(during));
  // Every view that computes over every figure (summary, chart, conflicts, word list) does it in
  // steps: in one task each took 100-360 ms here, and once 2 s and 16 s. (The figures table
  // computes nothing: it draws the rows in view.)
  for (const v of ['summary', 'chart', 'conflicts', 'words']) assert.ok(stepped[v], `the ${v} view was computed in steps (its "computing…" status never showed)`);
  assert.ok(cleared.js - before.js < 8 << 20, `JS heap after clearing: ${mb(cleared.js)} MB (before the batch ${mb(before.js)} MB)`);
  assert.ok(clearedAgain.js - before.js < 8 << 20, `JS heap after clearing twice: ${mb(clearedAgain.js)} MB`);
  // The results packed (issue 19: as objects, 795 bytes a figure here).
  assert.ok(afterBatch.heap - before.heap <= PER_FIGURE * expected,
    `the batch's results: ${Math.round((afterBatch.heap - before.heap) / expected)} bytes of heap a figure`);
  // Cleared, the heap is back where it started (the views' caches of an empty session aside).
  for (const [when, m] of [['once', cleared], ['twice', clearedAgain]]) {
    assert.ok(m.heap - before.heap < 8 << 20, `heap after clearing ${when}: ${mb(m.heap)} MB (before the batch ${mb(before.heap)} MB)`);
  }
  assert.ok(again.wasm <= batchMem.wasm * 1.05, `the second batch reuses the memory the first gave back (${mb(again.wasm)} MB, ${mb(batchMem.wasm)} MB)`);
  assert.deepEqual(errors, []);
});
