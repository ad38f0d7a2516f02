// End-to-end: a run stopped at step k and resumed, as a practitioner checks it before resuming.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { nextFrames, openPage, pixelsOfColour, suite, linkWritten } from './browser.mjs';

const ctx = suite();

// charts::RESUME_COLORS: state restored, re-created.
const CYAN = [0, 187, 204];
const NAVY = [0, 68, 187];

const ways = (page) => page.$$eval('.resume-ways li', (ls) => ls.map((l) => l.textContent.replace(/\s+/g, ' ').trim()));

test('stopped at step 40 and resumed in PyTorch: restoring goes on as planned, re-creating decays twice', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  assert.equal(await pixelsOfColour(page, NAVY), 0);
  await page.fill('input[type=number][name=resume]', '40');
  await page.press('input[type=number][name=resume]', 'Tab');
  await nextFrames(page);
  const [restored, recreated] = await ways(page);
  assert.match(restored, /state restored \(scheduler\.load_state_dict\(checkpoint\)\): it goes on as PyTorch's call plans$/);
  // 0.1·c(40) = 0.0654508 restored into the optimizer, then decayed again by c(40) = 0.654508.
  assert.match(recreated, /re-created \(a new scheduler, then scheduler\.step\(\) k times\): at step 40 η jumps from 0\.0654508 to 0\.0428381; it runs at 0\.654508 × the planned rate until the run ends at step 100$/);
  const flags = await page.$$eval('.flag', (fs) => fs.map((f) => f.getAttribute('aria-label')));
  const jump = flags.find((f) => f.startsWith('Resumed: η jumps at the checkpoint'));
  assert.ok(jump, flags.join(' | '));
  assert.match(jump, /resumed: re-created \(a new scheduler, then scheduler\.step\(\) k times\): at step 40 η jumps/);
  const navy = await pixelsOfColour(page, NAVY);
  assert.ok(navy > 200, `the re-created run is drawn (${navy} px)`);
  await linkWritten(page, 'resume', '40');
  assert.equal(new URL(page.url()).searchParams.get('resume'), '40');
  // The read-out gives both ways at the cursor.
  const box = await page.locator('canvas.chart').boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await nextFrames(page);
  const rows = await page.$$eval('.readout .readout-row', (rs) => rs.map((r) => r.textContent.trim()));
  assert.ok(rows.some((r) => r.startsWith('resumed: state restored ')), rows.join(' | '));
  assert.ok(rows.some((r) => r.startsWith('resumed: re-created ')), rows.join(' | '));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a longer T_max on resume is ignored by a restored torch scheduler and honoured by the Hugging Face Trainer', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?resume=40&resume_t_max=150`);
  await nextFrames(page);
  assert.match((await ways(page))[0], /it goes on with the old call: the changes are ignored$/);
  await page.selectOption('select[name=resume_lib]', 'hf');
  await nextFrames(page);
  const [trainer, recreated] = await ways(page);
  // The Trainer trains step 40 at the optimizer's restored lr, then the new lambda.
  assert.match(trainer, /Trainer\.train\(resume_from_checkpoint=…\)\): it trains step 40 at the planned rate, then follows the new call \(η goes from 0\.0\d+ to 0\.0\d+ at step 41\)$/);
  assert.match(recreated, /at step 40 η jumps from 0\.0654508 to 0\.0\d+; it follows the new call$/);
  // From step 41 on both ways give the new call: the re-created run is drawn over the Trainer's.
  assert.ok((await pixelsOfColour(page, CYAN)) > 5, 'the Trainer\'s step at the planned rate is drawn');
  await linkWritten(page, 'resume_lib', 'hf');
  assert.equal(new URL(page.url()).searchParams.get('resume_lib'), 'hf');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a stop past the chart says where it can be, and draws nothing', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?resume=500`);
  await nextFrames(page);
  assert.equal(await page.textContent('.resume .notice'), 'stop at a step from 1 to 119 (PyTorch\'s curve is computed to step 120)');
  assert.equal(await pixelsOfColour(page, NAVY), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
