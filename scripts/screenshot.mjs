// Developer aid: screenshot a running browser host, e.g.
//   node scripts/screenshot.mjs "http://127.0.0.1:PORT/#token=..." out.png [width] [height]
import { chromium } from 'playwright-core';

const [url, file = '.tmp/screen.png', width = '1360', height = '900'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForSelector('[data-app-state="ready"]', { timeout: 10000 });
await page.screenshot({ path: file, fullPage: true });
await browser.close();
