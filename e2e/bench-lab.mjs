// Landscape-lab benchmarks (run by `make bench`, not by `make test`):
//  1. drag latency: 200 pointer moves over the surface with three runs of 2,000 steps; per event,
//     the work the page does = recomputing the runs + redrawing the paths and both lab charts
//     (the page's own performance.measure entries), excluding the idle wait for the next frame;
//  2. the basin map: 40 × 40 starts × 3 schedules × 1,000 steps, wall time to completion.
// Prints the figures and writes target/e2e/bench-lab.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch, openPage } from './browser.mjs';
import { serveDist } from './serve.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const EVENTS = 200;

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const server = await serveDist(process.env.DIST ?? join(repo, 'dist'));
const browser = await launch();

const drag = await openPage(browser, `${server.url}?lab_steps=2000`);
await drag.page.locator('canvas.surface-paths').scrollIntoViewIfNeeded();
const samples = await drag.page.evaluate(async (n) => {
  window.__annealTiming = true;
  const canvas = document.querySelector('canvas.surface-paths');
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const box = canvas.getBoundingClientRect();
  const at = (i) => ({
    clientX: box.left + box.width * (0.2 + 0.6 * ((i * 37) % 100) / 100),
    clientY: box.top + box.height * (0.2 + 0.6 * ((i * 61) % 100) / 100),
    pointerId: 1,
    bubbles: true,
  });
  const entries = (prefix) => performance.getEntriesByType('measure').filter((e) => e.name.startsWith(prefix));
  const total = (prefix) => entries(prefix).reduce((s, e) => s + e.duration, 0);
  await frame();
  canvas.dispatchEvent(new PointerEvent('pointerdown', at(0)));
  await frame();
  await frame();
  const out = [];
  for (let i = 1; i <= n; i += 1) {
    performance.clearMeasures();
    canvas.dispatchEvent(new PointerEvent('pointermove', at(i)));
    await frame();
    await frame();
    const compute = total('anneal-lab-compute');
    const draw = total('anneal-lab-draw');
    const paths = total('anneal-lab-draw-paths');
    const draws = entries('anneal-lab-draw').length;
    // The compute measure holds the race's first slice: a race still under way here would have
    // later slices it does not count.
    const unfinished = document.querySelector('section.lab[aria-busy]') !== null;
    out.push({ compute, draw, paths, draws, unfinished });
  }
  canvas.dispatchEvent(new PointerEvent('pointerup', at(n)));
  return out;
}, EVENTS);
await drag.page.close();

const work = samples.map((s) => s.compute + s.draw);
const result = {
  drag: {
    events: samples.length,
    steps_per_run: 2000,
    draws_per_event: quantile(samples.map((s) => s.draws), 0.5),
    compute_p50_ms: quantile(samples.map((s) => s.compute), 0.5),
    draw_p50_ms: quantile(samples.map((s) => s.draw), 0.5),
    paths_p50_ms: quantile(samples.map((s) => s.paths), 0.5),
    work_p50_ms: quantile(work, 0.5),
    work_p95_ms: quantile(work, 0.95),
    unfinished: samples.filter((s) => s.unfinished).length,
    errors: drag.errors.length,
  },
};

const map = await openPage(browser, `${server.url}?lab_steps=1000`);
const t0 = Date.now();
await map.page.check('input[name=basin_map]');
await map.page.waitForFunction(
  () => /1600 of 1600 starts/.test(document.querySelector('.basin-map').textContent),
  null,
  { timeout: 600_000, polling: 100 },
);
result.basin_map = { starts: 1600, schedules: 3, steps: 1000, seconds: (Date.now() - t0) / 1000, errors: map.errors.length };
await map.page.close();
await browser.close();
await server.close();

const d = result.drag;
console.log(
  `lab drag (3 runs × 2,000 steps, ${d.events} events, ${d.draws_per_event} draws/event): ` +
    `work p50 ${d.work_p50_ms.toFixed(2)} ms, p95 ${d.work_p95_ms.toFixed(2)} ms ` +
    `(compute p50 ${d.compute_p50_ms.toFixed(2)} ms, draw p50 ${d.draw_p50_ms.toFixed(2)} ms of which paths ${d.paths_p50_ms.toFixed(2)} ms); ` +
    `races still running two frames after their event: ${d.unfinished} of ${d.events}`,
);
console.log(`basin map 40×40 × 3 × 1,000 steps: ${result.basin_map.seconds.toFixed(1)} s`);
await mkdir(join(repo, 'target', 'e2e'), { recursive: true });
await writeFile(join(repo, 'target', 'e2e', 'bench-lab.json'), JSON.stringify(result, null, 2));
if (d.errors > 0 || result.basin_map.errors > 0 || d.draws_per_event < 1) {
  console.error('the page logged errors or drew nothing');
  process.exit(1);
}
