// Shudu measured against its peer in one run: natively (cargo bench + the shudu CLI) and in
// headless Chromium against the built site (dist/), next to jieba-wasm on the same text.
// Prints a table and writes every number to bench/results.json. Run through scripts/bench.sh
// (which builds what this needs); `node bench/run.mjs --help` for options.
//
// Exit status: 0 when every measurement ran (a missed target is a result, not a failure);
// 1 when a measurement itself broke. Hooks the app does not have yet are "not available".
import { chromium } from 'playwright-core';
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCorpus, BENCH, ROOT } from './corpus.mjs';
import { startServer, snapshotSite } from './server.mjs';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(`usage: node bench/run.mjs [--runs N] [--loads N] [--skip-native] [--skip-browser] [--only PARTS]
  --runs N     analysis runs per engine on the 10 MB corpus (default 3)
  --loads N    cold page loads for the ready time (default 3)
  --only PARTS browser measurements to take, comma-separated, from: load, analysis, paste,
               batch, jieba (implies --skip-native; prints the numbers as JSON and writes them to
               bench/results-only.json, leaving a whole run's bench/results.json alone)`);
  process.exit(0);
}
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const RUNS = opt('--runs', 3);
const LOADS = opt('--loads', 3);
const ONLY = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : null;
const wanted = (part) => !ONLY || ONLY.has(part);
const SKIP_NATIVE = args.includes('--skip-native') || ONLY != null;
const SKIP_BROWSER = args.includes('--skip-browser');
const BATCH_TIMEOUT_MS = 300000;
const IDLE_AFTER_MS = 12000;

const MB = 1e6; // decimal megabytes, as in MB/s
const errors = []; // measurements that broke (→ exit 1)
const notes = [];
const log = (...a) => console.error('[bench]', ...a);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : null; };
const round = (x, d = 1) => (x == null || !Number.isFinite(x) ? x : Math.round(x * 10 ** d) / 10 ** d);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function measure(name, fn) {
  try { return await fn(); } catch (e) {
    errors.push({ measurement: name, error: String(e && e.stack || e) });
    log(`measurement "${name}" broke: ${e && e.message || e}`);
    return { error: String(e && e.message || e) };
  }
}

// ---------------------------------------------------------------- processes and memory

/** Chromium renderer processes started by this node process (walks /proc by parent pid). */
function rendererPids() {
  const procs = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
      procs.push({ pid: Number(d), ppid });
    } catch { /* gone */ }
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) if (!mine.has(p.pid) && mine.has(p.ppid)) { mine.add(p.pid); grew = true; }
  }
  const out = [];
  for (const pid of mine) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('--type=renderer') && !cmd.includes('--top-chrome-webui') && !cmd.includes('--extension-process')) out.push(pid);
    } catch { /* gone */ }
  }
  return out;
}

/** VmRSS and VmHWM of a process in bytes (null when it is gone). */
function procMem(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number((s.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm')) || [])[1] || 0) * 1024;
    // The private memory footprint, as Chrome itself counts a page's memory (its Task Manager's
    // "Memory footprint"; on Linux RssAnon + VmSwap): heaps, wasm memories, compiled code, without
    // the Chromium binary, libraries and fonts mapped from files and shared with its other processes.
    return { rss: kb('VmRSS'), hwm: kb('VmHWM'), anon: kb('RssAnon') + kb('VmSwap') };
  } catch { return null; }
}

/**
 * Samples memory: every ~10 ms the RSS and private footprint (RssAnon + swap) of every renderer
 * process (page + its workers + wasm memories), read from /proc, so a short peak is not missed
 * while the page is too busy to answer DevTools; every ~50 ms the page's JS heap (CDP
 * Performance.getMetrics, JSHeapUsedSize — the page's isolate only, not the worker, not wasm
 * memory) and its external memory.
 */
class Sampler {
  constructor(cdp) { this.cdp = cdp; this.samples = []; this.timers = []; this.busy = false; this.pids = []; this.pidsAt = 0; }
  procs() {
    const now = Date.now();
    if (now - this.pidsAt > 500) { this.pids = rendererPids(); this.pidsAt = now; }
    const mem = this.pids.map((pid) => ({ pid, ...procMem(pid) })).filter((m) => m.rss != null);
    const top = mem.reduce((a, m) => (!a || m.rss > a.rss ? m : a), null);
    return { t: now, rssSum: mem.reduce((a, m) => a + m.rss, 0), rssMax: Math.max(0, ...mem.map((m) => m.rss)), anonMax: top ? top.anon : 0, procs: mem };
  }
  async heap() {
    try {
      const { metrics } = await this.cdp.send('Performance.getMetrics');
      const heap = (metrics.find((m) => m.name === 'JSHeapUsedSize') || {}).value ?? null;
      return { heap, ext: (await this.cdp.send('Runtime.getHeapUsage')).backingStorageSize ?? null };
    } catch { return { heap: null, ext: null }; } // page busy or gone
  }
  async snapshot() {
    const heap = await this.heap();
    return { ...this.procs(), ...heap };
  }
  start() {
    this.samples = [];
    this.timers.push(setInterval(() => { const { procs, ...s } = this.procs(); this.samples.push(s); }, 10));
    this.timers.push(setInterval(async () => {
      if (this.busy) return;
      this.busy = true;
      try { this.samples.push(await this.heap()); } finally { this.busy = false; }
    }, 50));
  }
  stop() { this.timers.forEach(clearInterval); this.timers = []; return this.samples; }
}

/** Settle: idle, then full GC of the page's isolate, then idle again; returns a snapshot. */
async function settled(cdp, sampler) {
  await sleep(1000);
  try { await cdp.send('HeapProfiler.collectGarbage'); } catch { /* ignore */ }
  await sleep(1000);
  return sampler.snapshot();
}

function memSummary(start, samples, after, afterIdle) {
  const peakHeap = Math.max(start.heap ?? 0, ...samples.map((s) => s.heap ?? 0));
  const peakExt = Math.max(start.ext ?? 0, ...samples.map((s) => s.ext ?? 0));
  const of = (k) => samples.filter((s) => s[k] != null).map((s) => s[k]);
  const peakSum = Math.max(start.rssSum, ...of('rssSum'));
  const peakMax = Math.max(start.rssMax, ...of('rssMax'));
  // The page's renderer: the largest renderer now; its VmHWM catches peaks between samples.
  const page = after.procs.reduce((a, p) => (!a || p.rss > a.rss ? p : a), null);
  return {
    samples: samples.length,
    jsHeapStartMB: round(start.heap / MB), jsHeapPeakMB: round(peakHeap / MB), jsHeapAfterMB: round(after.heap / MB),
    // Strings and ArrayBuffers kept outside the V8 heap (the fetched text is one): Runtime.getHeapUsage.
    jsExternalStartMB: round(start.ext / MB), jsExternalPeakMB: round(peakExt / MB), jsExternalAfterMB: round(after.ext / MB),
    rendererRssStartMB: round(start.rssMax / MB), rendererRssPeakMB: round(peakMax / MB), rendererRssAfterMB: round(after.rssMax / MB),
    rendererRssAfterIdleMB: afterIdle ? round(afterIdle.rssMax / MB) : null,
    rendererPrivateStartMB: round(start.anonMax / MB), rendererPrivatePeakMB: round(Math.max(start.anonMax, ...of('anonMax')) / MB),
    rendererPrivateAfterMB: round(after.anonMax / MB), rendererPrivateAfterIdleMB: afterIdle ? round(afterIdle.anonMax / MB) : null,
    rendererHwmMB: page ? round(page.hwm / MB) : null,
    allRenderersRssStartMB: round(start.rssSum / MB), allRenderersRssPeakMB: round(peakSum / MB), allRenderersRssAfterMB: round(after.rssSum / MB),
    renderers: after.procs.length,
  };
}

// ---------------------------------------------------------------- native

function nativeCargoBench(corpus) {
  const benchFile = path.join(ROOT, 'crates/core/benches/extract.rs');
  if (!fs.existsSync(benchFile)) return { available: false, reason: 'crates/core/benches/extract.rs does not exist yet' };
  const json = path.join(ROOT, 'target/bench-extract.json');
  const before = fs.existsSync(json) ? fs.statSync(json).mtimeMs : 0;
  log('native: cargo bench -p shudu-core --bench extract');
  const t0 = Date.now();
  const r = spawnSync('cargo', ['bench', '-p', 'shudu-core', '--bench', 'extract'], {
    cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20,
    env: { ...process.env, SHUDU_BENCH_CORPUS: corpus.file },
  });
  if (r.stdout) process.stderr.write(r.stdout);
  if (r.status !== 0) throw new Error(`cargo bench exited with ${r.status}`);
  if (!fs.existsSync(json) || fs.statSync(json).mtimeMs < before || fs.statSync(json).mtimeMs < t0 - 1000) {
    throw new Error('cargo bench ran but did not (re)write target/bench-extract.json');
  }
  const data = JSON.parse(fs.readFileSync(json, 'utf8'));
  return { available: true, data, picked: pickNative(data), stdout: r.stdout };
}

/**
 * The headline numbers of bench-extract.json. Its shape (as of this writing):
 * { corpus_bytes, stages: [{ stage, best_ms, median_ms, best_mb_per_s, median_mb_per_s }], engine_new_ms: { best, median } }
 * where its MB are MiB; here MB/s are recomputed in decimal MB (1e6) from bytes and ms, like
 * every other number of this run. Any other shape: a search by key name.
 */
function pickNative(data) {
  if (Array.isArray(data.stages)) {
    const bytes = data.corpus_bytes;
    const rate = (st, which) => {
      if (!st) return null;
      const ms = st[`${which}_ms`];
      return bytes && ms ? round(bytes / (ms / 1000) / MB, 2) : round(st[`${which}_mb_per_s`] * 1.048576, 2);
    };
    const stage = (re, not) => data.stages.find((x) => re.test(x.stage) && !(not && not.test(x.stage)));
    const seg = stage(/segment/i), tag = stage(/tag/i, /segment/i), ext = stage(/extract/i, /1 core/i), one = stage(/1 core/i), whole = stage(/analy|whole/i);
    return {
      segmentationMBs: rate(seg, 'median'), segmentationMBsBest: rate(seg, 'best'), segmentationStage: seg?.stage ?? null,
      taggingMBs: rate(tag, 'median'), taggingMBsBest: rate(tag, 'best'), taggingStage: tag?.stage ?? null,
      extractionMBs: rate(ext, 'median'), extractionMBsBest: rate(ext, 'best'), extractionStage: ext?.stage ?? null,
      extractionOneCoreMBs: rate(one, 'median'), extractionOneCoreMBsBest: rate(one, 'best'),
      wholeAnalysisMBs: rate(whole, 'median'), wholeAnalysisMBsBest: rate(whole, 'best'), wholeAnalysisStage: whole?.stage ?? null,
      initMs: round(data.engine_new_ms?.median ?? null), initMsBest: round(data.engine_new_ms?.best ?? null),
      corpusBytes: bytes ?? null,
    };
  }
  const flat = [];
  const walk = (v, k) => {
    if (typeof v === 'number') flat.push([k.toLowerCase(), v]);
    else if (v && typeof v === 'object') for (const [kk, vv] of Object.entries(v)) walk(vv, k ? `${k}.${kk}` : kk);
  };
  walk(data, '');
  const find = (re, unit) => {
    const hits = flat.filter(([k]) => re.test(k) && unit.test(k));
    return hits.length ? hits[0][1] : null;
  };
  const mbs = /mb_?s|mbps|mb\/s|throughput/;
  return {
    segmentationMBs: find(/segment/, mbs),
    taggingMBs: find(/tag/, mbs),
    extractionMBs: find(/extract|figure/, mbs),
    wholeAnalysisMBs: find(/whole|analy/, mbs),
    initMs: find(/init/, /ms|millis/) ?? find(/init/, /./),
  };
}

/** The fallback that always runs: the release CLI on the corpus, as a user would (process wall time). */
function nativeCli(corpus) {
  const bin = path.join(ROOT, 'target/release/shudu');
  if (!fs.existsSync(bin)) throw new Error('target/release/shudu is not built');
  const tiny = path.join(BENCH, 'corpus', 'tiny.txt');
  fs.writeFileSync(tiny, '去年完成投资14.8亿元，增长12.5%。\n');
  const wall = (argv) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(bin, argv, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`shudu ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
    return { ms, out: r.stdout };
  };
  const startMs = [], figMs = [], segMs = [];
  let figures = null;
  for (let i = 0; i < RUNS; i++) {
    startMs.push(wall(['figures', '--json', tiny]).ms);
    const f = wall(['figures', '--json', corpus.file]);
    figMs.push(f.ms);
    if (figures == null) figures = JSON.parse(f.out).figures.length;
    segMs.push(wall(['segment', corpus.file]).ms);
  }
  // The batch natively: the same 1,000 files, one process (JSON Lines out).
  const batchMs = [];
  for (let i = 0; i < RUNS; i++) batchMs.push(wall(['figures', path.join(BENCH, 'corpus', 'batch')]).ms);
  const init = Math.min(...startMs);
  const rate = (ms) => corpus.bytes / ((ms - init) / 1000) / MB;
  return {
    how: 'wall time of target/release/shudu; start+init = `figures --json` on a one-line file; MB/s = corpus bytes / (wall − start+init)',
    startAndInitMs: round(init), figuresJsonBestMs: round(Math.min(...figMs)), figuresJsonMBsBest: round(rate(Math.min(...figMs)), 2),
    figuresJsonMBsMedian: round(rate(median(figMs)), 2), segmentMBsBest: round(rate(Math.min(...segMs)), 2), figures,
    batchFilesMsBest: round(Math.min(...batchMs)), batchFiles: corpus.batch.length,
  };
}

// ---------------------------------------------------------------- browser

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Installed before any page script: records when body[data-engine] becomes 'ready' (navigation-relative ms);
 * on Shudu's page it then sends `firstText` (a sample article) at once, and records when its result came
 * back and whether the worker answered it before its full engine was built (`early`). */
const READY_PROBE = (firstText) => {
  window.__bench = { readyAt: null, firstResultAt: null, firstEarly: null };
  const check = () => {
    if (window.__bench.readyAt == null && document.body && document.body.dataset.engine === 'ready') {
      window.__bench.readyAt = performance.now();
      if (window.shudu && firstText) {
        window.shudu.analyze(firstText).then((r) => {
          window.__bench.firstResultAt = performance.now();
          window.__bench.firstEarly = r.early;
        });
      }
    }
  };
  new MutationObserver(check).observe(document, { attributes: true, subtree: true, childList: true, attributeFilter: ['data-engine'] });
  const poll = setInterval(() => { check(); if (window.__bench.readyAt != null) clearInterval(poll); }, 5);
};

/** The text analysed the moment Shudu's page is ready: the first sample article (~6,600 chars). */
const FIRST_TEXT = fs.readFileSync(path.join(ROOT, 'crates/core/testdata/decode/000_779206c0961d10cc.txt'), 'utf8');

/** One cold load in a fresh context: ready time, paints, transfer (what the server sent for it). */
async function coldLoad(browser, server, url, prefixFilter) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.addInitScript(READY_PROBE, FIRST_TEXT);
  const mark = server.log.length;
  const navAt = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.__bench && window.__bench.readyAt != null, null, { timeout: 60000, polling: 20 });
  const atReady = server.log.length;
  // The first load goes on after ready (service worker install, icons, manifest): wait until
  // the server has had no request for 1 s (at most 15 s).
  for (let n = server.log.length, quiet = 0, waited = 0; quiet < 1000 && waited < 15000; waited += 100) {
    await sleep(100);
    if (server.log.length === n) quiet += 100; else { n = server.log.length; quiet = 0; }
  }
  const r = await page.evaluate(() => {
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
    const nav = performance.getEntriesByType('navigation')[0];
    return { readyMs: window.__bench.readyAt, firstResultMs: window.__bench.firstResultAt, firstEarly: window.__bench.firstEarly, fpMs: paint['first-paint'] ?? null, fcpMs: paint['first-contentful-paint'] ?? null,
      domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null, loadMs: nav ? nav.loadEventEnd : null };
  });
  const ours = (l) => l.status !== 404 && (!prefixFilter || l.path.startsWith(prefixFilter));
  const reqs = server.log.slice(mark).filter(ours);
  const beforeReady = server.log.slice(mark, atReady).filter(ours);
  r.transfer = { sent: reqs.reduce((a, l) => a + l.sent, 0), raw: reqs.reduce((a, l) => a + l.raw, 0),
    sentBeforeReady: beforeReady.reduce((a, l) => a + l.sent, 0), requests: reqs.length,
    files: reqs.map((l) => ({ path: l.path, status: l.status, raw: l.raw, sent: l.sent, encoding: l.encoding, servedAtMs: l.t - navAt })) };
  r.pageErrors = pageErrors;
  return { context, page, r };
}

async function loads(browser, server, url, prefixFilter, label) {
  const runs = [];
  let last = null;
  for (let i = 0; i < LOADS; i++) {
    if (last) await last.context.close();
    last = await coldLoad(browser, server, url, prefixFilter);
    const first = last.r.firstResultMs == null ? '' : `, first article's figures ${round(last.r.firstResultMs)} ms${last.r.firstEarly ? ' (before the full engine)' : ''}`;
    log(`${label}: cold load ${i + 1}: ready ${round(last.r.readyMs)} ms${first}, FCP ${round(last.r.fcpMs)} ms, sent ${last.r.transfer.sent} B`);
    runs.push(last.r);
  }
  // Later visits: reloads of the last page (its service worker, HTTP cache and V8's code cache
  // for the WebAssembly are warm, as for a user who comes back).
  const warm = [];
  for (let i = 0; i < LOADS; i++) {
    await sleep(1500);
    await last.page.reload();
    await last.page.waitForFunction(() => window.__bench && window.__bench.readyAt != null, null, { timeout: 60000, polling: 20 });
    warm.push(await last.page.evaluate(() => window.__bench.readyAt));
    log(`${label}: later visit ${i + 1}: ready ${round(warm[i])} ms`);
  }
  const summary = {
    warmReadyMsMedian: round(median(warm)), warmReadyMs: warm.map((x) => round(x)),
    readyMsMedian: round(median(runs.map((r) => r.readyMs))), readyMsBest: round(Math.min(...runs.map((r) => r.readyMs))),
    firstResultMsMedian: runs.every((r) => r.firstResultMs != null) ? round(median(runs.map((r) => r.firstResultMs))) : null,
    firstEarly: runs.filter((r) => r.firstEarly).length,
    fpMsMedian: round(median(runs.map((r) => r.fpMs).filter((x) => x != null))),
    fcpMsMedian: round(median(runs.map((r) => r.fcpMs).filter((x) => x != null))),
    transferSent: runs[0].transfer.sent, transferRaw: runs[0].transfer.raw, transferSentBeforeReady: runs[0].transfer.sentBeforeReady,
    requests: runs[0].transfer.requests, files: runs[0].transfer.files,
    encoding: [...new Set(runs[0].transfer.files.filter((f) => f.status === 200).map((f) => f.encoding))].join('+'),
    runs: runs.map(({ transfer, ...rest }) => rest),
  };
  return { summary, last };
}

/**
 * Fetch the corpus into the page (`window.__text`), settle, and run `work` while sampling
 * memory; then drop the text and settle again, and once more 12 s after the work (once an app
 * has had time to let go of what it starts only for big jobs: Shudu stops its extra workers
 * after 8 s without work).
 */
async function withCorpus(page, work) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const sampler = new Sampler(cdp);
  const idle = await settled(cdp, sampler);
  const chars = await page.evaluate(async () => {
    const res = await fetch('/bench/corpus.txt', { cache: 'no-store' });
    window.__text = await res.text();
    return window.__text.length;
  });
  const start = await settled(cdp, sampler);
  // Sampled from the start of the work until it has settled: the peak includes what the page
  // does just after (drawing, collecting garbage), not only what happens before it answers.
  sampler.start();
  const result = await work();
  await page.evaluate(() => { window.__text = null; });
  const after = await settled(cdp, sampler);
  const samples = sampler.stop();
  await sleep(IDLE_AFTER_MS - 2000);
  const afterIdle = await settled(cdp, sampler);
  return { result, idle, chars, memory: memSummary(start, samples, after, afterIdle) };
}

/** Run `call` RUNS times on the corpus text held by the page, sampling memory throughout. */
async function throughputWithMemory(page, bytes, call, label) {
  const { result: runs, idle, chars, memory } = await withCorpus(page, async () => {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await page.evaluate(call);
      if (r && r.error) throw new Error(`${label}: ${r.error}`);
      r.MBs = bytes / (r.ms / 1000) / MB;
      log(`${label}: run ${i + 1}: ${round(r.ms)} ms → ${round(r.MBs, 2)} MB/s (${JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !['ms', 'MBs'].includes(k))))})`);
      runs.push(r);
    }
    return runs;
  });
  const pageWasmMB = await page.evaluate(() => (window.shudu && window.shudu.pageMemory ? window.shudu.pageMemory() : null)).catch(() => null);
  const mb = runs.map((r) => r.MBs);
  const rt = runs.filter((r) => r.roundtripMs).map((r) => bytes / (r.roundtripMs / 1000) / MB);
  return {
    bytes, chars, runs: runs.map((r) => ({ ...r, ms: round(r.ms), roundtripMs: round(r.roundtripMs), MBs: round(r.MBs, 2) })),
    MBsBest: round(Math.max(...mb), 2), MBsMedian: round(median(mb), 2), roundtripMBsMedian: rt.length ? round(median(rt), 2) : null,
    memory: { idleAfterLoad: { jsHeapMB: round(idle.heap / MB), rendererRssMB: round(idle.rssMax / MB) }, ...memory,
      pageWasmMemoryAfterMB: pageWasmMB == null ? null : round(pageWasmMB / MB) },
  };
}

async function shuduAnalysis(page, bytes) {
  const has = await page.evaluate(() => typeof (window.shudu && window.shudu.analyze) === 'function');
  if (!has) return { available: false, reason: 'window.shudu.analyze is not exposed by the app' };
  const res = await throughputWithMemory(page, bytes, async () => {
    const t0 = performance.now();
    try {
      const r = await window.shudu.analyze(window.__text);
      return { ms: r.ms, roundtripMs: performance.now() - t0, chars: r.chars, tokens: r.tokens, figures: r.figures };
    } catch (e) { return { error: String(e && e.stack || e) }; }
  }, 'shudu analyze');
  return { available: true, ...res };
}

async function jiebaRuns(page, bytes) {
  const whole = await throughputWithMemory(page, bytes, async () => {
    const r = await window.jieba.cut(window.__text, 'whole');
    return r.error ? { error: r.error } : { ms: r.ms, roundtripMs: r.roundtripMs, tokens: r.tokens, chars: r.chars };
  }, 'jieba-wasm cut(whole text)');
  let paragraphs = null;
  try {
    await page.evaluate(async () => { window.__text = await (await fetch('/bench/corpus.txt')).text(); });
    const r = await page.evaluate(async () => window.jieba.cut(window.__text, 'paragraphs'));
    await page.evaluate(() => { window.__text = null; });
    if (r.error) throw new Error(r.error);
    paragraphs = { ms: round(r.ms), tokens: r.tokens, MBs: round(bytes / (r.ms / 1000) / MB, 2) };
    log(`jieba-wasm cut(each paragraph): ${paragraphs.ms} ms → ${paragraphs.MBs} MB/s`);
  } catch (e) { paragraphs = { error: String(e.message || e) }; }
  return { ...whole, paragraphs };
}

async function batch(browser, url, files, bytes) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-engine="ready"]', { timeout: 60000 });
    const input = await page.$('input[data-testid="file-input"]');
    if (!input) return { available: false, reason: 'no input[data-testid="file-input"] in the app' };
    await page.evaluate((n) => {
      // Polled every 5 ms (no MutationObserver: the app's own DOM work must not pay for ours).
      // `marks` keeps when the progress value first reached each tenth of the batch.
      const b = (window.__batch = { start: null, end: null, n, seen: false, last: null, marks: [], longTaskMs: 0, longTasks: 0, longestMs: 0, all: [] });
      // Where the time goes: main-thread tasks over 50 ms (rendering, reading files) during the batch.
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            b.all.push({ start: e.startTime, ms: e.duration });
            if (b.start != null && b.end == null) { b.longTaskMs += e.duration; b.longTasks++; b.longestMs = Math.max(b.longestMs, e.duration); }
          }
        }).observe({ type: 'longtask', buffered: false });
      } catch { /* no longtask support */ }
      const check = () => {
        const p = document.querySelector('[data-testid="progress"]');
        if (!p || b.start == null) return;
        b.seen = true;
        b.last = { value: p.value, max: p.max };
        while (b.marks.length < 10 && p.value >= ((b.marks.length + 1) * n) / 10) b.marks.push(Math.round(performance.now() - b.start));
        if (b.end == null && p.max >= n && p.value >= p.max) b.end = performance.now();
      };
      document.querySelector('input[data-testid="file-input"]').addEventListener('change', () => { b.start = performance.now(); check(); }, { capture: true });
      const poll = setInterval(() => { check(); if (b.end != null) clearInterval(poll); }, 5);
    }, files.length);
    const t0 = Date.now();
    await input.setInputFiles(files);
    const setMs = Date.now() - t0;
    try {
      await page.waitForFunction(() => window.__batch.end != null, null, { timeout: BATCH_TIMEOUT_MS, polling: 50 });
    } catch (e) {
      const b = await page.evaluate(() => window.__batch);
      if (!b.seen) return { available: false, reason: 'no [data-testid="progress"] element appeared after choosing the files' };
      if (!b.last || !(b.last.value > 0)) throw new Error(`batch did not progress: ${JSON.stringify(b.last)}`);
      // Slow but moving: a result (a missed target), not a broken measurement.
      return { available: true, timedOut: true, files: files.length, bytes, ms: null, msAtEachTenth: b.marks, progress: b.last,
        note: `not finished after ${BATCH_TIMEOUT_MS / 1000} s` };
    }
    const wallMs = Date.now() - t0;
    const b = await page.evaluate(() => window.__batch);
    const views = await viewTasks(page);
    return { available: true, files: files.length, bytes, ms: round(b.end - b.start), wallMs, setInputFilesMs: setMs, progress: b.last,
      msAtEachTenth: b.marks, mainThreadLongTaskMs: round(b.longTaskMs), mainThreadLongTasks: b.longTasks,
      longestTaskMs: round(b.longestMs), viewsLongestTaskMs: views,
      MBs: round(bytes / ((b.end - b.start) / 1000) / MB, 2) };
  } finally { await context.close(); }
}

/**
 * The longest main-thread task while each view of a finished batch is computed and drawn
 * (issue 19's target: none over 100 ms): the tab clicked, waited for until its "computing…"
 * status is gone and 300 ms more. Null for a view the app does not have.
 */
async function viewTasks(page) {
  const out = {};
  for (const v of ['summary', 'chart', 'conflicts', 'words', 'figures']) {
    const tab = await page.$(`[data-testid="tab-${v}"]`);
    if (!tab) { out[v] = null; continue; }
    const since = await page.evaluate(() => performance.now());
    await tab.click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="computing"]'), null, { timeout: 60000, polling: 50 });
    await page.waitForTimeout(300);
    out[v] = round(await page.evaluate((t) => Math.max(0, ...window.__batch.all.filter((e) => e.start >= t).map((e) => e.ms)), since));
  }
  return out;
}

/**
 * For scale: what this Chromium's renderer holds for a page with one line of Chinese and
 * nothing else (the floor under any page's numbers), settled and garbage-collected.
 */
async function blankPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><meta charset="utf-8"><p>数读：全市完成投资14.8亿元。</p>');
    const cdp = await context.newCDPSession(page);
    const snap = await settled(cdp, new Sampler(cdp));
    const top = snap.procs.reduce((a, p) => (!a || p.rss > a.rss ? p : a), null);
    return { rendererRssMB: round(top.rss / MB), rendererPrivateMB: round(top.anon / MB) };
  } finally { await context.close(); }
}

/**
 * What a user does with a long text: paste it into the editor (a paste event carrying the
 * 10 MB corpus) in a fresh page, until the status line says it is analysed and the table is
 * drawn; memory sampled as for the analysis.
 */
async function editorPaste(browser, url, bytes) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-engine="ready"]', { timeout: 60000 });
    const { result: ms, memory } = await withCorpus(page, () => page.evaluate(async () => {
      const done = () => /已分析/.test(document.querySelector('.status').textContent) && !document.querySelector('.results.stale');
      const t0 = performance.now();
      const data = new DataTransfer();
      data.setData('text/plain', window.__text);
      const area = document.querySelector('[data-testid="input"]');
      area.focus();
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      await new Promise((r) => setTimeout(r, 20));
      while (!done()) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      window.__status = document.querySelector('.status').textContent;
      return performance.now() - t0;
    }));
    const status = await page.evaluate(() => window.__status);
    log(`editor paste: ${round(ms)} ms to analysed and drawn (${status})`);
    return { available: true, ms: round(ms), MBs: round(bytes / (ms / 1000) / MB, 2), status, memory };
  } finally { await context.close(); }
}

// ---------------------------------------------------------------- the run

async function browserPart(corpus) {
  const out = {};
  await snapshotSite();
  const server = await startServer();
  log('compressing the served files once (brotli 11, gzip 9)');
  server.warm('/'); server.warm('/jieba-wasm/');
  out.sizes = { shudu: server.sizes('/'), jiebaWasm: server.sizes('/jieba-wasm/') };
  const browser = await launch();
  out.chromium = browser.version();
  try {
    if (!ONLY) out.blankPage = await measure('blank page', () => blankPage(browser));
    // Shudu: cold loads, then throughput + memory in the last loaded page.
    let last = null;
    if (wanted('load') || wanted('analysis')) {
      out.shuduLoad = await measure('shudu page load', async () => {
        const l = await loads(browser, server, `${server.origin}/`, '/', 'shudu');
        last = l.last;
        return l.summary;
      });
    }
    if (wanted('analysis')) out.shuduAnalysis = last ? await measure('shudu analysis', () => shuduAnalysis(last.page, corpus.bytes)) : { error: 'page did not load' };
    if (last) await last.context.close();
    if (wanted('paste')) out.shuduPaste = await measure('shudu editor paste', () => editorPaste(browser, `${server.origin}/`, corpus.bytes));
    if (wanted('batch')) out.shuduBatch = await measure('shudu batch', () => batch(browser, `${server.origin}/`, corpus.batch, corpus.batchBytes));
    if (!wanted('jieba')) return out;

    // jieba-wasm: the same, in its own contexts.
    let jl = null;
    out.jiebaLoad = await measure('jieba-wasm page load', async () => {
      const l = await loads(browser, server, `${server.origin}/bench/jieba.html`, '/jieba-wasm/', 'jieba-wasm');
      jl = l.last;
      l.summary.worker = await jl.page.evaluate(async () => { const m = await window.jieba.ready; return { initMs: m.initMs, dictMs: m.dictMs }; });
      return l.summary;
    });
    out.jiebaCut = jl ? await measure('jieba-wasm cut', () => jiebaRuns(jl.page, corpus.bytes)) : { error: 'page did not load' };
    if (jl) await jl.context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

function machine() {
  const cpu = os.cpus();
  let commit = null;
  try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { /* no git */ }
  let dirty = null;
  try { dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== ''; } catch { /* no git */ }
  const jv = JSON.parse(fs.readFileSync(path.join(BENCH, 'node_modules/jieba-wasm/package.json'), 'utf8')).version;
  return { date: new Date().toISOString(), loadAverageAtStart: os.loadavg().map((x) => round(x, 2)), cpus: cpu.length, cpu: cpu[0] && cpu[0].model, memMB: round(os.totalmem() / MB, 0),
    node: process.version, commit, dirty, jiebaWasm: jv };
}

// ---------------------------------------------------------------- table

const fmt = (x, d = 1, unit = '') => (x == null || Number.isNaN(x) ? '—' : `${round(x, d)}${unit}`);
const na = (x) => (x && x.available === false ? 'not available' : x && x.error ? 'BROKE' : null);

function table(res) {
  const rows = [];
  const row = (metric, shudu, jieba, target, status) => rows.push([metric, shudu, jieba, target, status]);
  const st = (ok) => (ok == null ? 'n/a' : ok ? 'PASS' : 'MISS');
  const sa = res.browser?.shuduAnalysis, jc = res.browser?.jiebaCut, sl = res.browser?.shuduLoad, jl = res.browser?.jiebaLoad, sb = res.browser?.shuduBatch;
  const nat = res.native || {};

  if (res.browser?.error) row('browser measurements', 'BROKE: ' + res.browser.error.slice(0, 80), '', '', 'BROKE');
  else if (res.browser) {
    const sMB = sa?.available ? sa.MBsMedian : null;
    const jMB = jc && !jc.error ? jc.MBsMedian : null;
    row('browser: whole analysis, 10 MB (median of ' + RUNS + ')', na(sa) || `${fmt(sMB, 2)} MB/s (best ${fmt(sa.MBsBest, 2)}; JS round trip ${fmt(sa.roundtripMBsMedian, 2)})`,
      jc?.error ? 'BROKE' : `${fmt(jMB, 2)} MB/s (best ${fmt(jc.MBsBest, 2)}; JS round trip ${fmt(jc.roundtripMBsMedian, 2)}) cut() only`, '≥ 20 MB/s', st(sMB == null ? null : sMB >= 20));
    const ratio = sMB != null && jMB ? sMB / jMB : null;
    res.ratio = ratio;
    row('browser: Shudu analysis ÷ jieba-wasm cut', ratio == null ? 'not available' : `${fmt(ratio, 2)}×`, '1×', '≥ 3×', st(ratio == null ? null : ratio >= 3));
    if (jc?.paragraphs && !jc.paragraphs.error) row('browser: jieba-wasm cut per paragraph', '', `${fmt(jc.paragraphs.MBs, 2)} MB/s`, '', 'info');
    row('engine ready from navigation (median of ' + LOADS + ' cold loads)', sl?.error ? 'BROKE' : `${fmt(sl.readyMsMedian, 0)} ms`,
      jl?.error ? 'BROKE' : `${fmt(jl.readyMsMedian, 0)} ms (worker init ${fmt(jl.worker?.initMs, 0)} + dict ${fmt(jl.worker?.dictMs, 0)})`, '≤ 300 ms',
      st(sl?.readyMsMedian == null ? null : sl.readyMsMedian <= 300));
    row('first article (6,600 chars) sent at ready: its figures back, from navigation', sl?.error || sl?.firstResultMsMedian == null ? 'BROKE' : `${fmt(sl.firstResultMsMedian, 0)} ms (${sl.firstEarly} of ${LOADS} answered before the full engine was built)`,
      '', '', 'info');
    row('engine ready, later visits (reload; median of ' + LOADS + ')', sl?.error ? 'BROKE' : `${fmt(sl.warmReadyMsMedian, 0)} ms`,
      jl?.error ? 'BROKE' : `${fmt(jl.warmReadyMsMedian, 0)} ms`, '', 'info');
    row('first paint / first contentful paint', sl?.error ? 'BROKE' : `${fmt(sl.fpMsMedian, 0)} / ${fmt(sl.fcpMsMedian, 0)} ms`, '', '', 'info');
    row('transfer, whole first load (' + (sl?.encoding || '?') + ')', sl?.error ? 'BROKE' : `${fmt(sl.transferSent / MB, 2)} MB (raw ${fmt(sl.transferRaw / MB, 2)} MB; ${fmt(sl.transferSentBeforeReady / MB, 2)} MB before ready)`,
      jl?.error ? 'BROKE' : `${fmt(jl.transferSent / MB, 2)} MB (raw ${fmt(jl.transferRaw / MB, 2)} MB)`, '≤ 1.8 MB',
      st(sl?.transferSent == null ? null : sl.transferSent <= 1.8 * MB));
    const sm = sa?.memory, jm = jc?.memory, blank = res.browser?.blankPage;
    const privCell = (m) => (m ? `${fmt(m.rendererPrivatePeakMB, 0)} MB peak; ${fmt(m.rendererPrivateStartMB, 0)} → ${fmt(m.rendererPrivateAfterMB, 0)} → ${fmt(m.rendererPrivateAfterIdleMB, 0)} MB` : null);
    row('page memory analysing 10 MB (private footprint, as Chrome counts it: RssAnon + swap): peak; start → after 2 s → after 12 s',
      na(sa) || privCell(sm), jc?.error ? 'BROKE' : privCell(jm), '≤ 250 MB', st(sm ? sm.rendererPrivatePeakMB <= 250 : null));
    const memCell = (m) => (m ? `${fmt(m.rendererRssPeakMB, 0)} MB peak (HWM ${fmt(m.rendererHwmMB, 0)}); ${fmt(m.rendererRssStartMB, 0)} → ${fmt(m.rendererRssAfterMB, 0)} → ${fmt(m.rendererRssAfterIdleMB, 0)} MB` : null);
    row('renderer RSS, the same (adds Chromium\'s binary, libraries and fonts mapped from files)', na(sa) || memCell(sm), jc?.error ? 'BROKE' : memCell(jm), '', 'info');
    row('for scale: a page with one line of Chinese, private / RSS', blank?.error ? 'BROKE' : blank ? `${fmt(blank.rendererPrivateMB, 0)} / ${fmt(blank.rendererRssMB, 0)} MB` : '—', '', '', 'info');
    const sp = res.browser?.shuduPaste, pm = sp?.memory;
    row('the same, pasting the 10 MB into the editor (until analysed and drawn)', na(sp) || (pm ? `${privCell(pm)}; ${fmt(sp.ms, 0)} ms` : '—'), '', '≤ 250 MB',
      st(pm ? pm.rendererPrivatePeakMB <= 250 : null));
    const back = sm ? sm.rendererPrivateAfterIdleMB <= sm.rendererPrivateStartMB * 1.2 : null;
    row('page memory back near start 12 s after (≤ start + 20 %)', sm ? `${fmt(sm.rendererPrivateAfterIdleMB - sm.rendererPrivateStartMB, 0)} MB above start` : na(sa) || '—',
      jm ? `${fmt(jm.rendererPrivateAfterIdleMB - jm.rendererPrivateStartMB, 0)} MB above start` : '', 'near start', st(back));
    const heapCell = (m) => (m ? `${fmt(m.jsHeapStartMB, 0)} → ${fmt(m.jsHeapPeakMB, 0)} → ${fmt(m.jsHeapAfterMB, 0)} MB (+ external ${fmt(m.jsExternalStartMB, 0)} → ${fmt(m.jsExternalPeakMB, 0)} → ${fmt(m.jsExternalAfterMB, 0)})` : null);
    row('page JS heap used: start → peak → after GC', na(sa) || heapCell(sm), jc?.error ? 'BROKE' : heapCell(jm), '', 'info');
    row('1,000-article batch (~10 MB), file input → progress full', na(sb) || (sb.timedOut ? `> ${BATCH_TIMEOUT_MS / 1000} s (${sb.progress.value}/${sb.progress.max} done)` : `${fmt(sb.ms / 1000, 2)} s (${fmt(sb.MBs, 2)} MB/s; main thread busy ${fmt(sb.mainThreadLongTaskMs / 1000, 1)} s)`), '', '≤ 2 s',
      st(sb?.available ? !sb.timedOut && sb.ms <= 2000 : null));
    if (sb?.viewsLongestTaskMs) {
      const vs = Object.entries(sb.viewsLongestTaskMs).filter(([, ms]) => ms != null);
      const worstMs = Math.max(sb.longestTaskMs, ...vs.map(([, ms]) => ms));
      row('the same batch: longest main-thread task while it runs; then drawing each view', `${fmt(sb.longestTaskMs, 0)} ms; ${vs.map(([v, ms]) => `${v} ${fmt(ms, 0)}`).join(', ')} ms`, '', '≤ 100 ms',
        st(worstMs <= 100));
    }
  }
  if (nat.cargo?.available) {
    const p = nat.cargo.picked;
    const best = (m, b) => (b != null ? ` (best ${fmt(b, 1)})` : '');
    row('native (cargo bench, median): whole analysis', `${fmt(p.wholeAnalysisMBs, 2)} MB/s${best(p.wholeAnalysisMBs, p.wholeAnalysisMBsBest)}`, '', '≥ 35 MB/s', st(p.wholeAnalysisMBs == null ? null : p.wholeAnalysisMBs >= 35));
    row('native (cargo bench, median): segmentation' + (p.taggingStage || !p.segmentationStage ? '' : ' incl. tagging'), `${fmt(p.segmentationMBs, 1)} MB/s${best(p.segmentationMBs, p.segmentationMBsBest)}`, '', '', 'info');
    if (p.taggingStage || !p.segmentationStage) row('native (cargo bench, median): tagging', `${fmt(p.taggingMBs, 1)} MB/s${best(p.taggingMBs, p.taggingMBsBest)}`, '', '', 'info');
    row('native (cargo bench, median): figure extraction', `${fmt(p.extractionMBs, 1)} MB/s${best(p.extractionMBs, p.extractionMBsBest)}`, '', '', 'info');
    if (p.extractionOneCoreMBs != null) row('native (cargo bench, median): figure extraction, one pass on 1 core', `${fmt(p.extractionOneCoreMBs, 1)} MB/s${best(p.extractionOneCoreMBs, p.extractionOneCoreMBsBest)}`, '', '', 'info');
    row('native (cargo bench, median): engine init', `${fmt(p.initMs, 1)} ms${p.initMsBest != null ? ` (best ${fmt(p.initMsBest, 1)})` : ''}`, '', '', 'info');
  } else if (nat.cargo) {
    row('native (cargo bench)', na(nat.cargo) || 'BROKE', '', '≥ 35 MB/s', nat.cargo.available === false ? 'n/a' : 'BROKE');
  }
  if (nat.cli && !nat.cli.error) {
    row('native CLI `shudu figures --json` 10 MB', `${fmt(nat.cli.figuresJsonMBsBest, 2)} MB/s`, '', nat.cargo?.available ? '' : '≥ 35 MB/s',
      nat.cargo?.available ? 'info' : st(nat.cli.figuresJsonMBsBest >= 35));
    row('native CLI `shudu segment` 10 MB (tagging + output)', `${fmt(nat.cli.segmentMBsBest, 2)} MB/s`, '', '', 'info');
    row('native CLI `shudu figures batch/` (the 1,000 files)', `${fmt(nat.cli.batchFilesMsBest / 1000, 2)} s`, '', '', 'info');
    row('native CLI process start + engine init', `${fmt(nat.cli.startAndInitMs, 0)} ms`, '', '', 'info');
  } else if (nat.cli) row('native CLI', 'BROKE', '', '', 'BROKE');

  const head = ['metric', 'Shudu', 'jieba-wasm', 'target', 'status'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => '| ' + r.map((c, i) => String(c).padEnd(w[i])).join(' | ') + ' |';
  return [line(head), '|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------- main

const corpus = buildCorpus();
log(`corpus: ${corpus.bytes} bytes; batch: ${corpus.batch.length} files, ${corpus.batchBytes} bytes`);
const results = { machine: machine(), corpus: { bytes: corpus.bytes, batchFiles: corpus.batch.length, batchBytes: corpus.batchBytes } };

if (!SKIP_NATIVE) {
  results.native = {};
  results.native.cargo = await measure('native cargo bench', () => nativeCargoBench(corpus));
  if (results.native.cargo.stdout) delete results.native.cargo.stdout;
  log('native: the shudu CLI on the corpus');
  results.native.cli = await measure('native CLI', () => nativeCli(corpus));
}
if (!SKIP_BROWSER) results.browser = await measure('browser', () => browserPart(corpus));
if (ONLY) {
  results.errors = errors;
  fs.writeFileSync(path.join(BENCH, 'results-only.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(JSON.stringify(results.browser, null, 2));
  process.exit(errors.length ? 1 : 0);
}

const t = table(results);
results.errors = errors;
results.notes = notes;
fs.writeFileSync(path.join(BENCH, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nShudu benchmarks — ${results.machine.date} — ${results.machine.cpus} × ${results.machine.cpu}, ${results.browser?.chromium ? 'Chromium ' + results.browser.chromium : ''}\n`);
console.log(t);
results.machine.loadAverageAtEnd = os.loadavg().map((x) => round(x, 2));
const busy = Math.max(results.machine.loadAverageAtStart[0], results.machine.loadAverageAtEnd[0]);
if (busy > 0.5 * results.machine.cpus) {
  console.log(`\nnote: the machine was busy (1-minute load average up to ${busy} on ${results.machine.cpus} cores): other work competed with these measurements.`);
}
fs.writeFileSync(path.join(BENCH, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nall numbers: bench/results.json${errors.length ? `\n${errors.length} measurement(s) broke: ${errors.map((e) => e.measurement).join(', ')}` : ''}`);
process.exit(errors.length ? 1 : 0);
