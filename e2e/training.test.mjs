// End-to-end: a fine-tuning run entered in the Training setup, as the engineer would.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { nextFrames, openPage, suite } from './browser.mjs';

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
  // The link carries the setup, so a colleague opening it sees the same run.
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
