import { launch, openPage } from './browser.mjs';
import { serveDist } from './serve.mjs';
const server = await serveDist(process.env.DIST);
const browser = await launch();
const { page, errors } = await openPage(browser, `${server.url}?compare=1`);
await page.locator('canvas.surface-paths').waitFor();
await page.waitForTimeout(500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < 20; i++) {
  await page.evaluate(async (v) => {
    const el = document.querySelector('input.number[name=eta_max]');
    el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, String(0.05 + i * 0.01));
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = new Map();
profile.samples.forEach((id, k) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
for (const [id, us] of dt) {
  const n = byId.get(id); const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`;
  self.set(name, (self.get(name) ?? 0) + us);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', (total / 1000).toFixed(1), 'errors', errors.length);
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((us / 1000).toFixed(1).padStart(8), name.slice(0, 150));
await browser.close(); await server.close();
