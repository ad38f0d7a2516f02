// Memory over 10,000 slider events (run by `make bench`): wasm linear memory and the JS heap
// after a forced GC, before and after. Prints the growth and writes target/e2e/bench-memory.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { serveDist } from './serve.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const EVENTS = 10_000;
const server = await serveDist(process.env.DIST ?? join(repo, 'dist'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
await page.addInitScript(() => {
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__memory = e.detail.wasm.memory;
  });
});
await page.goto(server.url);
await page.waitForFunction(() => window.__memory);

const drive = (n) =>
  page.evaluate(async (n) => {
    const sliders = ['eta_max', 't_max', 'x0', 'noise'].map((k) => document.querySelector(`input[type=range][name=${k}]`));
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    for (let i = 0; i < n; i += 1) {
      const s = sliders[i % sliders.length];
      s.value = String((i * 37) % 1001);
      s.dispatchEvent(new Event('input', { bubbles: true }));
      if (i % 10 === 9) await frame();
    }
    await frame();
  }, n);
const measure = () =>
  page.evaluate(async () => {
    for (let i = 0; i < 3; i += 1) {
      window.gc();
      await new Promise((r) => setTimeout(r, 50));
    }
    return { wasm: window.__memory.buffer.byteLength, heap: performance.memory.usedJSHeapSize };
  });

await drive(1000);
const before = await measure();
await drive(EVENTS);
const after = await measure();
await browser.close();
await server.close();

const result = {
  events: EVENTS,
  wasm_before: before.wasm,
  wasm_growth: after.wasm - before.wasm,
  heap_before: before.heap,
  heap_growth: after.heap - before.heap,
  errors: errors.length,
};
const mb = (b) => (b / 1048576).toFixed(3);
console.log(
  `memory over ${EVENTS} slider events: wasm ${mb(before.wasm)} MB, grew ${mb(result.wasm_growth)} MB; ` +
    `JS heap ${mb(before.heap)} MB, grew ${mb(result.heap_growth)} MB (after forced GC)`,
);
await mkdir(join(repo, 'target', 'e2e'), { recursive: true });
await writeFile(join(repo, 'target', 'e2e', 'bench-memory.json'), JSON.stringify(result, null, 2));
if (errors.length || result.wasm_growth >= 1048576 || result.heap_growth >= 1048576) {
  console.error('memory grew by 1 MB or more, or the page logged errors');
  process.exit(1);
}
