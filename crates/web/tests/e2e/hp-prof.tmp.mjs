// Profile the 1,000-file batch: top self-time functions in the long tasks.
import fs from 'node:fs'; import path from 'node:path'; import os from 'node:os';
import { serve, launch, openApp, ROOT } from '/work/wt-hpage/crates/web/tests/e2e/helpers.mjs';
const dir = process.argv[2];
const names = fs.readdirSync(dir).sort();
const server = await serve('/'); const browser = await launch();
const { page } = await openApp(browser, server.url);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await page.evaluate(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask' }); });
await cdp.send('Profiler.start');
await page.setInputFiles('[data-testid="file-input"]', names.map((f) => path.join(dir, f)));
await page.waitForFunction((n) => { const p = document.querySelector('[data-testid="progress"]'); return p && Number(p.max) === n && Number(p.value) === n; }, names.length, { timeout: 300000, polling: 200 });
await page.waitForTimeout(1000);
await cdp.send('Profiler.stop');
await page.evaluate(() => window.__long.splice(0));
await cdp.send('Profiler.start');
if (process.argv[3]) { await page.click(`[data-testid="tab-${process.argv[3]}"]`); await page.waitForTimeout(3000); }
const { profile } = await cdp.send('Profiler.stop');
console.log('long', JSON.stringify(await page.evaluate(() => window.__long)));
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
for (const [id, us] of counts) { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`; self.set(k, (self.get(k) || 0) + us); }
// Contiguous busy runs (non-idle samples) over 80 ms: their top functions with callers.
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const label = (id) => { const n = byId.get(id); return `${n.callFrame.functionName || '(anon)'}`; };
const chain = (id) => { const out = []; let x = id; for (let k = 0; k < 14 && x; k++) { out.push(label(x)); x = parent.get(x); } return out.join(' < '); };
let run = []; let runUs = 0;
const flush = () => { if (runUs > 80000) { const m = new Map(); for (const [id, us] of run) { const k = chain(id); m.set(k, (m.get(k) || 0) + us); }
  console.log(`RUN ${Math.round(runUs / 1000)}ms`); console.log([...m].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, us]) => `  ${Math.round(us / 1000)}ms ${k}`).join('\n')); }
  run = []; runUs = 0; };
profile.samples.forEach((id, i) => { const l = label(id); if (l === '(idle)') { flush(); } else { run.push([id, dt[i] || 0]); runUs += dt[i] || 0; } });
flush();
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, us]) => `${Math.round(us / 1000)}ms ${k}`).join('\n'));
await browser.close(); await server.close();
