// End-to-end: the schedule explorer's controls, read-out, keyboard use and themes.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { chartPixels, nextFrames, openPage, pixelsOfColour, repo, suite, waitForChart, linkWritten } from './browser.mjs';

const shots = join(repo, 'target', 'e2e');

const ctx = suite();

before(async () => {
  await mkdir(shots, { recursive: true });
});

const range = (name, position) => (p) => p.fill(`input[type=range][name=${name}]`, position);
const typed = (name, value) => (p) => p.fill(`input[type=number][name=${name}]`, value);
const check = (name) => (p) => p.check(`input[name=${name}]`);
const choose = (name, value) => (p) => p.selectOption(`select[name=${name}]`, value);

// In order: each step builds on the ones before (restarts on before T_mult, warm-up before its shape…).
const CONTROLS = [
  ['eta_max', range('eta_max', '800')],
  ['eta_min', range('eta_min', '600')],
  ['eta_min_rel', check('eta_min_rel')],
  ['eta_min_frac', range('eta_min_frac', '500')],
  ['t_max', range('t_max', '200')],
  ['restarts', check('restarts')],
  ['t_mult', range('t_mult', '300')],
  ['decay', range('decay', '500')],
  ['cycle_limit', range('cycle_limit', '20')],
  ['k_decay', range('k_decay', '700')],
  ['warmup', typed('warmup', '5')],
  ['warmup_shape', choose('warmup_shape', 'cosine')],
  ['warmup_start', typed('warmup_start', '0.01')],
  ['warmup_every', check('warmup_every')],
  ['warmup_overlap', check('warmup_overlap')],
  ['horizon', typed('horizon', '500')],
  ['unit', choose('unit', 'epochs')],
  ['steps_per_epoch', typed('steps_per_epoch', '10')],
  ['grad_accum', typed('grad_accum', '2')],
  ['examples', typed('examples', '1000')],
  ['batch', typed('batch', '16')],
  ['drop_last', check('drop_last')],
  ['devices', typed('devices', '2')],
  ['steps_rule', choose('steps_rule', 'trainer_floor')],
  // The epochs alone change nothing while a horizon is set; a warm-up ratio needs them.
  ['epochs, warmup_ratio', async (p) => { await typed('epochs', '3')(p); await typed('warmup_ratio', '0.1')(p); }],
  ['t_max_ratio', typed('t_max_ratio', '0.5')],
  ['log_y', check('log_y')],
];

test('every control changes the chart', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  for (const [name, act] of CONTROLS) {
    const before = await chartPixels(page);
    await act(page);
    await nextFrames(page);
    assert.notEqual(await chartPixels(page), before, `${name} changed the chart`);
  }
  assert.doesNotMatch(await page.textContent('body'), /NaN|Infinity/);
  await page.screenshot({ path: join(shots, 'explorer-all-controls.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

// Issue 17: a slider input redoes only what it changes. The phase editor and the step counts
// were rebuilt on every η_max input (28 attribute writes each), and :has() rules restyled the
// page for any DOM change.
test('an η_max drag touches only the formula and the chart’s description in the DOM', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await waitForChart(page);
  // The lab races its runs once at load, over frames: on a loaded machine that can still be
  // under way (and write its table) after the chart is drawn.
  await page.waitForFunction(() => document.querySelector('table.outcomes tbody tr')
    && !document.querySelector('section.lab[aria-busy]'));
  await nextFrames(page);
  const touched = await page.evaluate(async () => {
    const slider = document.querySelector('input[type=range][name=eta_max]');
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const seen = new Set();
    const where = (n) => {
      const e = n.nodeType === 1 ? n : n.parentElement;
      return e.closest('.formula') ? 'formula' : e.closest('.chart-wrap') ? 'chart' : e.outerHTML.slice(0, 80);
    };
    // The formula's numbers are rewritten in place: rebuilding its math costs a layout.
    const mo = new MutationObserver((ms) => ms.forEach((m) => {
      const at = where(m.target);
      seen.add(at === 'formula' && m.type !== 'characterData' ? `formula ${m.type}` : at);
    }));
    mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    for (const v of [300, 320, 340, 360]) {
      slider.value = String(v);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      await frame();
    }
    mo.disconnect();
    return [...seen].sort();
  });
  assert.deepEqual(touched, ['chart', 'formula']);
  // What the rewritten formula says is what a fresh page with that η_max says.
  await page.waitForTimeout(400);
  const patched = await page.innerHTML('.formula');
  const fresh = await openPage(ctx.browser, page.url());
  await fresh.page.locator('.formula p').first().waitFor();
  assert.match(page.url(), /eta_max=/);
  assert.equal(await fresh.page.innerHTML('.formula'), patched);
  assert.deepEqual(fresh.errors, []);
  await fresh.page.close();
  const sheets = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules]).map((r) => r.cssText).filter((t) => t.includes(':has(')));
  assert.deepEqual(sheets, [], 'no :has() rule: Chromium restyles the page on any DOM change under one');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the hover read-out shows the exact step and η', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  const box = await page.locator('canvas.chart').boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await nextFrames(page);
  const step = Number((await page.textContent('.readout-step')).replace('step ', ''));
  const lr = Number(await page.getAttribute('.readout-lr', 'data-exact'));
  const text = await page.textContent('.readout-lr');
  assert.equal(Number(text), Number(lr.toPrecision(6)), `η reads ${text}: six digits of ${lr}`);
  assert.ok(step > 30 && step < 90, `step ${step} under the middle of the plot`);
  // Default schedule: η = ½·0.1·(1 + cos(π·s/100)).
  const want = 0.05 * (1 + Math.cos((Math.PI * step) / 100));
  assert.ok(Math.abs(lr - want) <= 1e-12 * want, `η ${lr} vs ${want}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a 1,000,000-step horizon renders without errors', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.check('input[name=restarts]');
  await page.fill('input[type=number][name=t_max]', '1000');
  await nextFrames(page);
  const before = await chartPixels(page);
  await page.fill('input[type=number][name=horizon]', '1000000');
  await nextFrames(page);
  assert.notEqual(await chartPixels(page), before);
  // The last tick label, "1000000", is centred on the right end: none of it is cut off.
  const inkAtEdge = await page.$eval('canvas.chart', (c) => {
    const g = c.getContext('2d');
    const { data } = g.getImageData(c.width - 3, 0, 3, c.height);
    const bg = data.slice(0, 3).join();
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data.slice(i, i + 3).join() !== bg) ink += 1;
    return ink;
  });
  assert.equal(inkAtEdge, 0, 'nothing is drawn in the chart\'s last three pixel columns');
  assert.deepEqual(errors, []);
  await page.close();
});

test('log axis toggle redraws the chart', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  const before = await chartPixels(page);
  await page.check('input[name=log_y]');
  await nextFrames(page);
  assert.notEqual(await chartPixels(page), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard only: Tab reaches every control and arrow keys change them', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.check('input[name=restarts]');
  await page.selectOption('select[name=unit]', 'epochs');
  // Every visible control (the lab's too; the closed Embed panel's are not reachable until opened).
  const want = await page.$$eval('input:not(:disabled), select:not(:disabled)', (els) => [
    ...new Set(els.filter((e) => e.checkVisibility()).map((e) => e.name)),
  ]);
  const reached = new Set();
  await page.focus('body');
  for (let i = 0; i < 200; i += 1) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.className);
    if (name) reached.add(name);
  }
  for (const name of [...want, 'chart']) assert.ok(reached.has(name), `Tab reaches ${name}`);
  await page.focus('input[type=range][name=t_max]');
  const before = await page.inputValue('input[type=number][name=t_max]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.notEqual(await page.inputValue('input[type=number][name=t_max]'), before);
  // ↑ and ↓ in a number box move one slider step, in proportion to the value: 0.1 is not
  // made 1.1 (the browser's step of 1 for step="any").
  await page.focus('input[type=number][name=eta_max]');
  await page.keyboard.press('ArrowUp');
  const up = Number(await page.inputValue('input[type=number][name=eta_max]'));
  assert.ok(up > 0.1 && up < 0.103, `η_max ↑ from 0.1: ${up}`);
  await linkWritten(page, 'eta_max', String(up));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const down = Number(await page.inputValue('input[type=number][name=eta_max]'));
  assert.ok(down < 0.1 && down > 0.097, `η_max ↓↓: ${down}`);
  // A whole-number slider moves with every arrow key, each press to the next whole number:
  // the warm-up's first positions all round back to 1 step.
  await page.focus('input[type=range][name=warmup]');
  for (const want of ['1', '2', '3']) {
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.inputValue('input[type=number][name=warmup]'), want);
  }
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.inputValue('input[type=number][name=warmup]'), '2');
  await page.focus('canvas.chart');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.textContent('.readout'), /step \d+/);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const scheme of ['light', 'dark']) {
  test(`${scheme} theme screenshot`, async () => {
    const { page, errors } = await openPage(ctx.browser, ctx.server.url, { width: 1280, height: 900 }, scheme);
    await page.selectOption('select[name=preset]', 'sgdr');
    await nextFrames(page);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, scheme === 'dark' ? 'rgb(17, 19, 22)' : 'rgb(248, 249, 251)');
    const shot = join(shots, `explorer-${scheme}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    if (scheme === 'light' && process.env.UPDATE_SCREENSHOT) {
      await copyFile(shot, join(repo, 'docs', 'screenshot.png'));
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('usable at 360 px wide: nothing overflows sideways', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url, { width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.screenshot({ path: join(shots, 'explorer-360.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});


// The first pin's colour (charts::PIN_COLORS[0]).
const PIN_PINK = [204, 121, 167];

test('a pin overlays a second curve with a legend entry; it can be renamed, hidden and removed', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  assert.equal(await pixelsOfColour(page, PIN_PINK), 0);
  await page.click('button[name=pin]');
  await page.fill('input[type=range][name=t_max]', '250');
  await nextFrames(page);
  const pinned = await pixelsOfColour(page, PIN_PINK);
  assert.ok(pinned > 200, `pin curve drawn in its colour (${pinned} px)`);
  const before = await chartPixels(page);
  await page.fill('input[name=pin_name]', 'baseline');
  await nextFrames(page);
  assert.notEqual(await chartPixels(page), before, 'the legend shows the new name');
  await page.uncheck('input[name=pin_visible]');
  await nextFrames(page);
  assert.equal(await pixelsOfColour(page, PIN_PINK), 0, 'hidden pins are not drawn');
  await page.check('input[name=pin_visible]');
  for (let i = 0; i < 3; i += 1) await page.click('button[name=pin]');
  assert.equal(await page.locator('.pin').count(), 4);
  assert.ok(await page.isDisabled('button[name=pin]'), 'at most four pins');
  await page.click('button[name=pin_remove] >> nth=0');
  assert.equal(await page.locator('.pin').count(), 3);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a desktop the comparison table fits its panel, its differences wrapping', async () => {
  // The default cosine: Keras's float32 gap, "8.69e-9 (8.7e-6 % of η_max) at step 72", once
  // held on one line pushed the table past the panel at 1280 × 800.
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?compare=1`);
  await page.waitForSelector('table.frameworks td.num');
  const [table, box] = await page.$eval('table.frameworks', (t) => [t.scrollWidth, t.parentElement.clientWidth]);
  assert.ok(table <= box, `table ${table} px in a ${box} px box`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('framework comparison lists five frameworks with their differences', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.check('input[name=restarts]');
  await page.fill('input[type=number][name=t_max]', '10');
  await page.fill('input[type=number][name=decay]', '0.5');
  await page.check('input[name=compare]');
  await nextFrames(page);
  const rows = await page.$$eval('table.frameworks tbody th', (ths) => ths.map((t) => t.textContent.trim()));
  assert.deepEqual(rows, ['PyTorch', 'timm', 'Hugging Face', 'optax', 'Keras']);
  const text = await page.textContent('table.frameworks');
  assert.match(text, /no peak decay/, 'PyTorch restarts at η_max every time');
  assert.match(text, /m_mul scales only the cosine part/, 'Keras m_mul vs timm cycle_decay');
  assert.ok((await pixelsOfColour(page, [170, 68, 153])) > 0 || (await pixelsOfColour(page, [34, 136, 51])) > 0);
  // Leaving Keras out takes its curve and legend entry off the chart, writes the link and drops
  // its CSV column; its row stays, to bring it back.
  const keras = [153, 153, 51];
  const drawn = await pixelsOfColour(page, keras);
  assert.ok(drawn > 100, `Keras drawn (${drawn} px)`);
  await page.uncheck('input[name=compare_show][value=keras]');
  await nextFrames(page);
  // A stray anti-aliased pixel where two other curves blend may come near its olive.
  const left = await pixelsOfColour(page, keras);
  assert.ok(left < 5, `Keras left out (${left} of ${drawn} px remain)`);
  await linkWritten(page, 'compare_hide', 'keras');
  assert.equal(new URL(page.url()).searchParams.get('compare_hide'), 'keras');
  const { readFile } = await import('node:fs/promises');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download_csv]')]);
  const header = (await readFile(await csv.path(), 'utf8')).split('\n')[0];
  assert.equal(header, 'step,lr,"PyTorch","timm","Hugging Face","optax"');
  await page.check('input[name=compare_show][value=keras]');
  await nextFrames(page);
  assert.ok((await pixelsOfColour(page, keras)) > 100, 'Keras back');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the largest difference is measured over the run and reads "identical" within float noise', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?compare=1`);
  await nextFrames(page);
  const cells = await page.$$eval('table.frameworks tbody tr', (rows) =>
    Object.fromEntries(rows.map((r) => [r.querySelector('th').textContent.trim(), r.querySelector('td.num').textContent.trim()])));
  // Plain cosine over T_max = 100: PyTorch climbs back after step 100, but the run ends there.
  for (const f of ['PyTorch', 'timm', 'Hugging Face', 'optax']) assert.equal(cells[f], 'identical', f);
  assert.match(cells.Keras, /^[\d.e-]+ \([\d.e-]+ % of η_max\) at step \d+$/, 'float32 rounding, with its share');
  assert.doesNotMatch(cells.Keras, /\d\.\d*(?:0{6,}|9{6,})\d/, 'no float noise');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a floor of η_max × 0.1 reads 3e-5 in the compare table, the lab note and the code, not float noise', async () => {
  const llm = '?v=1&eta_max=0.0003&eta_min_rel=1&t_max=498000&warmup=2000&horizon=600000&compare=1';
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}${llm}`, { width: 1280, height: 4000 });
  await page.waitForSelector('.compare .notice:has-text("Updating")', { state: 'detached' });
  await page.waitForSelector('.lab-note');
  await page.click('details.code-panel summary');
  const texts = [await page.textContent('table.frameworks'), await page.textContent('.lab-note')];
  for (const f of ['torch', 'timm', 'optax']) {
    await page.click(`button[name=code_framework][value=${f}]`);
    await nextFrames(page);
    texts.push(await page.inputValue('textarea.code-snippet'));
  }
  const [table, note, torch, timm, optax] = texts;
  assert.match(table, /CosineAnnealingLR\(opt, T_max=498000, eta_min=3e-5\)/);
  assert.match(note, /η_min = 3e-5/);
  assert.match(torch, /floor = 3e-5\n/);
  assert.match(timm, /lr_min=3e-5,/);
  assert.match(optax, /end_value=3e-5\)/);
  for (const t of texts) assert.doesNotMatch(t, /\d\.\d*(?:0{6,}|9{6,})\d/, 'no float noise');
  assert.deepEqual(errors, []);
  await page.close();
});

test('pitfall flags sit on the curve and explain themselves', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  assert.equal(await page.locator('.flag').count(), 0);
  await page.fill('input[type=number][name=warmup]', '10');
  await page.check('input[name=warmup_overlap]');
  await nextFrames(page);
  assert.equal(await page.locator('.flag').count(), 1);
  await page.hover('.flag');
  assert.ok(await page.isVisible('.flag-tip'));
  assert.match(await page.textContent('.flag-tip'), /Jump at the warm-up hand-off/);
  // A schedule of phases is flagged where its phases hand over at different rates.
  await page.goto(`${ctx.server.url}?phases=linear(0,0.05,200)!200!cos&t_max=100`);
  await waitForChart(page);
  assert.equal(await page.locator('.flag').count(), 1);
  await page.hover('.flag');
  assert.match(await page.textContent('.flag-tip'), /Jump at a phase boundary.*phase 1 ends at 0\.05 and phase 2 starts at 0\.1/);
  // The automatic horizon shows a fifth past the run's last cycle: the run is not cut off.
  await page.goto(`${ctx.server.url}?restarts=1&t_mult=2`);
  await waitForChart(page);
  assert.equal(await page.locator('.flag').count(), 0, 'no cycle is cut off by a horizon nobody set');
  // A flag at the chart's right end opens its tip leftwards: nothing leaves the viewport.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${ctx.server.url}?restarts=1&t_max=1000&horizon=1500`);
    await waitForChart(page);
    const flags = page.locator('.flag');
    await flags.last().hover();
    const box = await page.locator('.flag:hover .flag-tip').boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= width, `${width}: ${JSON.stringify(box)}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${width}: no sideways scroll`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('the WSD and step presets are editable schedules in the link, keeping the pins and replacing the last preset\'s cosine', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.click('button[name=pin]');
  await page.selectOption('select[name=preset]', 'wsd');
  await nextFrames(page);
  await page.waitForTimeout(300);
  let params = new URL(page.url()).searchParams;
  assert.match(params.get('phases'), /^wsd\(/);
  assert.ok(params.get('pin1'), 'the pin made before the preset stays');
  assert.match(params.get('pin2'), /^cosine, same peak and floor~/);
  assert.match(await page.textContent('.source'), /Source: /);
  assert.ok((await pixelsOfColour(page, PIN_PINK)) > 200, 'the first pin is drawn');
  await page.selectOption('select[name=preset]', 'step');
  await nextFrames(page);
  await page.waitForTimeout(300);
  params = new URL(page.url()).searchParams;
  assert.match(params.get('phases'), /^step\(/);
  assert.ok(params.get('pin1'), 'the user\'s pin stays');
  assert.match(params.get('pin2'), /^cosine over 90 epochs~/, 'in place of the WSD preset\'s cosine');
  assert.equal(params.get('pin3'), null);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the read-out lists every visible curve at the cursor and keeps off the legend and the pointer', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?compare=1`);
  await nextFrames(page);
  const box = await page.locator('canvas.chart').boundingBox();
  for (const frac of [0.15, 0.5, 0.7, 0.97]) {
    await page.mouse.move(box.x + box.width * frac, box.y + box.height * 0.5);
    await nextFrames(page);
    const rows = await page.$$eval('.readout .readout-row', (rs) => rs.map((r) => r.textContent.trim()));
    assert.equal(rows.length, 6, rows.join(' | '));
    assert.match(rows[0], /^η = /);
    for (const [i, name] of ['PyTorch', 'timm', 'Hugging Face', 'optax', 'Keras'].entries()) {
      assert.ok(rows[i + 1].startsWith(`${name} `), rows[i + 1]);
    }
    // Within the run (T_max = 100) the default cosine is the same in every library (Keras to
    // float32); past it PyTorch climbs back while the others hold η_min.
    const step = Number((await page.textContent('.readout-step')).replace('step ', ''));
    const lr = Number(await page.getAttribute('.readout-lr', 'data-exact'));
    const values = await page.$$eval('.readout-value', (vs) => vs.map((v) => Number(v.dataset.exact)));
    if (step <= 100) for (const v of values) assert.ok(Math.abs(v - lr) <= 1e-6 * 0.1, `${v} vs ${lr} at ${step}`);
    else assert.ok(values[0] > lr, `PyTorch climbs back past T_max: ${values[0]} at ${step}`);
    const r = await page.locator('.readout').boundingBox();
    const line = await page.locator('.cursor-line').boundingBox();
    assert.ok(r.x > line.x + line.width || r.x + r.width < line.x, `read-out covers the pointer at ${frac}`);
    const legend = (await page.getAttribute('.readout-layer', 'data-legend')).split(',').map(Number);
    const [l, t, rt, b] = [legend[0] + box.x, legend[1] + box.y, legend[2] + box.x, legend[3] + box.y];
    const apart = r.x >= rt || r.x + r.width <= l || r.y >= b || r.y + r.height <= t;
    assert.ok(apart, `read-out ${JSON.stringify(r)} over the legend ${[l, t, rt, b]} at ${frac}`);
    assert.ok(r.x >= 0 && r.x + r.width <= 1280, 'inside the page');
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('the formula panel writes the cosine with the cursor\'s cycle, T_cur and T_i, and follows the sliders', async () => {
  // SGDR: cycles of 10, 20 and 40 steps, each peak half the one before.
  const { page, errors } = await openPage(ctx.browser,
    `${ctx.server.url}?restarts=1&t_max=10&t_mult=2&decay=0.5&horizon=70`);
  const box = await page.locator('canvas.chart').boundingBox();
  const where = /cycle i = (\d+) \(from 0\), Tcur = ([\d.e-]+) of Ti = ([\d.e-]+) steps/;
  for (const frac of [0.2, 0.45, 0.8]) {
    await page.mouse.move(box.x + box.width * frac, box.y + box.height * 0.5);
    await nextFrames(page);
    const step = Number((await page.textContent('.readout-step')).replace('step ', ''));
    const [start, length, cycle] = step < 10 ? [0, 10, 0] : step < 30 ? [10, 20, 1] : [30, 40, 2];
    const m = (await page.textContent('.formula p:last-child')).match(where);
    assert.ok(m, await page.textContent('.formula'));
    assert.deepEqual([Number(m[1]), Number(m[2]), Number(m[3])], [cycle, step - start, length], `at step ${step}`);
    // Each "name = value" kept on one line by no-break spaces.
    assert.match(await page.textContent('.readout'), new RegExp(`cycle\u00a0i\u00a0=\u00a0${cycle} · T_cur\u00a0=\u00a0${step - start} of T_i\u00a0=\u00a0${length}`));
    // The numbers line gives the read-out's η, from this cycle's decayed peak.
    const numbers = await page.textContent('.formula p:nth-child(2)');
    assert.ok(numbers.endsWith(` = ${await page.textContent('.readout-lr')}`), numbers);
    assert.ok(numbers.includes(`½(${0.1 * 0.5 ** cycle} − 0)`), numbers);
    // The chart shades T_i: the band spans the cycle.
    const band = await page.locator('.cycle-band').boundingBox();
    assert.ok(band.width > 0 && band.x <= box.x + box.width * frac && band.x + band.width >= box.x + box.width * frac);
  }
  // Dragging η_max highlights its term and changes the numbers.
  const before = await page.textContent('.formula p:nth-child(2)');
  await page.focus('input[type=range][name=eta_max]');
  await page.keyboard.press('ArrowLeft');
  await nextFrames(page);
  assert.notEqual(await page.textContent('.formula p:nth-child(2)'), before);
  const hot = await page.$eval('.formula [data-term=peak]', (e) => getComputedStyle(e).outlineStyle);
  assert.equal(hot, 'solid', 'η_max⁽ⁱ⁾ is highlighted while its slider has focus');
  assert.equal(await page.$eval('.formula [data-term=ti]', (e) => getComputedStyle(e).outlineStyle), 'none');
  // k = 1 writes no exponent: focusing k-decay shows the implicit 1, not an empty box.
  await page.focus('input[type=range][name=k_decay]');
  const k = await page.$$eval('.formula [data-term=k]', (es) => es.map((e) => getComputedStyle(e, '::after').content));
  assert.ok(k.length > 0 && k.every((c) => c === '"1"'), JSON.stringify(k));
  await page.close();
  // hide=formula takes it off the page.
  const hidden = await openPage(ctx.browser, `${ctx.server.url}?hide=formula`);
  assert.equal(await hidden.page.locator('.formula').count(), 0);
  assert.deepEqual([...errors, ...hidden.errors], []);
  await hidden.page.close();
});

test('every control explains itself in one line on focus and on hover, and is described by it', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?restarts=1`);
  await page.waitForSelector('.lab .outcomes', { state: 'attached' });
  // Every input and select of the explorer and the lab is described: a key's control by a
  // hint of its own, the phase editor's and the playback's by their title.
  const controls = await page.$$eval('.controls input, .controls select, .lab input, .lab select', (els) => els
    .map((e) => {
      const hint = document.getElementById(e.getAttribute('aria-describedby') ?? '');
      return { name: e.name || e.getAttribute('aria-label'), hint: hint?.textContent ?? e.title };
    }));
  assert.ok(controls.length >= 45, `${controls.length} controls`);
  for (const c of controls) assert.ok(c.hint.length > 12, `${c.name}: "${c.hint}"`);
  assert.equal(new Set(controls.map((c) => c.hint)).size, new Set(controls.map((c) => c.name)).size,
    'one hint per control');
  // Hidden until asked for; where the control below sits with no hint shown.
  const hint = page.locator('#decay-hint');
  assert.equal(await hint.isVisible(), false);
  const below = await page.locator('input[type=range][name=cycle_limit]').boundingBox();
  // Keyboard focus shows it at once, and it moves nothing: it lies over what is below.
  await page.focus('input[type=range][name=t_mult]');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'decay');
  assert.match(await hint.textContent(), /cycle i \(from 0\) peaks at γⁱ × η_max/);
  assert.equal(await hint.isVisible(), true);
  assert.deepEqual(await page.locator('input[type=range][name=cycle_limit]').boundingBox(), below);
  // A mouse click on a checkbox does not leave its hint over the control it enables.
  await page.locator('.toggle:has([name=log_y]) label').click();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(700);
  assert.equal(await page.locator('#log_y-hint').isVisible(), false);
  // Hovering a checkbox shows its own, after a short pause.
  await page.locator('.toggle:has([name=warmup_every]) label').hover();
  await page.waitForFunction(() => getComputedStyle(document.getElementById('warmup_every-hint')).opacity === '1');
  assert.equal(await page.locator('#warmup_every-hint').isVisible(), true);
  assert.match(await page.textContent('#warmup_every-hint'), /every cycle/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the hint of a fieldset\'s last control shows whole, over what lies below the fieldset', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url, { width: 1280, height: 900 });
  const last = await page.evaluate(() => {
    const hinted = document.querySelector('[name=decay]').closest('fieldset').querySelectorAll('.hinted');
    return hinted[hinted.length - 1].querySelector('input[type=range], input, select').name;
  });
  // By keyboard, so the hint shows at once.
  await page.focus(`[name=${last}]`);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const seen = await page.evaluate((name) => {
    const hint = document.getElementById(`${name}-hint`);
    const edge = hint.closest('fieldset').getBoundingClientRect().bottom;
    const box = hint.getBoundingClientRect();
    // The hint takes no pointer; for this hit test only, it does: what is drawn there answers.
    hint.style.pointerEvents = 'auto';
    const at = document.elementFromPoint(box.left + box.width / 2, (edge + box.bottom) / 2);
    hint.style.pointerEvents = '';
    return { below: box.bottom - edge, hit: hint.contains(at) };
  }, last);
  assert.ok(seen.below > 10, `the hint reaches ${seen.below} px below its fieldset`);
  assert.ok(seen.hit, `the hint of ${last} is cut off at its fieldset's edge`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the first Tab stop skips the controls to the chart, and no two controls share a label', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the chart');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'chart');
  // Arrow keys now move the read-out, as on the chart itself.
  await page.keyboard.press('ArrowRight');
  await nextFrames(page);
  assert.match(await page.textContent('.readout-step'), /^step \d+$/);
  const labels = await page.$$eval('.controls label', (ls) => ls.map((l) => l.textContent.trim()).filter(Boolean));
  const repeated = labels.filter((l, i) => labels.indexOf(l) !== i);
  assert.deepEqual(repeated, [], 'duplicate control labels');
  assert.ok(labels.includes('η_min ÷ η_max') && labels.includes('give η_min as a fraction of η_max'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('at 640 px (1280 at 200 % zoom) no library call in the comparison splits inside a name', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?t_max=87&restarts=1&warmup=20&decay=0.8&compare=1`, { width: 640, height: 900 });
  await page.waitForSelector('table.frameworks code');
  const split = await page.$$eval('table.frameworks code', (codes) => codes.flatMap((code) => {
    const nodes = [];
    const walk = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) nodes.push(walk.currentNode);
    return nodes.flatMap((node) => [...node.data.matchAll(/[A-Za-z_][A-Za-z_0-9]{7,}/g)].filter((m) => {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
    }).map((m) => m[0]));
  }));
  assert.deepEqual(split, []);
  assert.deepEqual(errors, []);
  await page.close();
});
