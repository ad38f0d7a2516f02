// End-to-end: the momentum PyTorch's OneCycleLR cycles, on a second axis of the chart and in
// the CSV, behind a switch that lives in the link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { chartPixels, nextFrames, openPage, suite, linkWritten } from './browser.mjs';

const ctx = suite();

const settled = (page) => page.waitForSelector('.compare .notice:has-text("Updating")', { state: 'detached' });

test("a one-cycle's momentum is drawn on a second axis and written to the CSV", async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?phases=onecycle(0.01,1000)&compare=1`);
  await page.waitForSelector('table.frameworks code:has-text("OneCycleLR")');
  await settled(page);
  await nextFrames(page);
  const without = await chartPixels(page);
  await page.check('input[name=momentum]');
  await nextFrames(page);
  assert.notEqual(await chartPixels(page), without, 'the momentum curve and its axis are drawn');
  await linkWritten(page, 'momentum', '1');
  assert.equal(new URL(page.url()).searchParams.get('momentum'), '1');
  assert.equal(await page.locator('.momentum-none').count(), 0);
  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download_csv]')]);
  const rows = (await readFile(await csvFile.path(), 'utf8')).trim().split('\n');
  const header = rows[0].split(',');
  const col = header.indexOf('"PyTorch momentum"');
  assert.ok(col > 0, rows[0]);
  const at = (step) => Number(rows.find((r) => r.startsWith(`${step},`)).split(',')[col]);
  // torch 2.15: max_momentum 0.95 at step 0, base_momentum 0.85 at the peak (pct_start·total − 1).
  assert.equal(at(0), 0.95);
  assert.equal(at(299), 0.85);
  assert.ok(at(150) > 0.85 && at(150) < 0.95);
  await page.uncheck('input[name=momentum]');
  await nextFrames(page);
  assert.equal(await chartPixels(page), without, 'switched off, the chart is as before');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an imported call is a column of the CSV, with the momentum it cycles', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?momentum=1`);
  await page.click('details.code-panel summary');
  await page.fill('textarea[name=import_text]', 'OneCycleLR(optimizer, max_lr=0.01, total_steps=1000)');
  await page.click('button[name=import]');
  await nextFrames(page);
  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.click('button[name=download_csv]')]);
  const rows = (await readFile(await csvFile.path(), 'utf8')).trim().split('\n');
  const header = rows[0].split(',');
  const lr = header.indexOf('"imported OneCycleLR"');
  const momentum = header.indexOf('"imported OneCycleLR momentum"');
  assert.ok(lr > 0 && momentum > lr, rows[0]);
  const at = (step, col) => Number(rows.find((r) => r.startsWith(`${step},`)).split(',')[col]);
  // torch 2.15: max_lr / div_factor 25 at step 0, the peak at pct_start·total − 1 = 299.
  assert.ok(Math.abs(at(0, lr) - 0.0004) < 1e-15);
  assert.equal(at(299, lr), 0.01);
  assert.equal(at(0, momentum), 0.95);
  assert.equal(at(299, momentum), 0.85);
  assert.deepEqual(errors, []);
  await page.close();
});

test('asked for where nothing cycles it, the momentum axis says why it is not there', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?compare=1&momentum=1`);
  await page.waitForSelector('table.frameworks code:has-text("CosineAnnealingLR")');
  await settled(page);
  assert.match(await page.textContent('.momentum-none'), /No curve on the chart cycles the momentum/);
  assert.deepEqual(errors, []);
  await page.close();
});
