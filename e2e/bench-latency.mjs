// Input→paint latency of the explorer (run by `make bench`, not by `make test`).
// Drives 200 slider input events per horizon on the release build and reads the page's own
// performance marks around each draw; prints p50/p95 and writes target/e2e/bench-latency.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch, openPage } from './browser.mjs';
import { serveDist } from './serve.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const EVENTS = 200;
const HORIZONS = [1_000, 100_000, 1_000_000];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const server = await serveDist(process.env.DIST ?? join(repo, 'dist'));
const browser = await launch();
const results = [];
for (const horizon of HORIZONS) {
  const { page, errors } = await openPage(browser, server.url);
  // SGDR with a warm-up, so the chart has restarts and bands to draw at every horizon.
  await page.check('input[name=restarts]');
  await page.fill('input[type=number][name=t_max]', String(horizon / 16));
  await page.fill('input[type=number][name=warmup]', String(horizon / 50));
  await page.fill('input[type=number][name=horizon]', String(horizon));
  const latencies = await page.evaluate(async (n) => {
    window.__annealTiming = true;
    const slider = document.querySelector('input[type=range][name=eta_max]');
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = [];
    await frame();
    for (let i = 0; i < n; i += 1) {
      performance.clearMarks();
      const t0 = performance.now();
      slider.value = String(300 + (i % 500));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      await frame();
      const end = performance.getEntriesByName('anneal-draw-end').pop();
      const start = performance.getEntriesByName('anneal-draw-start').pop();
      out.push({ latency: end ? end.startTime - t0 : NaN, draw: end && start ? end.startTime - start.startTime : NaN });
    }
    return out;
  }, EVENTS);
  const lat = latencies.map((l) => l.latency).filter(Number.isFinite);
  const draw = latencies.map((l) => l.draw).filter(Number.isFinite);
  results.push({
    horizon,
    events: lat.length,
    p50_ms: quantile(lat, 0.5),
    p95_ms: quantile(lat, 0.95),
    draw_p50_ms: quantile(draw, 0.5),
    draw_p95_ms: quantile(draw, 0.95),
    errors: errors.length,
  });
  await page.close();
}
await browser.close();
await server.close();

console.log('horizon    events  input→paint p50  p95     draw p50  p95');
for (const r of results) {
  console.log(
    `${String(r.horizon).padEnd(10)} ${String(r.events).padEnd(7)} ${r.p50_ms.toFixed(2).padStart(8)} ms ${r.p95_ms.toFixed(2).padStart(6)} ms ${r.draw_p50_ms.toFixed(2).padStart(8)} ms ${r.draw_p95_ms.toFixed(2).padStart(5)} ms`,
  );
}
await mkdir(join(repo, 'target', 'e2e'), { recursive: true });
await writeFile(join(repo, 'target', 'e2e', 'bench-latency.json'), JSON.stringify(results, null, 2));
if (results.some((r) => r.errors > 0 || r.events < EVENTS)) {
  console.error('some events produced no draw or the page logged errors');
  process.exit(1);
}
