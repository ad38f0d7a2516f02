// End-to-end: the schedule as phases — every family picked and edited, pins of other families
// surviving a reload, and the calls people paste from their projects imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { chartPixels, nextFrames, openPage, suite, waitForChart } from './browser.mjs';

const ctx = suite();

const FAMILIES = [
  'constant', 'step', 'multistep', 'exp', 'linear', 'poly', 'isqrt', 'pconst', 'pinterp',
  'tanh', 'cyclic', 'onecycle', 'wsd', 'cosine',
];

const firstPhase = 'li.phase[data-phase="0"]';

test('each family picked for a phase, then edited, changes the chart and the link', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?phases=linear(0.1,0.001,100)`);
  // The controls are built a frame after the first chart: on a busy machine, after openPage.
  await page.locator(`${firstPhase} select[name=phase-family] option[value=cosine]`).waitFor({ state: 'attached' });
  const options = await page.$$eval(`${firstPhase} select[name=phase-family] option`, (os) => os.map((o) => o.value));
  assert.deepEqual(options, FAMILIES);
  // Against the linear the link opened with: two starters may coincide (step and multi-step).
  const before = await chartPixels(page);
  for (const family of FAMILIES) {
    await page.selectOption(`${firstPhase} select[name=phase-family]`, family);
    await nextFrames(page);
    assert.notEqual(await chartPixels(page), before, `${family} drawn`);
    if (family === 'cosine') break;
    const box = page.locator(`${firstPhase} .phase-param input`).first();
    // Halve each number (a list stays a list of the same length); a 0 becomes 0.05.
    const halved = (await box.inputValue())
      .split(',')
      .map((v) => (Number(v) > 0 ? Number(v) / 2 : 0.05))
      .join(', ');
    const edited = await chartPixels(page);
    await box.fill(halved);
    await box.press('Enter');
    await nextFrames(page);
    assert.notEqual(await chartPixels(page), edited, `${family}: its first parameter redraws`);
    await page.waitForTimeout(250);
    const phases = new URL(page.url()).searchParams.get('phases');
    assert.ok(phases.startsWith(family), `${family} in the link: ${phases}`);
  }
  assert.doesNotMatch(await page.textContent('body'), /NaN|Infinity/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('phases are added, refused with a reason, and removed', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.click('button.add-phase');
  await nextFrames(page);
  assert.equal(await page.locator('li.phase').count(), 2);
  await page.waitForTimeout(250);
  assert.match(new URL(page.url()).searchParams.get('phases'), /^cos!100!linear\(/);
  await page.fill('li.phase[data-phase="1"] input[name=phase-start]', '-5');
  await page.press('li.phase[data-phase="1"] input[name=phase-start]', 'Enter');
  assert.match(await page.textContent('.phases .notice'), /start/);
  await page.click('li.phase[data-phase="1"] button[aria-label="Remove this phase"]');
  await nextFrames(page);
  assert.equal(await page.locator('li.phase').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a phase added to a run the schedule already fills lands inside the run, on the chart', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?horizon=100`);
  await page.click('button.add-phase');
  await nextFrames(page);
  assert.equal(await page.inputValue('li.phase[data-phase="1"] input[name=phase-start]'), '80');
  await page.waitForTimeout(250);
  assert.match(new URL(page.url()).searchParams.get('phases'), /^cos!80!linear\(/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a pinned WSD and a pinned linear decay beside a cosine survive a reload', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.selectOption('select[name=preset]', 'wsd');
  await page.click('button[name=pin]');
  await page.selectOption(`${firstPhase} select[name=phase-family]`, 'linear');
  await page.click('button[name=pin]');
  await page.selectOption(`${firstPhase} select[name=phase-family]`, 'cosine');
  await nextFrames(page);
  await page.waitForTimeout(300);
  const link = page.url();
  const drawn = await chartPixels(page);
  await page.reload();
  await nextFrames(page);
  await page.waitForTimeout(300);
  assert.equal(page.url(), link);
  const names = await page.$$eval('input[name=pin_name]', (xs) => xs.map((x) => x.value));
  assert.equal(names.length, 3, `the preset's cosine and two pins: ${names}`);
  const params = new URL(page.url()).searchParams;
  assert.ok([...params.values()].some((v) => v.includes('phases:wsd(')), 'a WSD pin');
  assert.ok([...params.values()].some((v) => v.includes('phases:linear(')), 'a linear pin');
  assert.equal(await chartPixels(page), drawn, 'the same picture after the reload');
  assert.deepEqual(errors, []);
  await page.close();
});

// Each call, and the families of the phases the explorer then shows to edit.
const CALLS = [
  ['get_linear_schedule_with_warmup(optimizer, 500, 10000)', ['linear', 'linear']],
  ['OneCycleLR(optimizer, max_lr=0.01, total_steps=1000)', ['onecycle']],
  ['get_wsd_schedule(optimizer, num_warmup_steps=100, num_decay_steps=400, num_training_steps=2000)', ['wsd']],
  ['StepLR(optimizer, step_size=30, gamma=0.1)', ['step']],
  ['CosineAnnealingLR(optimizer, T_max=100)', ['cosine']],
  ['CosineAnnealingWarmRestarts(optimizer, T_0=10, T_mult=2)', ['cosine']],
  ['optax.join_schedules([optax.linear_schedule(0.0, 1e-3, 200), optax.cosine_decay_schedule(1e-3, 1800)], [200])', ['linear', 'cosine']],
];

test("the seven calls from a user's projects import", async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  for (const [call, families] of CALLS) {
    await page.fill('textarea[name=import_text]', call);
    await page.click('button[name=import]');
    await nextFrames(page);
    // The message is read only when there is one (a missing element would wait out the timeout).
    const refused = await page.$$eval('.import-error', (es) => es.map((e) => e.textContent));
    assert.deepEqual(refused, [], call);
    assert.ok(await page.locator('.import-ok').isVisible(), call);
    const shown = await page.$$eval('li.phase select[name=phase-family]', (ss) => ss.map((s) => s.value));
    assert.deepEqual(shown, families, call);
  }
  // The last import, a warm-up from 0 joined to a cosine, is in the link as its phases.
  await page.waitForTimeout(250);
  assert.match(new URL(page.url()).searchParams.get('phases'), /^linear\(0,1e-3,200\)!200!cos$/);
  await page.fill('textarea[name=import_text]', 'ReduceLROnPlateau(optimizer)');
  await page.click('button[name=import]');
  assert.match(await page.textContent('.import-error'), /validation loss; Anneal cannot draw it/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a call that runs but cuts its warm-up short gets a Check note with the numbers', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.click('details.code-panel summary');
  await page.fill('textarea[name=import_text]', 'SequentialLR(opt, [LinearLR(opt, start_factor=0.1, total_iters=300), CosineAnnealingLR(opt, T_max=900)], milestones=[200])');
  await page.click('button[name=import]');
  await nextFrames(page);
  const checks = await page.$$eval('.import-ok li.check', (ls) => ls.map((l) => l.textContent));
  assert.deepEqual(checks, ['Check: scheduler 1 (LinearLR) is written for 300 steps but the milestone at 200 stops it after 200: the next scheduler takes over before it ends']);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a hand-built warm-up → constant → 1-sqrt decay is transformers' WSD, and other libraries say why not", async () => {
  const phases = 'linear(0,1e-3,1000)!1000!constant(1e-3)!80000!wsd(1e-3,0,0,20000,0,linear,1-sqrt)';
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?phases=${phases}&horizon=100000&compare=1`);
  const row = (name) => `table.frameworks tbody tr:has(th:text-is("${name}"))`;
  await page.waitForFunction(() =>
    [...document.querySelectorAll('table.frameworks tbody tr')].some((r) => r.textContent.includes('get_wsd_schedule')));
  await page.waitForSelector('.compare .notice:has-text("Updating")', { state: 'detached' });
  assert.match(await page.textContent(`${row('Hugging Face')} code`), /^get_wsd_schedule\(opt, num_warmup_steps=1000, num_decay_steps=20000, num_stable_steps=79000, warmup_type="linear", decay_type="1-sqrt", min_lr_ratio=0\.0\)$/);
  assert.equal((await page.textContent(`${row('Hugging Face')} td.num`)).trim(), 'identical');
  assert.match(await page.textContent(row('PyTorch')), /no built-in call.*Phase 3 \(Warmup-stable-decay\): PyTorch's schedulers decay linearly or by a cosine, not by 1 − √/);
  assert.match(await page.textContent(row('Keras')), /Keras has no way to join schedules/);
  // The code panel writes the same call, ready to run.
  await page.click('details.code-panel summary');
  await page.click('button[name=code_framework][value=hf]');
  await nextFrames(page);
  const code = await page.inputValue('textarea.code-snippet');
  assert.match(code, /this built-in call gives Anneal's learning rate at every step/);
  assert.match(code, /from transformers import get_wsd_schedule/);
  await page.click('button[name=code_framework][value=torch]');
  await nextFrames(page);
  // PyTorch has no 1 − √ ramp: its code is Anneal's formula in a LambdaLR, saying why.
  const torch = await page.inputValue('textarea.code-snippet');
  assert.match(torch, /^# PyTorch: no built-in call reproduces this schedule/);
  assert.match(torch, /#   - Phase 3 \(Warmup-stable-decay\)/);
  assert.match(torch, /return 0\.001 \* max\(\(1\.0 - math\.sqrt\(\(t \/ 20000\.0\)\)\), 0\.0\)/);
  assert.match(torch, /opt = torch\.optim\.SGD\(model\.parameters\(\), lr=0\.001\)\nscheduler = LambdaLR\(opt, lr_lambda=lambda step: lr_at\(step\) \/ 0\.001\)/);
  assert.deepEqual(errors, []);
  await page.close();
});

/** The CSV the page downloads, as {step: lr}. */
async function csvRates(page) {
  const { readFile } = await import('node:fs/promises');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download_csv]')]);
  const rows = (await readFile(await file.path(), 'utf8')).trim().split('\n').slice(1);
  return new Map(rows.map((r) => r.split(',').map(Number)).map(([step, lr]) => [step, lr]));
}

test('every family, exported to every library and pasted back into Import, draws the same rates', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  const open = async (family) => {
    await page.goto(`${ctx.server.url}?phases=${family}&horizon=1200`);
    await waitForChart(page);
    await page.click('details.code-panel summary');
  };
  const tally = { exact: 0, nearest: 0, closure: 0 };
  for (const family of FAMILIES) {
    await open(family);
    const before = await csvRates(page);
    for (const key of ['torch', 'timm', 'hf', 'optax', 'keras']) {
      await page.click(`button[name=code_framework][value=${key}]`);
      await nextFrames(page);
      const code = await page.inputValue('textarea.code-snippet');
      if (/^# [^:]+: no built-in call reproduces this schedule/.test(code)) {
        assert.match(code, /\ndef lr_at\(step\):/, `${family} ${key}`);
        tally.closure += 1;
        continue;
      }
      await page.fill('textarea[name=import_text]', code);
      await page.click('button[name=import]');
      await nextFrames(page);
      assert.equal(await page.$$eval('.import-error', (es) => es.length), 0, `${family} ${key}`);
      if (!/this built-in call gives Anneal's learning rate at every step/.test(code)) {
        tally.nearest += 1; // its header lists how it differs
      } else {
        const after = await csvRates(page);
        for (const [step, lr] of before) {
          if (!after.has(step) || step > 1000) continue; // compared over the run the call was checked on
          const got = after.get(step);
          assert.ok(Math.abs(got - lr) <= 1e-12 * Math.max(Math.abs(lr), 1e-12), `${family} ${key} step ${step}: ${got} vs ${lr}`);
        }
        tally.exact += 1;
      }
      await open(family);
    }
  }
  assert.equal(tally.exact + tally.nearest + tally.closure, FAMILIES.length * 5);
  assert.ok(tally.exact >= 25, JSON.stringify(tally));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a refused family leaves the menu on the phase it kept, and boxes show no float noise', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?v=1&phases=constant(0.010000000000000002)!100!linear(0.1,0,1)`);
  const second = 'li.phase[data-phase="1"]';
  await page.locator(`${second} select[name=phase-family]`).waitFor();
  assert.equal(await page.inputValue(`${firstPhase} input[type=text]`), '0.01', 'the rate box, not 0.010000000000000002');
  const before = page.url();
  await page.selectOption(`${second} select[name=phase-family]`, 'pconst');
  await nextFrames(page);
  assert.match(await page.textContent('.phases .notice'), /phase 2/);
  assert.equal(await page.inputValue(`${second} select[name=phase-family]`), 'linear', 'the menu shows what the schedule has');
  assert.equal(page.url(), before);
  assert.deepEqual(errors, []);
  await page.close();
});
