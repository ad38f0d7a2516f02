// End-to-end: an imported call travels in the link — shared, reopened, taken back with Back,
// with the lr it assumed written into its code — and says so where a link cannot hold it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { linkWritten, nextFrames, openPage, pixelsOfColour, suite, waitForChart } from './browser.mjs';

const ctx = suite();
const INDIGO = [85, 0, 238];
const CALL = 'sched = CosineAnnealingLR(opt, T_max=80, eta_min=0.01)  # no lr: η_max stands in';
/** The code an import keeps for a call without an lr, at the page's η_max 0.1. */
const KEPT = `lr = 0.1  # the optimizer's lr: η_max when imported\n${CALL}`;

/** Pastes `code` into the Code panel's import box and imports it. */
async function importCode(page, code) {
  if (!(await page.isVisible('textarea[name=import_text]'))) await page.click('details.code-panel summary');
  await page.fill('textarea[name=import_text]', code);
  await page.click('button[name=import]');
  await nextFrames(page);
}

/** The indigo curve's pixels as one string, to tell two drawings of it apart. */
const indigoShape = (page) => page.$eval('canvas.chart', (c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const on = [];
  for (let i = 0; i < d.length; i += 4) {
    if (Math.abs(d[i] - 85) < 12 && d[i + 1] < 12 && Math.abs(d[i + 2] - 238) < 12) on.push(i / 4);
  }
  return on.join(',');
});

test('an imported call is in the link: a reopened link draws it, with its code in the box', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await importCode(page, CALL);
  await linkWritten(page, 'import', KEPT);
  assert.ok((await pixelsOfColour(page, INDIGO)) > 50, 'the imported curve is drawn');
  assert.match(await page.textContent('.import-ok'), /using η_max = 0\.1, written as lr = 0\.1 at the top of the imported code/);
  assert.equal(await page.inputValue('textarea[name=import_text]'), KEPT);

  const shared = await openPage(ctx.browser, page.url());
  await waitForChart(shared.page);
  await nextFrames(shared.page);
  assert.equal(await indigoShape(shared.page), await indigoShape(page), 'the same curve, pixel for pixel');
  assert.equal(await shared.page.locator('.link-notices').count(), 0);
  await shared.page.click('details.code-panel summary');
  assert.equal(await shared.page.inputValue('textarea[name=import_text]'), KEPT);
  // The colleague reads what the import says, read with the link's settings.
  assert.match(await shared.page.textContent('.import-ok'), /Imported: .*PyTorch's cosine climbs back/s);
  assert.deepEqual(shared.errors, []);
  await shared.page.close();

  // Removing it is a step Back undoes, as for any other change; the box and the notes follow.
  await page.click('button[name=clear_import]');
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('import'));
  await nextFrames(page);
  assert.equal(await pixelsOfColour(page, INDIGO), 0, 'removed');
  assert.equal(await page.inputValue('textarea[name=import_text]'), '');
  assert.equal(await page.locator('.import-ok').count(), 0);
  await page.goBack();
  await linkWritten(page, 'import', KEPT);
  await nextFrames(page);
  assert.ok((await pixelsOfColour(page, INDIGO)) > 50, 'Back brings it back');
  assert.equal(await page.inputValue('textarea[name=import_text]'), KEPT);
  assert.match(await page.textContent('.import-ok'), /Imported: /);
  assert.deepEqual(errors, []);
  await page.close();
});

/** The imported curve's rate at each step, from the CSV download. */
async function importedRates(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download_csv]')]);
  const [head, ...rows] = (await readFile(await file.path(), 'utf8')).trim().split('\n');
  const column = head.split(',').findIndex((name) => name.startsWith('"imported '));
  assert.ok(column > 0, head);
  return rows.map((row) => Number(row.split(',')[column]));
}

/** The imported curve's rate at step 0, from the CSV download. */
const importedStart = async (page) => (await importedRates(page))[0];

test('the lr an import assumed stays the curve\'s, whatever η_max does after', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  // A StepLR's peak is not its lr: η_max becomes the peak, and must not stand in again.
  for (const code of [CALL, 'StepLR(opt, step_size=10, gamma=2.0)']) {
    await importCode(page, code);
    assert.equal(await importedStart(page), 0.1, code);
    await page.fill('input[type=number][name=eta_max]', '0.3');
    await nextFrames(page);
    assert.equal(await importedStart(page), 0.1, code);
    // Imported again from the box (with its lr line), the curve is the same.
    await page.click('button[name=import]');
    await nextFrames(page);
    assert.equal(await importedStart(page), 0.1, code);
    await page.fill('input[type=number][name=eta_max]', '0.1');
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('code too long for a link stays on the page, and Copy link says the link leaves it out', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?t_max=50`);
  const script = `${'# model, data and training loop\n'.repeat(80)}${CALL}`;
  await importCode(page, script);
  assert.ok((await pixelsOfColour(page, INDIGO)) > 50, 'drawn');
  await linkWritten(page, 't_max', '80');
  assert.equal(new URL(page.url()).searchParams.has('import'), false);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('button[name=copy_link]');
  await page.waitForSelector('.copied:has-text("Link copied without the imported curve: its code is over 2000 characters")');
  await page.context().clearPermissions();
  // Back through the page's own entries keeps it, as it was never in them.
  await page.selectOption('select[name=preset]', 'sgdr');
  await linkWritten(page, 'restarts', '1');
  await page.goBack();
  await linkWritten(page, 't_max', '80');
  await nextFrames(page);
  assert.ok((await pixelsOfColour(page, INDIGO)) > 50, 'still drawn after Back');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a Trainer link reopens with its curve, counted from the link\'s training setup', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?examples=50000&devices=2`);
  await importCode(page, 'TrainingArguments(output_dir="out", learning_rate=5e-5, per_device_train_batch_size=32, gradient_accumulation_steps=2, num_train_epochs=3, lr_scheduler_type="cosine", warmup_steps=0.1)');
  await linkWritten(page, 'epochs', '3');
  const shared = await openPage(ctx.browser, page.url());
  await waitForChart(shared.page);
  assert.equal(await shared.page.locator('.link-notices').count(), 0);
  await nextFrames(shared.page);
  assert.ok((await pixelsOfColour(shared.page, INDIGO)) > 50, 'drawn');
  // A preset leaves no training setup to count the steps from: said, not dropped in silence.
  await shared.page.selectOption('select[name=preset]', 'sgdr');
  await nextFrames(shared.page);
  await shared.page.click('details.code-panel summary');
  assert.match(await shared.page.textContent('.import-error'), /The imported call no longer reads with these settings: .*max_steps/);
  assert.deepEqual([...errors, ...shared.errors], []);
  await shared.page.close();
  await page.close();
});

test('the imported curve follows the chart out to a longer horizon', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await importCode(page, 'opt = SGD(params, lr=0.1)\nsched = CosineAnnealingLR(opt, T_max=50, eta_min=0.01)');
  await page.fill('input[type=number][name=t_max]', '500');
  await linkWritten(page, 't_max', '500');
  await nextFrames(page);
  await nextFrames(page);
  // The right half of the chart (steps 300–600) has indigo: PyTorch's cosine, climbing back.
  const right = await page.$eval('canvas.chart', (c) => {
    const d = c.getContext('2d').getImageData(c.width / 2, 0, c.width / 2, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - 85) < 12 && d[i + 1] < 12 && Math.abs(d[i + 2] - 238) < 12) n += 1;
    return n;
  });
  assert.ok(right > 50, `${right} indigo pixels in the right half`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link whose imported code reads nothing opens without it and says why', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?t_max=50&import=print(1)`);
  assert.match(await page.textContent('.link-notices'), /import.*the imported call cannot be read \(no scheduler call found\); left out/s);
  assert.equal(await pixelsOfColour(page, INDIGO), 0);
  assert.equal(await page.inputValue('input[type=number][name=t_max]'), '50');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a timm call stepped per epoch holds each epoch\'s rate for the training setup\'s steps', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?steps_per_epoch=100`);
  await importCode(page, 'opt = AdamW(params, lr=0.1)\nsched = CosineLRScheduler(opt, t_initial=30, warmup_t=3, warmup_lr_init=1e-4)');
  assert.match(await page.textContent('.import-ok'), /t_in_epochs is True \(timm's default\).*each epoch's rate holds for its 100 optimizer steps/s);
  // The explorer holds the same lengths, in epochs, and says so while it does.
  await linkWritten(page, 'unit', 'epochs');
  assert.match(await page.textContent('.import-ok'), /the call counts epochs: lengths are now in epochs/);
  assert.equal(await page.inputValue('input[type=number][name=t_max]'), '30');
  assert.equal(await page.inputValue('input[type=number][name=warmup]'), '3');
  const held = (rates, per) => rates.every((r, step) => r === rates[step - (step % per)]);
  const rates = await importedRates(page);
  assert.equal(rates[0], 1e-4, 'epoch 0: warmup_lr_init');
  assert.ok(held(rates, 100), 'one rate per epoch of 100 steps');
  assert.equal(rates[100], 1e-4 + (0.1 - 1e-4) / 3, 'epoch 1: a third of the warm-up');
  // A shorter epoch: the same rates, each held for fewer steps, and the note follows.
  await page.fill('input[type=number][name=steps_per_epoch]', '40');
  await linkWritten(page, 'steps_per_epoch', '40');
  await nextFrames(page);
  assert.match(await page.textContent('.import-ok'), /each epoch's rate holds for its 40 optimizer steps/);
  const shorter = await importedRates(page);
  assert.ok(held(shorter, 40) && !held(shorter, 100));
  assert.equal(shorter[40], rates[100]);
  // A colleague's reopened link draws the same staircase.
  const shared = await openPage(ctx.browser, page.url());
  await waitForChart(shared.page);
  await nextFrames(shared.page);
  assert.equal(await indigoShape(shared.page), await indigoShape(page), 'the same curve, pixel for pixel');
  await shared.page.close();
  // Lengths switched back to steps: the import's word on the unit goes, its reading stays.
  await page.selectOption('select[name=unit]', 'steps');
  await linkWritten(page, 'unit', null);
  await nextFrames(page);
  const notes = await page.textContent('.import-ok');
  assert.doesNotMatch(notes, /lengths are now in/);
  assert.match(notes, /each epoch's rate holds for its 40 optimizer steps/);
  assert.deepEqual([...errors, ...shared.errors], []);
  await page.close();
});
