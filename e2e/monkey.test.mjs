// End-to-end: 1,000 seeded random interactions on the release build (10,000 in `make bench`).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { health, monkey } from './monkey.mjs';
import { openPage, suite } from './browser.mjs';

const ctx = suite();

test('1,000 random interactions: no errors, no NaN or Infinity shown, the app still responds', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const counts = await monkey(page, Number(process.env.MONKEY_EVENTS ?? 1000), 20261128);
  const h = await health(page);
  assert.deepEqual(h.bad, [], 'no NaN or Infinity on the page');
  assert.equal(h.crashed, 0, 'no crash overlay');
  assert.ok(h.responds, 'the chart still redraws');
  assert.deepEqual(errors, []);
  console.log(JSON.stringify(counts));
  await page.close();
});
