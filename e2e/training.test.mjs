// End-to-end: a fine-tuning run entered in the Training setup, as the engineer would.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { nextFrames, openPage, pixelsOfColour, suite, linkWritten } from './browser.mjs';

const ctx = suite();

const type = async (page, name, value) => {
  await page.fill(`input[type=number][name=${name}]`, value);
  await page.press(`input[type=number][name=${name}]`, 'Tab');
};

test('50,000 examples, batch 8, 2 GPUs, accumulation 4, 3 epochs, warm-up ratio 0.03 give 2346 steps and warm-up 71', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await type(page, 'eta_max', '2e-4');
  await page.check('input[name=eta_min_rel]');
  await type(page, 'eta_min_frac', '0.1');
  await type(page, 'examples', '50000');
  await type(page, 'batch', '8');
  await type(page, 'devices', '2');
  await type(page, 'grad_accum', '4');
  await type(page, 'epochs', '3');
  await type(page, 'warmup_ratio', '0.03');
  await type(page, 't_max_ratio', '1');
  await nextFrames(page);
  const used = await page.textContent('.step-counts li.used');
  assert.match(used, /^Hugging Face Trainer \(transformers ≥ 4\.52\) \(used\): 782 per epoch, 2346 in all/);
  assert.match(used, /3125 \/\/ 4 \+ int\(3125 % 4 > 0\) = 782; in all ⌈3 × 782⌉ = 2346/);
  const older = await page.textContent('.step-counts li[data-rule=trainer_floor]');
  assert.match(older, /781 per epoch, 2343 in all/);
  // The link carries the setup, so a colleague opening it sees the same run (written once the
  // typing pauses).
  await linkWritten(page, 't_max_ratio', '1');
  const url = new URL(page.url());
  for (const [k, v] of [['examples', '50000'], ['devices', '2'], ['epochs', '3'], ['warmup_ratio', '0.03']]) {
    assert.equal(url.searchParams.get(k), v, k);
  }
  await page.click('details.code-panel summary');
  await page.click('button[name=code_framework][value=hf]');
  const code = await page.inputValue('textarea.code-snippet');
  assert.match(code, /get_cosine_with_min_lr_schedule_with_warmup\(opt, num_warmup_steps=71, num_training_steps=2346, min_lr_rate=0\.1\)/);
  // The older Trainer rule is one choice away and moves the schedule with it.
  await page.selectOption('select[name=steps_rule]', 'trainer_floor');
  await nextFrames(page);
  assert.match(await page.inputValue('textarea.code-snippet'), /num_warmup_steps=71, num_training_steps=2343,/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a fractional epoch length is kept, or rounded to whole steps with a notice', async () => {
  const { page, errors } = await openPage(ctx.browser,
    `${ctx.server.url}?unit=epochs&steps_per_epoch=3125&grad_accum=4`);
  await type(page, 't_max', '2.5');
  await type(page, 'warmup', '0.09');
  await nextFrames(page);
  assert.equal(await page.inputValue('input[type=number][name=t_max]'), '2.5');
  const notices = await page.$$eval('.controls > p.notice', (ps) => ps.map((p) => p.textContent));
  assert.deepEqual(notices, ['warmup 0.09 epochs = 70.38 optimizer steps: rounded to 70 whole steps.']);
  assert.deepEqual(errors, []);
  await page.close();
});

// charts::PER_EPOCH_COLOR.
const VIOLET = [119, 34, 153];

test('scheduler.step() once per epoch is drawn, and a length in epochs stepped every batch is flagged', async () => {
  const { page, errors } = await openPage(ctx.browser,
    `${ctx.server.url}?steps_per_epoch=3125&grad_accum=4&epochs=3&t_max=2346`);
  await nextFrames(page);
  assert.equal(await pixelsOfColour(page, VIOLET), 0);
  await page.check('input[name=per_epoch]');
  await nextFrames(page);
  const drawn = await pixelsOfColour(page, VIOLET);
  assert.ok(drawn > 300, `the per-epoch staircase is drawn (${drawn} px)`);
  await linkWritten(page, 'per_epoch', '1');
  assert.equal(new URL(page.url()).searchParams.get('per_epoch'), '1');
  // Stepped per epoch the cosine over 2346 steps sees counts 0, 1, 2: it stays at its peak.
  // (Ticking the box scrolled the page to it.)
  await page.locator('canvas.chart').scrollIntoViewIfNeeded();
  const box = await page.locator('canvas.chart').boundingBox();
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.5);
  await nextFrames(page);
  const stepped = await page.$$eval('.readout .readout-row', (rs) => rs.map((r) => r.textContent.trim()));
  assert.ok(stepped.some((r) => /^step\(\) per epoch 0\.0999/.test(r)), stepped.join(' | '));
  const titles = () => page.$$eval('.flag', (fs) => fs.map((f) => f.getAttribute('aria-label')));
  assert.ok(!(await titles()).some((f) => f.startsWith('A length in epochs')), 'a length in steps is not flagged');
  // T_max = 3, written as if the scheduler were stepped per epoch, but stepped every batch.
  await type(page, 't_max', '3');
  await nextFrames(page);
  const flags = await titles();
  const flag = flags.find((f) => f.startsWith('A length in epochs, stepped every batch?'));
  assert.ok(flag, flags.join(' | '));
  assert.match(flag, /training runs 3 epochs of 782 steps \(2346 optimizer steps\)/);
  assert.match(flag, /runs out after 3 optimizer steps/);
  // With one step an epoch there is nothing to compare: the box is off.
  await type(page, 'steps_per_epoch', '1');
  await type(page, 'grad_accum', '1');
  await nextFrames(page);
  assert.ok(await page.isDisabled('input[name=per_epoch]'));
  assert.deepEqual(errors, []);
  await page.close();
});
