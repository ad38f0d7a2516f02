// End-to-end: the landscape lab on the release build — heatmap, paths, playback, dragging,
// reduced motion, the 100-seed experiment and the basin map.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { nextFrames, openPage, suite } from './browser.mjs';

const ctx = suite();

const paths = (page) => page.$eval('canvas.surface-paths', (c) => c.toDataURL());
const scrubber = async (page) => Number(await page.inputValue('input[name=lab_t]'));
const query = (page) => new URL(page.url()).searchParams;
/** Turns the page's performance marks on, from none. */
const startMarks = (page) => page.evaluate(() => {
  window.__annealTiming = true;
  performance.clearMarks();
});
/** The names of the marks made since `startMarks`. */
const marks = (page) => page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));

/** Opens the lab and waits until the paths are drawn over the heatmap. */
async function openLab(url, options = {}) {
  const { page, errors } = await openPage(ctx.browser, url, options.viewport, options.colorScheme);
  await page.waitForFunction(() => {
    const c = document.querySelector('canvas.surface-paths');
    if (!c || c.width === 0) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true;
    return false;
  });
  return { page, errors };
}

test('the heatmap draws in many bands and the three paths draw over it', async () => {
  const { page, errors } = await openLab(ctx.server.url);
  const colours = await page.$eval('canvas.surface-base', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 16) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  });
  assert.ok(colours >= 12, `${colours} colours`);
  const rows = await page.locator('table.outcomes tbody tr').allTextContents();
  assert.equal(rows.length, 3);
  assert.match(rows[0], /constant.*local minimum at \(-1\.97, 1\.49\)/);
  assert.match(rows[2], /warm restarts.*global minimum at \(1\.8, 0\.6\).*snapshots in [23] minima/);
  assert.doesNotMatch(await page.textContent('body'), /NaN|Infinity/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a schedule of phases is raced as it is, in place of the warm restarts, and the lab says so', async () => {
  const phases = 'linear(0,0.1,100)!100!constant(0.1)!600!linear(0.1,0.001,300)';
  const { page, errors } = await openLab(`${ctx.server.url}?phases=${phases}&horizon=1500`);
  const base = await openLab(ctx.server.url);
  const rows = await page.locator('table.outcomes tbody tr').allTextContents();
  assert.equal(rows.length, 3);
  assert.match(rows[2], /^your schedule/);
  assert.match(await page.textContent('.lab-note'), /schedule \(Linear → Constant → Linear\) is raced as it is: the third run follows it step for step in place of the cosine with warm restarts, and the cosine run falls from its peak \(0\.1\) to 0/);
  assert.notEqual(await paths(page), await paths(base.page), 'the third path follows the phases');
  assert.doesNotMatch(await page.textContent('body'), /NaN|Infinity/);
  assert.deepEqual([...errors, ...base.errors], []);
  await base.page.close();
  await page.close();
});

test('a schedule whose first restart comes after the lab\'s steps is raced scaled onto them, as the lab says', async () => {
  // The SGDR preset: T_0 = 10 epochs of 391 steps, far past the lab's 1,500.
  const sgdr = '?v=1&eta_max=0.05&t_max=10&restarts=1&horizon=200&unit=epochs&steps_per_epoch=391';
  const { page, errors } = await openLab(`${ctx.server.url}${sgdr}&lab_t=0.55`);
  assert.match(await page.textContent('.lab-note'), /scaled onto them: T_0 = 75 steps here/);
  const rows = await page.locator('table.outcomes tbody tr').allTextContents();
  assert.match(rows[2], /^cosine \+ warm restarts/, 'the sliders\' schedule, not raced as phases');
  // With T_0 = 75 and T_mult = 2 the fourth cycle runs from step 525 to 1125: at its middle,
  // step 825 (lab_t = 0.55), the rate is half the peak. Unscaled it would still be near 0.05.
  const rate = await page.textContent('.playback-readout');
  assert.match(rate, /^step 825 of 1500 · .*cosine \+ warm restarts 0\.025$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('changing the optimizer changes the paths and writes the link', async () => {
  const { page, errors } = await openLab(ctx.server.url);
  const before = await paths(page);
  await page.selectOption('select[name=opt]', 'adam');
  await nextFrames(page);
  assert.ok((await paths(page)) !== before, 'the paths changed');
  await page.waitForTimeout(300);
  assert.equal(query(page).get('opt'), 'adam');
  assert.equal(await page.isDisabled('input[type=number][name=beta1]'), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a lab input redraws the lab, not the schedule chart above it', async () => {
  const { page, errors } = await openLab(ctx.server.url);
  const before = await paths(page);
  await startMarks(page);
  await page.fill('input[type=number][name=lab_lr]', '0.2');
  await page.press('input[type=number][name=lab_lr]', 'Enter');
  await nextFrames(page);
  assert.ok((await paths(page)) !== before, 'the paths changed');
  const made = await marks(page);
  assert.ok(made.some((m) => m.startsWith('anneal-lab-draw')), `lab drawn: ${made}`);
  assert.ok(!made.includes('anneal-draw-start'), `schedule chart redrawn: ${made}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an explorer input while the lab is below the fold waits for it: nothing of the lab reruns until it is scrolled to', async () => {
  const { page, errors } = await openLab(ctx.server.url);
  await page.evaluate(() => window.scrollTo(0, 0));
  await nextFrames(page);
  const before = await paths(page);
  const note = await page.textContent('.lab-note');
  await startMarks(page);
  await page.fill('input[type=number][name=eta_max]', '0.9');
  await page.press('input[type=number][name=eta_max]', 'Enter');
  await nextFrames(page);
  let made = await marks(page);
  assert.ok(made.includes('anneal-draw-start'), `the schedule chart is redrawn: ${made}`);
  assert.ok(!made.some((m) => m.startsWith('anneal-lab-draw')), `the lab below is not: ${made}`);
  assert.equal(await page.textContent('.lab-note'), note);
  // Scrolled to, the lab runs the new schedule.
  await page.evaluate(() => document.querySelector('.lab').scrollIntoView());
  await page.waitForFunction(() => /η_max = 0\.9,/.test(document.querySelector('.lab-note').textContent));
  await nextFrames(page);
  assert.ok((await paths(page)) !== before, 'the paths follow the new peak');
  made = await marks(page);
  assert.ok(made.some((m) => m.startsWith('anneal-lab-draw')), `lab drawn: ${made}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('playback advances the dot; reset and step move it by hand', async () => {
  const { page, errors } = await openLab(ctx.server.url);
  await page.click('button[name=reset]');
  await nextFrames(page);
  assert.equal(await scrubber(page), 0);
  const atStart = await paths(page);
  await page.click('button[name=step]');
  await nextFrames(page);
  assert.equal(await scrubber(page), 1);
  await page.click('button[name=play]');
  await page.waitForTimeout(600);
  const playing = await scrubber(page);
  assert.ok(playing > 10, `advanced to step ${playing}`);
  await page.click('button[name=play]');
  const paused = await scrubber(page);
  await page.waitForTimeout(200);
  assert.equal(await scrubber(page), paused, 'pause stops the clock');
  assert.ok((await paths(page)) !== atStart, 'the paths changed');
  assert.deepEqual(errors, []);
  await page.close();
});

test('dragging the start point re-runs the paths and writes x0, y0', async () => {
  const { page, errors } = await openLab(ctx.server.url);
  const before = await paths(page);
  const table = await page.textContent('table.outcomes');
  await page.locator('canvas.surface-paths').scrollIntoViewIfNeeded();
  const box = await page.locator('canvas.surface-paths').boundingBox();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.25, { steps: 5 });
  await page.mouse.up();
  await nextFrames(page);
  assert.ok((await paths(page)) !== before, 'the paths changed');
  assert.notEqual(await page.textContent('table.outcomes'), table);
  await page.waitForFunction(() => /[?&]x0=.*&y0=|[?&]y0=.*&x0=/.test(location.search));
  assert.ok(query(page).has('x0') && query(page).has('y0'), page.url());
  assert.notEqual(await page.inputValue('input[type=number][name=x0]'), '-1.95');
  assert.deepEqual(errors, []);
  await page.close();
});

test('with reduced motion, play jumps to the end state without animating', async () => {
  const page = await ctx.browser.newPage({ reducedMotion: 'reduce' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${ctx.server.url}?lab_t=0`);
  await page.waitForSelector('input[name=lab_t]');
  assert.equal(await scrubber(page), 0);
  await page.click('button[name=play]');
  await nextFrames(page);
  assert.equal(await scrubber(page), 1500);
  assert.equal(await page.textContent('button[name=play]'), 'Play', 'no animation loop running');
  const rafs = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let n = 0;
        const orig = window.requestAnimationFrame;
        window.requestAnimationFrame = (f) => {
          n += 1;
          return orig(f);
        };
        setTimeout(() => resolve(n), 300);
      }),
  );
  assert.equal(rafs, 0, 'nothing keeps asking for frames');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a surface change is one history entry: Back restores the surface and its picture', async () => {
  const { page, errors } = await openLab(ctx.server.url);
  const picture = () => page.evaluate(() => document.querySelector('canvas.surface-base').toDataURL());
  const valley = await picture();
  await page.selectOption('select[name=surface]', 'himmelblau');
  await nextFrames(page);
  assert.equal(query(page).get('surface'), 'himmelblau');
  assert.equal(await page.inputValue('input[type=number][name=x0]'), '0');
  assert.notEqual(await picture(), valley);
  await page.goBack();
  await nextFrames(page);
  assert.equal(await page.inputValue('select[name=surface]'), 'valley');
  assert.equal(await page.inputValue('input[type=number][name=x0]'), '-1.95');
  // The same picture as when the page opened (now drawn from the bands kept for it).
  assert.equal(await picture(), valley);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the 100-seed experiment in the page gives the native test figures', async () => {
  const { page, errors } = await openLab(ctx.server.url);
  await page.check('input[name=escape]');
  await page.waitForFunction(() => /100 of 100 seeds/.test(document.querySelector('.escape').textContent), null, {
    timeout: 60_000,
  });
  const rows = await page.locator('.escape-table tbody tr').allTextContents();
  // Same seeds, same bits as `cargo test --test landscape` (constant stays 100 %, SGDR 98 %):
  // global, stayed, another local minimum, diverged, then snapshots (— without restarts).
  assert.match(rows[0], /^constant0 %100 %0 %0 %—$/);
  assert.match(rows[1], /^cosine97 %0 %3 %0 %—$/);
  assert.match(rows[2], /^cosine \+ warm restarts98 %0 %2 %0 %99 %$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on late traps the page shows restarts escaping where one cosine stays, as the native test does', async () => {
  const { page, errors } = await openLab(ctx.server.url);
  await page.selectOption('select[name=surface]', 'late_traps');
  assert.equal(await page.inputValue('input[type=number][name=y0]'), '-3');
  // The start's basin is the first trap: its limit is drawn and named.
  assert.match(await page.textContent('.lab-legend'), /η = 0\.022\d: above it the iterate cannot rest in the start's basin \(λ = 8\d\.?\d*\)/);
  await page.check('input[name=escape]');
  await page.waitForFunction(() => /100 of 100 seeds/.test(document.querySelector('.escape').textContent), null, {
    timeout: 60_000,
  });
  const rows = await page.locator('.escape-table tbody tr').allTextContents();
  // `cargo test --test lab_story`: one cosine 47 % global, 46 % stays; restarts 79 %, 17 %.
  assert.match(rows[1], /^cosine47 %46 %7 %0 %—$/);
  assert.match(rows[2], /^cosine \+ warm restarts79 %17 %4 %0 %89 %$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the basin map fills in with progress and draws three maps', async () => {
  const { page, errors } = await openLab(`${ctx.server.url}?lab_steps=100`);
  await page.check('input[name=basin_map]');
  await page.waitForFunction(() => /1600 of 1600 starts/.test(document.querySelector('.basin-map').textContent), null, {
    timeout: 60_000,
  });
  const inked = await page.$$eval('canvas.basin-canvas', (cs) =>
    cs.map((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < d.length; i += 16) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      return seen.size;
    }),
  );
  assert.equal(inked.length, 3);
  assert.ok(inked.every((n) => n >= 3), `colours per map: ${inked}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('long runs are raced over frames with their progress shown, and end as a page loaded with them starts', async () => {
  const { page, errors } = await openLab(`${ctx.server.url}?lab_steps=2000`);
  await page.locator('section.lab').scrollIntoViewIfNeeded();
  const table = () => page.locator('table.outcomes tbody').innerText();
  const before = await table();
  // The input's own task runs a first slice only: the lab says it is busy and how far it is.
  const seen = await page.evaluate(() => {
    const el = document.querySelector('input[name=lab_steps]');
    el.value = '20000';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return new Promise((r) => setTimeout(() => r({
      busy: document.querySelector('section.lab').getAttribute('aria-busy'),
      status: document.querySelector('.racing')?.textContent,
    }), 0));
  });
  assert.equal(seen.busy, 'true');
  assert.match(seen.status, /^Running 3 × 20000 steps… \d+ %$/);
  await page.waitForFunction(() => !document.querySelector('section.lab[aria-busy]'));
  assert.equal(await page.locator('.racing').count(), 0, 'the progress goes when the race is done');
  const raced = await table();
  assert.notEqual(raced, before);
  const direct = await openLab(`${ctx.server.url}?lab_steps=20000`);
  await direct.page.waitForFunction(() => !document.querySelector('section.lab[aria-busy]'));
  assert.equal(await direct.page.locator('table.outcomes tbody').innerText(), raced);
  assert.deepEqual([...errors, ...direct.errors], []);
  await direct.page.close();
  await page.close();
});

test('a start point moved every frame over long runs shows runs on the way, and ends with the last one', async () => {
  const { page, errors } = await openLab(`${ctx.server.url}?lab_steps=20000`);
  await page.locator('section.lab').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('section.lab[aria-busy]'));
  // One x0 input per frame, as a drag sends them: each would restart the 20,000-step race. The
  // drag goes on until the table has changed twice (at most 15 s), x0 back and forth in -2 … 2.
  const { updates, last } = await page.evaluate(async () => {
    const el = document.querySelector('input[type=number][name=x0]');
    const table = () => document.querySelector('table.outcomes tbody').innerText;
    let shown = table();
    let updates = 0;
    let x = '';
    for (let i = 0, t0 = performance.now(); updates < 2 && performance.now() - t0 < 15_000; i += 1) {
      x = (2 - Math.abs((i * 0.02) % 4 - 2) - 1.9).toFixed(2);
      el.value = x;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      if (table() !== shown) {
        shown = table();
        updates += 1;
      }
    }
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return { updates, last: x };
  });
  assert.equal(updates, 2, 'the table changed during the drag');
  await page.waitForFunction(() => !document.querySelector('section.lab[aria-busy]'));
  const direct = await openLab(`${ctx.server.url}?lab_steps=20000&x0=${last}`);
  await direct.page.waitForFunction(() => !document.querySelector('section.lab[aria-busy]'));
  assert.equal(await page.locator('table.outcomes tbody').innerText(),
    await direct.page.locator('table.outcomes tbody').innerText(), `the runs end at x0 = ${last}`);
  assert.equal(await paths(page), await paths(direct.page), `the paths end as x0 = ${last} draws them`);
  assert.deepEqual([...errors, ...direct.errors], []);
  await direct.page.close();
  await page.close();
});

test('at projector widths (900–1000 px) every lab control lies inside the lab', async () => {
  for (const width of [900, 960]) {
    const { page, errors } = await openPage(ctx.browser, ctx.server.url, { width, height: 900 });
    // The lab is built a couple of frames after the first chart.
    await page.waitForSelector('.lab-side');
    const outside = await page.evaluate(() => {
      const lab = document.querySelector('.lab').getBoundingClientRect();
      return [...document.querySelectorAll('.lab-side *')]
        .filter((el) => el.getBoundingClientRect().right > lab.right + 0.5)
        .map((el) => `${el.tagName}.${el.className}`);
    });
    assert.deepEqual(outside, [], `at ${width} px`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a run switched off is neither drawn nor read out, and Adam\'s text speaks of no limit', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?run_const=0&opt=adam&noise=0.5`, { width: 1280, height: 4000 });
  await page.waitForSelector('.playback-readout');
  await nextFrames(page);
  const readout = await page.textContent('.playback-readout');
  assert.doesNotMatch(readout, /constant/);
  assert.match(readout, /cosine/);
  const text = await page.textContent('.lab');
  assert.match(text, /no 2\/λ rule holds/);
  assert.doesNotMatch(text, /below the limit too/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Step moves one step on a 20,000-step run, the end reads the last rate, and playback writes a short lab_t', async () => {
  const { page, errors } = await openLab(`${ctx.server.url}?lab_steps=20000`);
  await page.click('button[name=reset]');
  const readout = () => page.textContent('.playback-readout');
  for (const k of [1, 2, 3]) {
    await page.click('button[name=step]');
    await page.waitForFunction((k) => document.querySelector('.playback-readout').textContent.startsWith(`step ${k} of 20000`), k);
  }
  await page.waitForFunction(() => /lab_t=0\.00015(&|$)/.test(location.search), null, { timeout: 5000 });
  // At the end the cosine has reached η_min = 0, not the rate of the step before.
  await page.goto(`${ctx.server.url}?lab_t=1`);
  await page.waitForSelector('.playback-readout');
  assert.match(await readout(), /^step 1500 of 1500 · η: constant 0\.03, cosine 0,/);
  await page.click('button[name=reset]');
  await page.click('button[name=play]');
  await page.waitForTimeout(700);
  await page.click('button[name=play]');
  // The link is written once the playback pauses, naming the step shown.
  await page.waitForFunction(() => {
    const t = Number(new URLSearchParams(location.search).get('lab_t'));
    const step = Number(document.querySelector('.playback-readout').textContent.match(/^step (\d+)/)[1]);
    return step > 0 && step < 1500 && Math.round(t * 1500) === step;
  });
  const t = query(page).get('lab_t');
  assert.ok(t.length <= 6, `lab_t=${t}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the lab names every setting of the explorer's schedule its runs follow", async () => {
  const { page, errors } = await openLab(`${ctx.server.url}?warmup=8&restarts=1&t_max=100&decay=0.5&cycle_limit=3`);
  const note = await page.textContent('.lab-note');
  assert.match(note, /\(η_max = 0\.1, η_min = 0, T_0 = 100 steps, T_mult = 2, γ = 0\.5, at most 3 cycles, an 8-step warm-up from 0\)/);
  assert.deepEqual(errors, []);
  await page.close();
});
