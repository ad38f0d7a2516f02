// First chart (run by `make bench`): time from navigation start to the end of the first
// schedule-chart draw, on loopback with a cold cache (a fresh browser context per load),
// median of 10 loads. Writes target/e2e/bench-first-chart.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch } from './browser.mjs';
import { serveDist } from './serve.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const LOADS = 10;
const server = await serveDist(process.env.DIST ?? join(repo, 'dist'));
const browser = await launch();
const times = [];
for (let i = 0; i < LOADS; i += 1) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__annealTiming = true;
  });
  await page.goto(server.url);
  const handle = await page.waitForFunction(() => performance.getEntriesByName('anneal-draw-end')[0]?.startTime);
  times.push(await handle.jsonValue());
  await context.close();
}
await browser.close();
await server.close();
const sorted = [...times].sort((a, b) => a - b);
const median = (sorted[4] + sorted[5]) / 2;
console.log(`first chart: median ${median.toFixed(1)} ms over ${LOADS} cold loads (min ${sorted[0].toFixed(1)}, max ${sorted[LOADS - 1].toFixed(1)})`);
await mkdir(join(repo, 'target', 'e2e'), { recursive: true });
await writeFile(join(repo, 'target', 'e2e', 'bench-first-chart.json'), JSON.stringify({ loads: times, median_ms: median }, null, 2));
