// Not a test: open the built site (SHUDU_DIST or dist/) in headless Chromium, print when the
// engine became ready, console messages, and what one sample gives; a screenshot to
// target/probe.png. For looking at a build by hand: node tests/e2e/probe.mjs
import { serve, launch, tableRows, ROOT } from './helpers.mjs';
import path from 'node:path';

const server = await serve('/');
const browser = await launch();
try {
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
    const page = await context.newPage();
    const log = [];
    page.on('console', (m) => log.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => log.push(`pageerror: ${e}`));
    await page.goto(server.url);
    await page.waitForSelector('body[data-engine="ready"]', { timeout: 30000 });
    const ready = await page.evaluate(() => performance.now());
    console.log(`load ${i + 1}: engine ready by ${Math.round(ready)} ms after navigation`);
    if (i === 2) {
      await page.click('[data-testid="sample-0"]');
      await page.waitForSelector('[data-testid="figures-table"] tbody tr');
      const rows = await tableRows(page);
      console.log(`sample-0: ${rows.length} figures; first: ${rows[0].join(' | ')}`);
      await page.screenshot({ path: path.join(ROOT, 'target/probe.png') });
    }
    for (const l of log) console.log('  ' + l);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
