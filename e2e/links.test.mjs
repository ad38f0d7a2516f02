// End-to-end: share links open the exact state, follow the controls, and survive hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { nextFrames, openPage, suite, linkWritten } from './browser.mjs';


const ctx = suite();

const query = (page) => new URL(page.url()).searchParams;

test('a link opens the exact state it describes', async () => {
  const link = `${ctx.server.url}?v=1&eta_max=0.05&t_max=10&restarts=1&t_mult=3&unit=epochs&steps_per_epoch=391&log_y=1`;
  const { page, errors } = await openPage(ctx.browser, link);
  assert.equal(await page.inputValue('input[type=number][name=eta_max]'), '0.05');
  assert.equal(await page.inputValue('input[type=number][name=t_max]'), '10');
  assert.equal(await page.inputValue('input[type=number][name=t_mult]'), '3');
  assert.ok(await page.isChecked('input[name=restarts]'));
  assert.ok(await page.isChecked('input[name=log_y]'));
  assert.equal(await page.inputValue('select[name=unit]'), 'epochs');
  assert.equal(await page.locator('.link-notices').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('moving a control writes the link; Back after a preset restores the previous state', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.fill('input[type=number][name=t_max]', '50');
  await page.waitForTimeout(400);
  assert.equal(query(page).get('t_max'), '50');
  assert.equal(query(page).get('v'), '2');
  await page.selectOption('select[name=preset]', 'sgdr');
  await nextFrames(page);
  assert.equal(query(page).get('t_max'), '10');
  assert.equal(query(page).get('restarts'), '1');
  await page.goBack();
  await nextFrames(page);
  assert.equal(await page.inputValue('input[type=number][name=t_max]'), '50');
  assert.ok(!(await page.isChecked('input[name=restarts]')));
  assert.deepEqual(errors, []);
  await page.close();
});

test('every menu shows the value Back and Forward bring back, once it has been chosen by hand', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.selectOption('select[name=surface]', 'himmelblau');
  await linkWritten(page, 'surface', 'himmelblau');
  await page.selectOption('select[name=surface]', 'rastrigin');
  await linkWritten(page, 'surface', 'rastrigin');
  await page.goBack();
  await linkWritten(page, 'surface', 'himmelblau');
  await nextFrames(page);
  assert.equal(await page.inputValue('select[name=surface]'), 'himmelblau');
  await page.selectOption('select[name=unit]', 'epochs');
  await linkWritten(page, 'unit', 'epochs');
  await page.selectOption('select[name=preset]', 'llm');
  await nextFrames(page);
  await page.selectOption('select[name=unit]', 'steps');
  await page.selectOption('select[name=preset]', 'sgdr');
  await linkWritten(page, 'unit', 'epochs');
  await nextFrames(page);
  assert.equal(await page.inputValue('select[name=unit]'), 'epochs', 'the preset\'s unit, as the link says');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the preset picker names the preset the state is: after Back and Forward, from a link, not after an edit', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  const picker = () => page.inputValue('select[name=preset]');
  const source = () => page.locator('.preset .source').count();
  await page.selectOption('select[name=preset]', 'one_cycle');
  await nextFrames(page);
  assert.equal(await picker(), 'one_cycle');
  assert.equal(await source(), 1);
  await page.goBack();
  await nextFrames(page);
  assert.equal(await picker(), '', 'the prompt, as on the page Back returns to');
  assert.equal(await source(), 0, 'no source for a preset the page no longer shows');
  await page.goForward();
  await nextFrames(page);
  assert.equal(await picker(), 'one_cycle');
  const sgdr = '?v=1&eta_max=0.05&t_max=10&restarts=1&horizon=200&unit=epochs&steps_per_epoch=391';
  await page.goto(`${ctx.server.url}${sgdr}`);
  await page.locator('select[name=preset] option[value=sgdr]').waitFor({ state: 'attached' });
  await nextFrames(page);
  assert.equal(await picker(), 'sgdr', 'a link to a preset\'s state names it');
  await page.fill('input[type=number][name=t_mult]', '3');
  await nextFrames(page);
  assert.equal(await picker(), '', 'T_mult edited: no longer the preset');
  // The plain cosine is the page's start: choosing it shows the prompt, as a fresh page does.
  await page.selectOption('select[name=preset]', 'default');
  await nextFrames(page);
  assert.equal(query(page).get('t_max'), null, 'the defaults');
  assert.equal(await picker(), '');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Back while a number box still holds what was typed shows the value Back restores', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?t_max=50`);
  await page.selectOption('select[name=preset]', 'sgdr');
  await page.fill('input[type=number][name=t_max]', '70');
  await page.waitForTimeout(400);
  assert.equal(query(page).get('t_max'), '70');
  // The box keeps the focus: no change event commits it before Back.
  await page.goBack();
  await nextFrames(page);
  assert.equal(query(page).get('t_max'), '50');
  assert.equal(await page.inputValue('input[type=number][name=t_max]'), '50');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Back from a clamped value takes the clamp\'s notice with it', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?eta_max=0.5`);
  await page.selectOption('select[name=preset]', 'sgdr');
  await page.fill('input[type=number][name=eta_max]', '99');
  await page.press('input[type=number][name=eta_max]', 'Enter');
  await nextFrames(page);
  assert.match(await page.textContent('.notice'), /η_max \(peak learning rate\) must be between 1e-6 and 10; set to 10/);
  await page.goBack();
  await nextFrames(page);
  assert.equal(await page.inputValue('input[type=number][name=eta_max]'), '0.5');
  assert.equal(await page.locator('.notice').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('no control asks the browser to keep its value with each history entry', async () => {
  // A control with autocomplete on has its value saved into the history entry at every
  // replaceState and pushState: with the page's 139 controls, 1.5 ms a write instead of 0.4.
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?compare=1`);
  await page.click('button.add-phase');
  await page.click('button[name=pin]');
  await page.waitForSelector('input[name=pin_name]');
  await page.waitForSelector('li.phase[data-phase="1"] input[name=phase-start]');
  await page.waitForSelector('.phase-param input');
  // Each control's own attribute, else its form's: the page is one form with autocomplete off.
  const controls = await page.$$eval('input, select, textarea', (all) => all.map((c) => [c.name || c.className, c.getAttribute('autocomplete') ?? c.form?.getAttribute('autocomplete')]));
  assert.ok(controls.length > 100, `the page's controls are all there: ${controls.length}`);
  assert.deepEqual(controls.filter(([, a]) => a !== 'off'), []);
  // A button left a submit button would be clicked by Enter in any field of that form.
  assert.deepEqual(await page.$$eval('button:not([type=button])', (all) => all.map((b) => b.outerHTML)), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a preset chosen while a drag\'s last value waits to be written still leaves that value behind it', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.locator('select[name=preset] option[value=sgdr]').waitFor({ state: 'attached' });
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const t = document.querySelector('input[type=number][name=t_max]');
    const set = (v) => {
      t.value = v;
      t.dispatchEvent(new Event('input', { bubbles: true }));
    };
    // A burst: the first value is written after its paint, the next when the burst pauses.
    set('60');
    await frame();
    await new Promise((r) => setTimeout(r, 0));
    set('70');
    await frame();
    const preset = document.querySelector('select[name=preset]');
    preset.value = 'sgdr';
    preset.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await nextFrames(page);
  assert.equal(query(page).get('t_max'), '10');
  await page.goBack();
  await nextFrames(page);
  assert.equal(await page.inputValue('input[type=number][name=t_max]'), '70');
  assert.equal(query(page).get('t_max'), '70');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a key this version does not know is named in the notice and kept in the link', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?t_max=50&warm_ratio=0.03`);
  const notice = await page.textContent('.link-notices');
  assert.match(notice, /warm_ratio: kept in the link, not used by this version of Anneal/);
  assert.equal(await page.inputValue('input[type=number][name=t_max]'), '50');
  await page.fill('input[type=number][name=t_max]', '60');
  await page.waitForTimeout(400);
  assert.equal(query(page).get('warm_ratio'), '0.03', 'still in the link');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a hostile link opens with defaults, a notice naming each key, and markup shown as text', async () => {
  const hostile = encodeURIComponent('<img src=x onerror=alert(1)>');
  const link = `${ctx.server.url}?eta_max=${hostile}&t_max=-5&unit=parsecs&warmup=1e999&t_max=7&%ZZ=1&future_key=kept`;
  const { page, errors } = await openPage(ctx.browser, link);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    d.dismiss();
  });
  const notice = await page.textContent('.link-notices');
  for (const key of ['eta_max', 't_max', 'unit', 'warmup']) assert.match(notice, new RegExp(key));
  assert.match(notice, /"<img src=x onerror=alert…"/, "shown literally (and shortened)");
  assert.equal(await page.locator('.link-notices img').count(), 0, 'never inserted as markup');
  assert.equal(await page.inputValue('input[type=number][name=eta_max]'), '0.1');
  assert.equal(await page.inputValue('input[type=number][name=t_max]'), '100');
  assert.doesNotMatch(await page.textContent('body'), /NaN|Infinity/);
  await page.click('button[name=dismiss]');
  assert.equal(await page.locator('.link-notices').count(), 0);
  await page.fill('input[type=number][name=t_max]', '20');
  await page.waitForTimeout(400);
  assert.equal(query(page).get('future_key'), 'kept', 'unknown keys survive');
  assert.equal(dialogs, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Copy link puts the exact link on the clipboard, or selects it when that is not allowed', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.fill('input[type=number][name=t_max]', '42');
  await page.waitForTimeout(400);
  // The skip link puts #chart in the address: the link shared is the state's, without it.
  await page.focus('a.skip-link');
  await page.keyboard.press('Enter');
  assert.match(page.url(), /#chart$/);
  await page.click('button[name=copy_link]');
  await page.waitForSelector('.copied:has-text("Link copied")');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url().replace(/#chart$/, ''));
  assert.equal(new URL(copied).searchParams.get('t_max'), '42');
  assert.equal(await page.inputValue('input[name=link]'), copied);
  // The field never shows a stale link, and shows the current one when clicked into.
  await page.fill('input[type=number][name=t_max]', '43');
  await page.waitForTimeout(100);
  assert.equal(await page.inputValue('input[name=link]'), '');
  await page.click('input[name=link]');
  assert.equal(new URL(await page.inputValue('input[name=link]')).searchParams.get('t_max'), '43');
  await page.context().clearPermissions();
  await page.close();

  const denied = await openPage(ctx.browser, ctx.server.url);
  await denied.page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
  });
  await denied.page.click('button[name=copy_link]');
  await denied.page.waitForSelector('.copied:has-text("press Ctrl+C")');
  const selected = await denied.page.evaluate(() => window.getSelection().toString() || document.activeElement.value.slice(document.activeElement.selectionStart, document.activeElement.selectionEnd));
  assert.equal(selected, denied.page.url());
  assert.deepEqual([...errors, ...denied.errors], []);
  await denied.page.close();
});

test('downloads: the CSV lists every step with each visible curve, the JSON holds the state', async () => {
  const { readFile } = await import('node:fs/promises');
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.click('button[name=pin]');
  await page.fill('input[name=pin_name]', 'baseline');
  await page.fill('input[type=number][name=t_max]', '50');
  await page.check('input[name=compare]');
  await nextFrames(page);
  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download_csv]')]);
  assert.equal(csvFile.suggestedFilename(), 'anneal-schedule.csv');
  const rows = (await readFile(await csvFile.path(), 'utf8')).trim().split('\n');
  assert.equal(rows[0], 'step,lr,"baseline","PyTorch","timm","Hugging Face","optax","Keras"');
  assert.equal(rows.length, 1 + 61, 'steps 0..60 (horizon 1.2 × 50)');
  const [step, lr, pinned] = rows[26].split(',').map(Number);
  assert.equal(step, 25);
  assert.ok(Math.abs(lr - 0.05 * (1 + Math.cos(Math.PI * 25 / 50))) < 1e-15);
  assert.ok(Math.abs(pinned - 0.05 * (1 + Math.cos(Math.PI * 25 / 100))) < 1e-15);
  const [jsonFile] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download_json]')]);
  const state = JSON.parse(await readFile(await jsonFile.path(), 'utf8'));
  assert.equal(state.v, 2);
  assert.equal(state.t_max, 50);
  assert.equal(state.resolved.t_0_steps, 50);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Whether `text` parses as SVG in the browser, and the polylines drawn in `colour`. */
function inspectSvg(page, text, colour) {
  return page.evaluate(
    ([t, c]) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      const lines = [...doc.querySelectorAll('polyline')].filter((p) => p.getAttribute('stroke') === c);
      return {
        ok: !doc.querySelector('parsererror') && doc.documentElement.nodeName === 'svg',
        width: doc.documentElement.getAttribute('width'),
        viewBox: doc.documentElement.getAttribute('viewBox'),
        points: Math.max(0, ...lines.map((p) => p.getAttribute('points').trim().split(/\s+/).length)),
        texts: [...doc.querySelectorAll('text')].map((e) => e.textContent.trim()),
      };
    },
    [text, colour],
  );
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (buf) => {
  assert.equal(buf.subarray(1, 4).toString(), 'PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
};

test('chart images: the SVG parses, holds the curve at quarter pixels, the PNG is 2× size, the slide PNG 1920 × 1080', async () => {
  const { readFile } = await import('node:fs/promises');
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?restarts=1&t_max=10`, undefined, 'light');
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download_svg]')]);
  assert.equal(svgFile.suggestedFilename(), 'anneal-schedule.svg');
  const svg = await inspectSvg(page, await readFile(await svgFile.path(), 'utf8'), '#2563EB');
  assert.ok(svg.ok, 'the SVG parses');
  assert.equal(svg.width, '960');
  assert.equal(svg.viewBox, '0 0 3840 1920', 'drawn at 4×, so the curve has quarter-pixel coordinates');
  assert.ok(svg.points > 100, `the curve is a polyline of ${svg.points} points`);
  assert.ok(svg.texts.includes('Learning rate over training') && svg.texts.includes('step'));
  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download_png]')]);
  assert.equal(pngFile.suggestedFilename(), 'anneal-schedule.png');
  assert.deepEqual(pngSize(await readFile(await pngFile.path())), [1920, 960]);
  const [slide] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download_png_slide]')]);
  assert.equal(slide.suggestedFilename(), 'anneal-schedule-1920x1080.png');
  assert.deepEqual(pngSize(await readFile(await slide.path())), [1920, 1080]);

  const [labSvg] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download_lab_svg]')]);
  const lab = await inspectSvg(page, await readFile(await labSvg.path(), 'utf8'), '#F03E84');
  assert.ok(lab.ok && lab.points > 50, `the restarts path in the landscape SVG (${lab.points} points)`);
  assert.ok(lab.texts.includes('Sharp trap, wide valley (Anneal)'));
  const [labPng] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download_lab_png]')]);
  assert.deepEqual(pngSize(await readFile(await labPng.path())), [1280, 1280]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('code export: five frameworks, copy; import a pasted call, and round-trip a snippet', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?restarts=1&t_max=10&eta_min=0.00001`);
  await page.click('details.code-panel summary');
  const tabs = await page.locator('button[name=code_framework]').allTextContents();
  assert.deepEqual(tabs, ['PyTorch', 'timm', 'Hugging Face', 'optax', 'Keras']);
  await page.click('button[name=code_framework][value=timm]');
  const timm = await page.inputValue('textarea.code-snippet');
  assert.match(timm, /from timm\.scheduler import CosineLRScheduler/);
  assert.match(timm, /scheduler = CosineLRScheduler\(opt, t_initial=10, lr_min=1e-5, cycle_mul=2\.0, /);

  // Round trip: the timm snippet pasted back gives the same state.
  await page.fill('input[type=number][name=t_max]', '25');
  await page.fill('textarea[name=import_text]', timm);
  await page.click('button[name=import]');
  await nextFrames(page);
  assert.equal(await page.inputValue('input[type=number][name=t_max]'), '10');
  assert.ok(await page.isChecked('input[name=restarts]'));
  assert.equal(await page.inputValue('input[type=number][name=eta_min]'), '1e-5');
  // The link holds the imported call's code (import-link.test.mjs follows it further).
  await linkWritten(page, 'import', timm);

  // The optax example.
  await page.fill(
    'textarea[name=import_text]',
    'optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=3e-4, warmup_steps=500, decay_steps=10000)',
  );
  await page.click('button[name=import]');
  await nextFrames(page);
  assert.equal(await page.inputValue('input[type=number][name=eta_max]'), '0.0003');
  assert.equal(await page.inputValue('input[type=number][name=warmup]'), '500');
  assert.equal(await page.inputValue('input[type=number][name=t_max]'), '9500');
  await linkWritten(page, 'warmup', '500');
  assert.equal(new URL(page.url()).searchParams.get('warmup'), '500');

  // Unreadable text: a message pointing at the problem, and that the last import stays drawn.
  await page.fill('textarea[name=import_text]', 'CosineAnnealingLR(opt, T_max=10 eta_min=0)');
  await page.click('button[name=import]');
  assert.equal(
    await page.textContent('.import-error'),
    "column 33: expected ',' or ')'. The chart still shows the last import.",
  );
  assert.equal(await page.inputValue('input[type=number][name=t_max]'), '9500');
  assert.deepEqual(errors, []);
  await page.close();
});

test('pins live in the link: pinning adds a history entry, the link reopens them, Back removes', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?t_max=50`);
  await page.click('button[name=pin]');
  await page.fill('input[name=pin_name]', 'my baseline');
  await page.fill('input[type=number][name=t_max]', '20');
  await linkWritten(page, 'pin1', 'my baseline~t_max:50');
  assert.equal(query(page).get('pin1'), 'my baseline~t_max:50');
  const link = page.url();
  const reopened = await openPage(ctx.browser, link);
  assert.equal(await reopened.page.inputValue('input[name=pin_name]'), 'my baseline');
  assert.equal(await reopened.page.locator('.pin').count(), 1);
  await reopened.page.close();
  // Back undoes the edit of t_max (replaced in place), then the pin itself.
  await page.goBack();
  await nextFrames(page);
  assert.equal(await page.locator('.pin').count(), 0);
  assert.equal(query(page).get('pin1'), null);
  assert.deepEqual(errors, []);
  await page.close();
});
