import { launch } from './browser.mjs';
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(process.argv[2]);
await page.waitForTimeout(1500);
await page.locator('canvas.chart').screenshot({ path: '../target/look/chart.png' });
await browser.close();
