// Extreme inputs (run by `make bench`): the most demanding values the UI allows, one after the
// other, on a page with the compare overlays and the lab showing. Per input, the main-thread
// work it causes = the handler and effects (until a zero-delay timeout runs) plus the app's
// work in the next animation frame (from the frame's start to this script's callback, which
// runs after the app's). Target: every input within one frame budget (16.7 ms); longer work
// must be chunked over frames. Prints a table and writes target/e2e/bench-extremes.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { launch, openPage, repo } from './browser.mjs';
import { serveDist } from './serve.mjs';

// [what, selector, value]: value 'click' clicks; anything else is typed and committed.
const INPUTS = [
  ['η_max = 10', 'input.number[name=eta_max]', '10'],
  ['T_max = 1', 'input.number[name=t_max]', '1'],
  ['restarts on', 'input[type=checkbox][name=restarts]', 'click'],
  ['T_mult = 10', 'input.number[name=t_mult]', '10'],
  ['T_0 = 1,000,000', 'input.number[name=t_max]', '1000000'],
  ['horizon = 1,000,000', 'input.number[name=horizon]', '1000000'],
  ['warm-up = 1,000,000', 'input.number[name=warmup]', '1000000'],
  ['k-decay = 10', 'input.number[name=k_decay]', '10'],
  ['γ = 0.01', 'input.number[name=decay]', '0.01'],
  ['η_max = 1e-6', 'input.number[name=eta_max]', '1e-6'],
  ['epochs', 'select[name=unit]', 'epochs'],
  ['batches/epoch = 1,000,000', 'input.number[name=steps_per_epoch]', '1000000'],
  ['surface = Rastrigin', 'select[name=surface]', 'rastrigin'],
  ['lab steps = 20,000', 'input.number[name=lab_steps]', '20000'],
  ['constant η = 10', 'input.number[name=lab_lr]', '10'],
  ['noise σ = 10', 'input.number[name=noise]', '10'],
  ['optimizer = Adam', 'select[name=opt]', 'adam'],
  ['surface = Styblinski–Tang', 'select[name=surface]', 'styblinski_tang'],
  ['surface = Rosenbrock', 'select[name=surface]', 'rosenbrock'],
];

const server = await serveDist(process.env.DIST ?? join(repo, 'dist'));
const browser = await launch();
const { page, errors } = await openPage(browser, `${server.url}?compare=1`);
await page.locator('canvas.surface-paths').waitFor();
const rows = [];
for (const [what, selector, value] of INPUTS) {
  await page.locator(selector).waitFor();
  const ms = await page.evaluate(async ([sel, v]) => {
    const el = document.querySelector(sel);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t0 = performance.now();
    if (v === 'click') {
      el.click();
    } else {
      el.value = v;
      el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await new Promise((r) => setTimeout(r, 0));
    const handler = performance.now() - t0;
    const frame = await new Promise((r) => requestAnimationFrame((start) => r(performance.now() - start)));
    return { handler, frame };
  }, [selector, value]);
  rows.push({ what, ...ms, total: ms.handler + ms.frame });
}
const text = await page.locator('body').innerText();
await browser.close();
await server.close();
for (const r of rows) {
  console.log(`${r.what.padEnd(28)} handler ${r.handler.toFixed(1).padStart(6)} ms  frame ${r.frame.toFixed(1).padStart(6)} ms  total ${r.total.toFixed(1).padStart(6)} ms`);
}
const worst = rows.reduce((a, b) => (b.total > a.total ? b : a));
const nan = /\bNaN\b|Infinity/.test(text);
console.log(`worst: ${worst.what} ${worst.total.toFixed(1)} ms; page errors ${errors.length}; NaN/Infinity on the page: ${nan}`);
await mkdir(join(repo, 'target', 'e2e'), { recursive: true });
await writeFile(join(repo, 'target', 'e2e', 'bench-extremes.json'), JSON.stringify({ rows, errors, nan }, null, 2));
