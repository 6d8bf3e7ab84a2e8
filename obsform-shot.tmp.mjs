// usage: node /tmp/obsform-shot.mjs <port> <name>
import { chromium } from 'playwright-core';
const [port, name] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--lang=en-GB'] });
const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
page.setDefaultTimeout(20000);
await page.goto(base + '/');
await page.getByRole('button', { name: 'Load the demo centre' }).click();
await page.getByRole('link', { name: 'Start another portfolio' }).waitFor({ timeout: 90000 });
const sel = page.getByLabel('Acting as');
const opts = await sel.locator('option').allTextContents();
console.log('acting options', opts);
const assessorOpt = sel.locator('option', { hasText: /assessor/i }).first();
await sel.selectOption(await assessorOpt.getAttribute('value'));
await page.goto(base + '/');
await page.locator('main a[href*="/portfolio"]').first().click();
await page.getByRole('link', { name: 'Record an observation' }).click();
await page.getByRole('form', { name: 'Evidence' }).waitFor();
await page.waitForTimeout(500);
const h = await page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
console.log('screens tall', h.toFixed(2), await page.evaluate(() => document.documentElement.scrollHeight));
await page.screenshot({ path: `/tmp/obsform-shots/${name}-full.png`, fullPage: true });
await page.screenshot({ path: `/tmp/obsform-shots/${name}-viewport.png` });
const total = await page.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0, i = 0; y < total; y += 1100, i++)
  await page.screenshot({ path: `/tmp/obsform-shots/${name}-part${i}.png`, fullPage: true, clip: { x: 0, y, width: 360, height: Math.min(1100, total - y) } });
if (process.argv[4] === 'date') {
  const btn = page.getByRole('button', { name: /from a calendar/ }).first();
  console.log('calendar button', await btn.getAttribute('aria-label'), await btn.boundingBox());
}
await browser.close();
