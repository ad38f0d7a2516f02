// End-to-end: the release build of the app, served on loopback, driven in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { chartPixels, nextFrames, openPage, repo, suite, waitForChart } from './browser.mjs';

const shots = join(repo, 'target', 'e2e');

const ctx = suite();

test('the page loads, draws the chart and logs no errors', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  assert.equal(await page.title(), 'Anneal — learning-rate schedules');
  assert.match(await page.textContent('h1'), /Anneal/);
  const html = await (await fetch(ctx.server.url)).text();
  assert.match(html, /Loading Anneal…/, 'the static page says something while the wasm loads');
  // A stylesheet file would hold up the parser at the inline script after it, and with it the
  // wasm's preload link.
  assert.doesNotMatch(html, /rel="?stylesheet/, 'the styles come inline with the page');
  const font = await page.$eval('body', (b) => getComputedStyle(b).fontFamily.split(',')[0]);
  assert.equal(font, 'system-ui', 'and they apply');
  assert.equal(await page.locator('#loading').count(), 0, 'and the line is gone once the app runs');
  await mkdir(shots, { recursive: true });
  const shot = join(shots, 'app.png');
  await page.screenshot({ path: shot, fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('loading the page logs no warnings either', async () => {
  // Trunk wrote an integrity hash on the wasm's fetch preload, which Chrome ignores with a
  // console warning on every load.
  const page = await ctx.browser.newPage();
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.goto(ctx.server.url);
  await waitForChart(page);
  await nextFrames(page);
  assert.deepEqual(warnings, []);
  await page.close();
});

for (const [key, position] of [['eta_max', '200'], ['eta_min', '700'], ['t_max', '150']]) {
  test(`moving the ${key} slider redraws the chart`, async () => {
    const { page, errors } = await openPage(ctx.browser, ctx.server.url);
    const before = await chartPixels(page);
    await page.fill(`input[type=range][name=${key}]`, position);
    await nextFrames(page);
    assert.notEqual(await chartPixels(page), before, `${key} changed the picture`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the chart stays put while the rest of the page arrives, on wide and narrow screens', async () => {
  for (const width of [1280, 400]) {
    const page = await ctx.browser.newPage({ viewport: { width, height: 800 } });
    // The chart's top and whether the controls exist, in each of the first frames it is there.
    await page.addInitScript(() => {
      window.__frames = [];
      const look = () => {
        const c = document.querySelector('canvas.chart');
        if (c) window.__frames.push([c.getBoundingClientRect().top, !!document.querySelector('.controls')]);
        if (window.__frames.length < 8) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(ctx.server.url);
    await page.waitForFunction(() => window.__frames.length >= 8);
    const frames = await page.evaluate(() => window.__frames);
    const tops = new Set(frames.map((f) => Math.round(f[0])));
    assert.equal(tops.size, 1, `${width} px: the chart moved: ${JSON.stringify(frames)}`);
    assert.ok(frames.at(-1)[1], `${width} px: the controls arrived`);
    if (width === 400) {
      // On a phone the controls come below the chart.
      const [chart, controls] = await Promise.all(['canvas.chart', '.controls'].map((s) => page.locator(s).boundingBox()));
      assert.ok(controls.y >= chart.y + chart.height, 'the controls are below the chart');
    }
    await page.close();
  }
});

test('typing into a number box moves its slider', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  // t_max is logarithmic over 1..1e6 on 1000 slider steps: 250 sits at round(1000·ln 250 / ln 1e6) = 400.
  await page.fill('input[type=number][name=t_max]', '250');
  await nextFrames(page);
  assert.equal(await page.inputValue('input[type=range][name=t_max]'), '400');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an out-of-range typed value is clamped and explained', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.fill('input[type=number][name=eta_max]', '99');
  await page.press('input[type=number][name=eta_max]', 'Enter');
  await nextFrames(page);
  assert.equal(await page.inputValue('input[type=number][name=eta_max]'), '10');
  assert.match(await page.textContent('.notice'), /η_max \(peak learning rate\) must be between 1e-6 and 10/);
  assert.deepEqual(errors, []);
  await page.close();
});

// A user types one key at a time: "0." and "1e-" are half-typed numbers the box must keep.
test('numbers typed key by key keep their dot, exponent and sign', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?restarts=1`);
  const type = async (name, text) => {
    const box = `input[type=number][name=${name}]`;
    await page.click(box, { clickCount: 3 });
    const shown = [];
    for (const key of text) {
      await page.keyboard.type(key);
      await nextFrames(page);
      shown.push(await page.evaluate((b) => document.querySelector(b).validity.badInput ? 'half' : document.querySelector(b).value, box));
    }
    await page.keyboard.press('Tab');
    await nextFrames(page);
    return { shown, committed: await page.inputValue(box) };
  };
  assert.deepEqual(await type('decay', '0.8'), { shown: ['0', '0', '0.8'], committed: '0.8' });
  assert.deepEqual(await type('eta_max', '0.0005'), {
    shown: ['0', '0', '0.0', '0.00', '0.000', '0.0005'],
    committed: '0.0005',
  });
  assert.deepEqual(await type('eta_min', '1e-4'), { shown: ['1', 'half', 'half', '1e-4'], committed: '0.0001' });
  const link = new URL(page.url()).searchParams;
  assert.deepEqual([link.get('decay'), link.get('eta_max'), link.get('eta_min')], ['0.8', '0.0005', '0.0001']);
  assert.equal(await page.locator('.notice').count(), 0, 'nothing was out of range');
  // A minus sign is kept while typing; the committed value is clamped with a notice.
  assert.equal((await type('t_max', '-5')).committed, '1');
  assert.match(await page.textContent('.notice'), /T_max \/ T_0 \(cycle length\) must be between 1 and/);
  assert.deepEqual(errors, []);
  await page.close();
});
