// Offline and private: the built site, served from a sub-path, installs its service worker,
// then loads and analyses with the network off; no request ever leaves the page's origin,
// and the Content-Security-Policy is in force with no violation. A second build replaces
// the offline copy cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, tableRows, DIST, ROOT } from './helpers.mjs';

const TEXT = '全市完成投资3.5亿元，同比增长12.5%。';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

/** A fresh Chromium profile in a temp dir (no service worker or cache from another test). */
async function freshContext() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shudu-offline-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS, viewport: { width: 1360, height: 1000 },
  });
  // Every CSP violation (securitypolicyviolation event, on every load) and CSP console message.
  const violations = [];
  await context.exposeBinding('__shuduCsp', (_src, v) => violations.push(v));
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation',
    (e) => window.__shuduCsp(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`)));
  const close = async () => { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); };
  return { context, violations, close };
}

function watch(page, violations) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** The names of this scope's caches. Reads keys only: caches.open() would re-create a cache
 *  that the service worker deletes between keys() and open(), so polling must not open. */
async function swCacheNames(page) {
  return page.evaluate(async () => {
    const scope = (await navigator.serviceWorker.ready).scope;
    return (await caches.keys()).filter((n) => n.startsWith(`shudu:${scope}:`));
  });
}

/** This scope's caches and how many entries each holds (opens them: not while one is being deleted). */
async function swCaches(page) {
  return page.evaluate(async () => {
    const scope = (await navigator.serviceWorker.ready).scope;
    const names = (await caches.keys()).filter((n) => n.startsWith(`shudu:${scope}:`));
    const sizes = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).length));
    return { scope, names, sizes };
  });
}

test('from /tools/shudu/: cached on first visit, then loads and analyses offline; nothing leaves the origin', async () => {
  const server = await serve('/tools/shudu/');
  const { context, violations, close } = await freshContext();
  try {
    // Every request of the session: pages, the analysis worker, the service worker.
    const requests = [];
    context.on('request', (r) => requests.push({ url: r.url(), sw: !!r.serviceWorker() }));
    const page = await context.newPage();
    const errors = watch(page, violations);
    await page.goto(server.url);
    await page.waitForSelector('body[data-engine="ready"]', { timeout: 30000 });

    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
    for (const d of ["default-src 'self'", "connect-src 'self'", "worker-src 'self'", "object-src 'none'"]) {
      assert.ok(csp.includes(d), `CSP has ${d}: ${csp}`);
    }
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
    assert.ok(!csp.includes('__SHUDU'), 'CSP placeholder filled in');
    assert.ok(await page.$('link[rel="manifest"][href="manifest.webmanifest"]'), 'manifest linked');
    // The app works under the CSP: a sample article fills the figures table.
    await page.click('[data-testid="sample-0"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-table"] tbody tr.row').length > 30);

    // The service worker takes control and holds every file of the build.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const { scope, names, sizes } = await swCaches(page);
    assert.equal(scope, server.url, 'service worker scope is the sub-path');
    const files = fs.readdirSync(DIST, { recursive: true })
      .filter((f) => f !== 'sw.js' && !f.split(path.sep).some((s) => s.startsWith('.')) // not Trunk's .stage/
        && fs.statSync(path.join(DIST, f)).isFile());
    assert.equal(names.length, 1, `one cache for this scope: ${names}`);
    assert.equal(sizes[0], files.length, `every file of the build is cached (${files.length})`);

    // The session is written 300 ms after the last change (crates/web/src/session/store.rs);
    // the service worker may already be in control sooner than that.
    await page.waitForTimeout(800);
    // Network off: reload, the app starts (page, wasm, worker) and analyses pasted text.
    await context.setOffline(true);
    const offline = [];
    context.on('response', (r) => offline.push({ url: r.url(), fromSW: r.fromServiceWorker() }));
    const failed = [];
    context.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
    await page.reload();
    await page.waitForSelector('body[data-engine="ready"]', { timeout: 30000 });
    // The session was kept in the browser: the sample's text comes back, offline too.
    await page.waitForSelector('[data-testid="session-note"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-table"] tbody tr.row').length > 30);
    assert.ok((await page.inputValue('[data-testid="input"]')).length > 100, 'the sample text is restored offline');
    await page.fill('[data-testid="input"]', TEXT);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-table"] tbody tr').length === 2,
      null, { timeout: 20000 });
    const rows = await tableRows(page);
    assert.ok(rows[0].includes('350,000,000 元'), `money row: ${rows[0]}`);
    assert.ok(rows[1].includes('12.5 %'), `percent row: ${rows[1]}`);
    assert.ok(await page.$('meta[http-equiv="Content-Security-Policy"]'), 'CSP meta in the page served offline');
    if (process.env.OFFLINE_SHOT) await page.screenshot({ path: process.env.OFFLINE_SHOT });

    assert.deepEqual(failed, [], 'no request failed offline');
    const notFromSW = offline.filter((r) => !r.fromSW && !r.url.startsWith('data:') && !r.url.startsWith('blob:'));
    assert.deepEqual(notFromSW, [], 'offline, every request is answered by the service worker');
    for (const f of ['index.html', 'boot.js', 'worker-boot.js', 'worker.js', 'worker_bg.wasm', 'jieba-dict.txt']) {
      const u = new URL(f, server.url).href;
      assert.ok(requests.some((r) => r.url === u || (f === 'index.html' && r.url === server.url)), `${f} was requested (recorded)`);
    }
    assert.ok(requests.some((r) => r.sw), 'service worker requests are recorded');
    const foreign = requests.filter((r) => !/^(data|blob):/.test(r.url) && new URL(r.url).origin !== server.origin);
    assert.deepEqual(foreign, [], 'no request to any other origin');
    assert.deepEqual(violations, [], 'no CSP violation');
    assert.deepEqual(errors, [], 'no page error');
  } finally {
    await close();
    await server.close();
  }
});

/** A static server over `dir` under `prefix` (the helpers' serve() serves dist/ only). */
async function serveDir(dir, prefix) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
    '.css': 'text/css', '.webmanifest': 'application/manifest+json', '.png': 'image/png' };
  const server = http.createServer((req, res) => {
    const p = new URL(req.url, 'http://x').pathname;
    const file = path.join(dir, decodeURIComponent(p.slice(prefix.length)) || 'index.html');
    if (!p.startsWith(prefix) || !file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); return res.end();
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => new Promise((r) => server.close(r)) };
}

test('a new build replaces the offline copy: new version, old cache deleted', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shudu-site-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const server = await serveDir(dir, '/a/b/');
  const { context, violations, close } = await freshContext();
  try {
    const page = await context.newPage();
    const errors = watch(page, violations);
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const before = await swCaches(page);
    assert.equal(before.names.length, 1);

    // "Deploy" a new build: change index.html, finish the copy as a build is finished.
    const index = path.join(dir, 'index.html');
    // (Marked in a meta element: the app sets the title in the page's language.)
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<title>', '<meta name="shudu-build" content="2" /><title>'));
    execFileSync('python3', [path.join(ROOT, 'scripts/postbuild.py'), dir],
      { env: { ...process.env, TRUNK_PROFILE: 'release', SHUDU_SITE_ZIP: '' }, stdio: 'pipe' });

    // The browser finds the new sw.js, installs it (fetching the new files), and it takes over.
    const changed = page.waitForEvent('console', { predicate: (m) => m.text() === 'controllerchange', timeout: 30000 });
    await page.evaluate(async () => {
      navigator.serviceWorker.addEventListener('controllerchange', () => console.log('controllerchange'));
      await (await navigator.serviceWorker.ready).update();
    });
    await changed;
    // The controller changes as the new worker activates; its activate handler then deletes
    // the old cache.
    let names;
    for (const t0 = Date.now(); Date.now() - t0 < 30000; await new Promise((r) => setTimeout(r, 100))) {
      names = await swCacheNames(page);
      if (names.length === 1) break;
    }
    assert.equal(names.length, 1, `only the new cache is left: ${names}`);
    const after = await swCaches(page);
    assert.deepEqual(after.names, names, 'the old cache stays deleted');
    assert.notEqual(after.names[0], before.names[0], 'new version, new cache');
    assert.equal(after.sizes[0], before.sizes[0], 'the new cache holds the whole build');

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('body[data-engine="ready"]', { timeout: 30000 });
    assert.equal(await page.getAttribute('meta[name="shudu-build"]', 'content'), '2', 'offline, the new build is served');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
  } finally {
    await close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
