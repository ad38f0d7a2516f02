// End-to-end: seeded random interactions on the release build, three seeds in `make test`
// (MONKEY_SEEDS and MONKEY_EVENTS override them; `make bench` runs 10,000 events).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { health, monkey } from './monkey.mjs';
import { openPage, suite } from './browser.mjs';

const ctx = suite();
const seeds = (process.env.MONKEY_SEEDS ?? '20261128,7,424242').split(',').map(Number);
const events = Number(process.env.MONKEY_EVENTS ?? 1000);

for (const seed of seeds) {
  test(`monkey seed ${seed}, ${events} random interactions: no errors, no NaN or Infinity shown, the app still responds`, async () => {
    const { page, errors } = await openPage(ctx.browser, ctx.server.url);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    console.log(`monkey seed ${seed}, ${events} events`);
    const counts = await monkey(page, events, seed);
    const h = await health(page);
    assert.deepEqual(h.bad, [], `seed ${seed}: no NaN or Infinity on the page`);
    assert.equal(h.crashed, 0, `seed ${seed}: no crash overlay`);
    assert.ok(h.responds, `seed ${seed}: the chart still redraws`);
    assert.deepEqual(errors, [], `seed ${seed}: no console or page errors`);
    console.log(JSON.stringify(counts));
    await page.close();
  });
}
