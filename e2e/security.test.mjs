// End-to-end: the release build runs under its Content-Security-Policy with zero violations,
// requests nothing but its own assets, keeps working offline once loaded, and shows hostile
// text from links and pasted calls as literal text.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { nextFrames, suite, waitForChart } from './browser.mjs';

const ctx = suite();

/** A page that records CSP violations, requests, console errors and page errors. */
async function watched(url) {
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = { violations: [], requests: [], errors: [] };
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && seen.errors.push(m.text()));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  await page.goto(url);
  await waitForChart(page);
  return { page, seen };
}

test('the page declares a strict script policy and runs under it with no violation', async () => {
  const { page, seen } = await watched(ctx.server.url);
  const csp = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  const scripts = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  // Two inline scripts, each allowed by its hash: Trunk's loader and the embed's auto-height.
  assert.match(scripts, /^script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]{44}'){2}$/);
  assert.doesNotMatch(csp, /(^|[ ;])'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  // Exercise what runs code: the lab, exports, code and import, embed preview, Back.
  await page.selectOption('select[name=preset]', 'sgdr');
  await page.click('button[name=play]');
  await page.waitForTimeout(200);
  await page.click('button[name=play]');
  await Promise.all([page.waitForEvent('download'), page.click('button[name=download_png]')]);
  await Promise.all([page.waitForEvent('download'), page.click('button[name=download_svg]')]);
  await page.click('details.code-panel summary');
  await page.fill('textarea[name=import_text]', 'CosineAnnealingLR(opt, T_max=30)');
  await page.click('button[name=import]');
  await page.click('details.embed-panel summary');
  await page.waitForSelector('.embed-preview iframe');
  await page.waitForTimeout(800);
  await page.goBack();
  await nextFrames(page);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('every request goes to the serving origin, and the app keeps working offline', async () => {
  const { page, seen } = await watched(`${ctx.server.url}?restarts=1`);
  const origin = new URL(ctx.server.url).origin;
  await page.context().setOffline(true);
  const before = await page.$eval('canvas.chart', (c) => c.toDataURL());
  await page.fill('input[type=number][name=t_max]', '7');
  await nextFrames(page);
  assert.ok((await page.$eval('canvas.chart', (c) => c.toDataURL())) !== before, 'redraws offline');
  await page.selectOption('select[name=surface]', 'himmelblau');
  await page.check('input[name=escape]');
  await page.waitForFunction(() => /100 of 100 seeds/.test(document.querySelector('.escape').textContent), null, {
    timeout: 60_000,
  });
  await page.context().setOffline(false);
  const foreign = seen.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
  assert.deepEqual(foreign, []);
  assert.ok(seen.requests.length <= 6, `only the app's own assets: ${seen.requests.join(', ')}`);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('script and markup from a link or pasted text appear as literal text', async () => {
  const payload = '<img src=x onerror="window.__pwned=1">';
  const link = `${ctx.server.url}?eta_max=${encodeURIComponent(payload)}&pin1=${encodeURIComponent(`${payload}~t_max:5`)}`;
  const { page, seen } = await watched(link);
  await page.click('details.code-panel summary');
  await page.fill('textarea[name=import_text]', `CosineAnnealingLR(opt, T_max=${payload})`);
  await page.click('button[name=import]');
  await page.fill('input[name=pin_name]', payload);
  await nextFrames(page);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img[src=x], body script:not([type=module])').count(), 0);
  assert.match(await page.textContent('.link-notices'), /<img src=x onerror/);
  assert.match(await page.textContent('.import-error'), /column/);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
