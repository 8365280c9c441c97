// Draw the app icons (crates/web/static/icons/*.png) with the machine's Chromium and its Noto Sans CJK
// font: the glyph 数 in white on the accent colour of the stylesheet. Run once after changing
// the design; the PNGs are committed.   node scripts/make-icons.mjs
import { chromium } from '../crates/web/tests/e2e/node_modules/playwright-core/index.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../crates/web/static/icons');
const ACCENT = '#c2410c';

// maskable: full bleed, glyph inside the central 80% safe zone; any: a rounded tile.
const html = (size, maskable) => `<!DOCTYPE html><html><body style="margin:0;background:transparent">
<div style="width:${size}px;height:${size}px;background:${ACCENT};border-radius:${maskable ? 0 : size * 0.22}px;
  display:flex;align-items:center;justify-content:center;flex-direction:column;
  font-family:'Noto Sans CJK SC';font-weight:700;color:#fff;line-height:1">
  <div style="font-size:${size * (maskable ? 0.46 : 0.62)}px;margin-top:-${size * 0.04}px">数</div>
  <div style="display:flex;gap:${size * 0.03}px;align-items:flex-end;height:${size * 0.09}px;margin-top:${size * 0.03}px">
    ${[0.45, 0.75, 1].map((h) => `<div style="width:${size * 0.06}px;height:${h * 100}%;background:#fed7aa;border-radius:${size * 0.01}px"></div>`).join('')}
  </div>
</div></body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [name, size, maskable] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['icon-maskable-512.png', 512, true]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(html(size, maskable));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT, name), omitBackground: true });
  console.log('wrote', path.join(OUT, name));
}
await browser.close();
