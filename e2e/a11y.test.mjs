// End-to-end: the page with assistive technology and on a phone — axe-core's checks on every
// kind of page, labelled canvases, captioned tables, the lab's outcome announced after a
// keyboard move, and the chart in a phone's first screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { nextFrames, openPage, repo, suite, waitForChart } from './browser.mjs';

const ctx = suite();
const axeSource = readFile(join(repo, 'e2e/node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on `path` (the page's script policy bypassed to run it). */
async function violations(path, colorScheme = 'light') {
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme, bypassCSP: true });
  await page.goto(ctx.server.url + path.replace(/^\//, ''));
  if (/hide=[^&]*chart/.test(path)) await page.waitForSelector('.lab canvas.surface-paths');
  else await waitForChart(page);
  // The panels and the lab are built in the frames after the chart.
  await page.waitForSelector('.lab .outcomes', { state: 'attached', timeout: 5000 }).catch(() => {});
  await nextFrames(page);
  await page.evaluate(await axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  await page.close();
  return found;
}

for (const [name, path, scheme] of [
  ['the default page with its lab', '/', 'light'],
  ['the dark theme', '/', 'dark'],
  ['comparing, pinned and resumed', '/?compare=1&resume=40&pin1=a~t_max:50', 'light'],
  ['an embed', '/?embed=1&hide=landscape', 'light'],
  ['the lab embedded alone', '/?embed=1&hide=controls,chart,compare,export,code,formula', 'light'],
  ['a static page', '/?static=1', 'light'],
]) {
  test(`axe-core finds no serious or critical violation: ${name}`, async () => {
    assert.deepEqual(await violations(path, scheme), []);
  });
}

test('every canvas is labelled or hidden, every table captioned, one skip link', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?compare=1`);
  await page.check('input[name=basin_map]');
  await page.check('input[name=escape]');
  await page.waitForSelector('.escape-table', { timeout: 60_000 }).catch(() => {});
  await nextFrames(page);
  const canvases = await page.$$eval('canvas', (cs) =>
    cs.map((c) => ({ cls: c.className, ok: c.getAttribute('aria-hidden') === 'true' || (c.getAttribute('role') === 'img' && !!c.getAttribute('aria-label')) })));
  assert.ok(canvases.length >= 7, JSON.stringify(canvases));
  assert.deepEqual(canvases.filter((c) => !c.ok), []);
  const tables = await page.$$eval('table', (ts) => ts.map((t) => [t.className, t.querySelector('caption')?.textContent.trim() ?? '']));
  assert.ok(tables.length >= 2, JSON.stringify(tables));
  for (const [cls, caption] of tables) assert.ok(caption.length > 10, `table.${cls} has a caption`);
  assert.equal(await page.locator('a.skip-link').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a keyboard move of the start point announces where each run now ends', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.focus('canvas.surface-paths');
  await page.keyboard.press('ArrowRight');
  await nextFrames(page);
  const said = await page.textContent('.lab [role=status][aria-live=polite]');
  assert.match(said, /^Start \(-1\.\d+, 1\.53\): constant ends in the (local|global) minimum at \(.+\), f = .+; cosine ends in the .+; cosine \+ warm restarts ends in the .+\.$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone the chart comes first, inside the first screen, and the controls follow it', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url, { width: 390, height: 844 });
  await nextFrames(page);
  const chart = await page.locator('canvas.chart').boundingBox();
  assert.ok(chart.y >= 0 && chart.y + chart.height <= 844, `chart at ${chart.y}..${chart.y + chart.height}`);
  const controls = await page.locator('.controls').boundingBox();
  assert.ok(controls.y > chart.y + chart.height, 'the controls are below the chart');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone, comparing and resuming, nothing is wider than the screen and the caption stays in view', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?compare=1&resume=40&resume_lib=keras`, { width: 390, height: 844 });
  await page.waitForSelector('.resume-ways li');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  const caption = await page.locator('.compare caption').boundingBox();
  assert.ok(caption.x >= 0 && caption.x + caption.width <= 390, `caption at ${caption.x}..${caption.x + caption.width}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone, five compared libraries list under the chart, which grows to keep its plot', async () => {
  const plotOf = async (url) => {
    const { page, errors } = await openPage(ctx.browser, url, { width: 390, height: 844 });
    await nextFrames(page);
    // The cursor line spans the plot: its height is the plot's.
    const box = await page.locator('canvas.chart').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    const line = await page.locator('.cursor-line').boundingBox();
    // Drawn at the size it is shown, with the cursor under the pointer (the panel's padding
    // once put both 8 px off).
    assert.equal(await page.$eval('canvas.chart', (c) => c.width - c.clientWidth), 0);
    assert.ok(Math.abs(line.x - (box.x + box.width / 2)) <= 1.5, `cursor at ${line.x}, pointer at ${box.x + box.width / 2}`);
    assert.deepEqual(errors, []);
    await page.close();
    return { chart: box.height, plot: line.height, below: box.y + box.height - (line.y + line.height) };
  };
  const alone = await plotOf(ctx.server.url);
  const compared = await plotOf(`${ctx.server.url}?compare=1`);
  assert.ok(Math.abs(compared.plot - alone.plot) <= 1, `plot ${compared.plot} px, ${alone.plot} alone`);
  assert.ok(compared.chart >= alone.chart + 25, `chart ${compared.chart} px, ${alone.chart} alone: rows of names under it`);
  assert.ok(compared.below >= alone.below + 25, 'the names take room under the plot, not in it');
});

test('on a phone a finger dragged across the chart moves the read-out with it', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(ctx.server.url);
  await page.waitForSelector('canvas.chart');
  await nextFrames(page);
  const box = await page.locator('canvas.chart').boundingBox();
  const cdp = await context.newCDPSession(page);
  const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: x === undefined ? [] : [{ x, y: box.y + box.height / 2 }] });
  await touch('touchStart', box.x + 60);
  for (let i = 1; i <= 10; i += 1) await touch('touchMove', box.x + 60 + i * 15);
  await nextFrames(page);
  const line = await page.locator('.cursor-line').boundingBox();
  await touch('touchEnd');
  assert.ok(Math.abs(line.x - (box.x + 210)) <= 1.5, `cursor at ${line.x}, finger at ${box.x + 210}`);
  assert.equal(await page.locator('.readout').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
