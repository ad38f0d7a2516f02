// End-to-end: the lab embedded alone in a course page's or slide's frame — the surface, its
// playback and its controls fit the frame, the explanation folds, and a drag lands where the
// pointer is however the canvas is scaled.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { nextFrames, suite } from './browser.mjs';

const ctx = suite();
const LAB_ALONE = 'embed=1&hide=title,controls,chart,compare,export,code,formula';

/** A host page holding the lab in a `w × h` frame; resolves to the host and the frame once the paths are drawn. */
async function framed(query, w, h) {
  const host = await ctx.browser.newPage({ viewport: { width: w + 40, height: h + 40 } });
  const errors = [];
  host.on('pageerror', (e) => errors.push(e.message));
  const url = `${ctx.server.url}?${query}`;
  await host.setContent(`<!doctype html><body style="margin:20px"><iframe src="${url}" width="${w}" height="${h}" style="border:0"></iframe></body>`);
  const frame = await (await host.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => {
    const c = document.querySelector('canvas.surface-paths');
    return c && c.width > 0 && document.querySelector('table.outcomes tbody tr');
  });
  await nextFrames(frame);
  return { host, frame, errors };
}

for (const [w, h] of [[960, 700], [960, 540], [640, 480]]) {
  test(`in a ${w} × ${h} frame the surface, its playback and the lab's controls fit without scrolling the frame`, async () => {
    const { host, frame, errors } = await framed(LAB_ALONE, w, h);
    const at = await frame.evaluate(() => {
      const box = (s) => document.querySelector(s).getBoundingClientRect();
      const side = document.querySelector('.lab-side');
      return {
        surface: box('canvas.surface-paths'),
        playback: box('.playback').bottom,
        side: box('.lab-side').bottom,
        sideScrolls: side.scrollHeight > side.clientHeight,
        folded: !document.querySelector('details.lab-about').open,
      };
    });
    assert.ok(at.folded, 'the explanation is folded under the title');
    assert.ok(at.playback <= h && at.side <= h, `playback ends at ${at.playback}, controls at ${at.side}, frame ${h}`);
    assert.ok(at.sideScrolls, 'the controls scroll inside their column');
    assert.ok(at.surface.top < 60, `the surface starts under the title (${at.surface.top})`);
    // The surface takes the height the frame leaves: no more than 80 px of it unused.
    assert.ok(h - at.playback < 80, `${h - at.playback} px left under the playback`);
    await frame.click('details.lab-about > summary');
    assert.match(await frame.textContent('details[open].lab-about'), /cannot rest in a minimum/);
    assert.deepEqual(errors, []);
    await host.close();
  });
}

test('with its image downloads shown, the surface and playback still fit the frame', async () => {
  for (const [w, h] of [[960, 700], [640, 480]]) {
    const { host, frame, errors } = await framed('embed=1&hide=title,controls,chart,compare,code,formula', w, h);
    assert.equal(await frame.locator('.lab-images button').count(), 2);
    const bottom = await frame.evaluate(() => document.querySelector('.playback').getBoundingClientRect().bottom);
    assert.ok(bottom <= h && h - bottom < 80, `playback ends at ${bottom} in a ${h} px frame`);
    assert.deepEqual(errors, []);
    await host.close();
  }
});

test('a portrait frame gives the surface its width, and a static one the whole frame', async () => {
  const widths = [];
  for (const [query, w, h] of [[LAB_ALONE, 560, 900], [`${LAB_ALONE}&static=1`, 960, 540]]) {
    const { host, frame, errors } = await framed(query, w, h);
    const box = await frame.evaluate(() => {
      const b = document.querySelector('canvas.surface-paths').getBoundingClientRect();
      return [Math.round(b.width), Math.round(b.bottom)];
    });
    assert.ok(box[1] <= h, `${query}: the surface ends at ${box[1]}, in a ${h} px frame`);
    widths.push(box[0]);
    assert.deepEqual(errors, []);
    await host.close();
  }
  // Beside 200 px of controls the portrait surface was 310 px; static left half the slide empty.
  assert.ok(widths[0] >= 500 && widths[1] >= 460, `${widths}`);
});

test('a drag lands where the pointer is on a canvas CSS scales below its smallest drawn size', async () => {
  // A 230 px frame leaves the surface under the 240 px it is drawn at, so CSS shrinks it; a
  // 274 px frame shows the same drawing unscaled. The same fraction of each box is the same point.
  const starts = [];
  for (const [w, h] of [[230, 700], [274, 700]]) {
    const { host, frame, errors } = await framed(LAB_ALONE, w, h);
    const canvas = await frame.$('canvas.surface-paths');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    assert.equal(await canvas.evaluate((c) => c.width / devicePixelRatio), 240, 'drawn at its smallest');
    await host.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.6);
    await nextFrames(frame);
    starts.push(await frame.evaluate(() => [
      Number(document.querySelector('input[type=number][name=x0]').value),
      Number(document.querySelector('input[type=number][name=y0]').value),
    ]));
    assert.deepEqual(errors, []);
    await host.close();
  }
  const [scaled, drawn] = starts;
  assert.notDeepEqual(drawn, [-1.95, 1.53], 'the click moved the start');
  // One CSS pixel of the shrunk canvas is about 0.05 of the surface's units.
  assert.ok(Math.abs(scaled[0] - drawn[0]) < 0.1 && Math.abs(scaled[1] - drawn[1]) < 0.1, `${scaled} vs ${drawn}`);
});

test("the lab's image downloads go with hide=export, as the chart's do", async () => {
  for (const [query, count] of [[LAB_ALONE, 0], ['embed=1&hide=title,controls,chart,compare,code,formula', 2]]) {
    const { host, frame, errors } = await framed(query, 960, 700);
    assert.equal(await frame.locator('.lab-images button').count(), count, query);
    assert.deepEqual(errors, []);
    await host.close();
  }
});

test('a link with escape=1 and basin_map=1 opens with both results, recomputed after a change and gone when unticked', async () => {
  const { host, frame, errors } = await framed(`${LAB_ALONE}&lab_steps=100&escape=1&basin_map=1`, 960, 700);
  const finished = () => frame.waitForFunction(() => /100 of 100 seeds/.test(document.querySelector('.escape').textContent)
    && /1600 of 1600 starts/.test(document.querySelector('.basin-map').textContent), null, { timeout: 60_000 });
  await finished();
  assert.ok(await frame.isChecked('input[name=escape]') && await frame.isChecked('input[name=basin_map]'));
  const table = await frame.locator('.escape-table tbody').textContent();
  // Another seed: the same experiment, run again for it (never the old seed's table).
  await frame.fill('input[type=number][name=seed]', '7');
  await frame.waitForFunction(() => new URLSearchParams(location.search).get('seed') === '7');
  await finished();
  assert.match(await frame.textContent('.escape'), /noise seeds 7…106/);
  assert.notEqual(await frame.locator('.escape-table tbody').textContent(), table);
  await frame.uncheck('input[name=escape]');
  await frame.waitForFunction(() => !new URLSearchParams(location.search).has('escape'));
  assert.equal(await frame.locator('.escape-table').count(), 0);
  assert.deepEqual(errors, []);
  await host.close();
});

test('a static slide with escape=1 shows the finished 100-seed table, without the box', async () => {
  const { host, frame, errors } = await framed(`${LAB_ALONE}&static=1&lab_steps=100&escape=1`, 960, 700);
  await frame.waitForFunction(() => /100 of 100 seeds/.test(document.querySelector('.escape')?.textContent ?? ''), null, { timeout: 60_000 });
  assert.equal(await frame.locator('.escape-table tbody tr').count(), 3);
  assert.equal(await frame.locator('input[name=escape]').count(), 0, 'a picture, not a control');
  assert.equal(await frame.locator('.basin-map').count(), 0, 'only what the link keeps on');
  assert.deepEqual(errors, []);
  await host.close();
});
