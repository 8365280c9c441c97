// The foundation: open the built site, click sample-0, read the figures table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, tableRows } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('sample-0 fills the figures table; 14.8亿元 reads 1,480,000,000 元', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.click('[data-testid="sample-0"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="figures-table"] tbody tr').length > 50);
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
  assert.ok(only.includes('约2600人') && only.includes('约 about'));
  assert.deepEqual(errors, []);
});
