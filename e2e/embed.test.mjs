// End-to-end: embed mode, hidden parts, themes, the static view, the Embed builder's iframe
// contract, and dist/ served from a sub-path.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join } from 'node:path';

import { launch, nextFrames, openPage, repo, waitForChart } from './browser.mjs';
import { serveDist } from './serve.mjs';

const ctx = {};
before(async () => {
  // Everything in this file runs from a course site's sub-path, as the issue asks.
  ctx.server = await serveDist(process.env.DIST ?? join(repo, 'dist'), '/ml/anneal/');
  ctx.browser = await launch();
});
after(async () => {
  await ctx.browser?.close();
  await ctx.server?.close();
});

test('dist/ works unchanged from a sub-path: assets load, links keep the path', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?t_max=42`);
  assert.match(ctx.server.url, /\/ml\/anneal\/$/);
  await page.fill('input[type=number][name=t_max]', '43');
  await page.waitForTimeout(400);
  assert.match(page.url(), /\/ml\/anneal\/\?v=2&t_max=43$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('hide=controls shows the chart without any controls', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?hide=controls&restarts=1`);
  assert.equal(await page.locator('section.controls').count(), 0);
  assert.equal(await page.locator('input[name=eta_max]').count(), 0);
  assert.equal(await page.locator('canvas.chart').count(), 1);
  assert.equal(await page.locator('section.lab').count(), 1, 'other parts stay');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a misspelt part in hide= is named, and the others stay hidden', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?hide=controls,landscpe`);
  assert.equal(await page.locator('section.controls').count(), 0);
  assert.match(await page.textContent('.link-notices'), /hide: "landscpe" is not one of .*; left out, the others used/);
  assert.equal(await page.locator('section.lab').count(), 1, 'the misspelt part is not hidden');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an embed says which link values it could not use, though its controls are in a closed drawer', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?embed=1&eta_max=abc&t_max=10`);
  assert.equal(await page.locator('details.drawer[open]').count(), 0);
  const notices = page.locator('.link-notices');
  assert.ok(await notices.isVisible());
  assert.match(await notices.textContent(), /eta_max: "abc" is not a number; using the default 0\.1/);
  assert.equal(await page.locator('.link-notices').count(), 1, 'said once, not again in the drawer');
  assert.deepEqual(errors, []);
  await page.close();
});

test('embed=1 drops the page chrome and links back to the full app', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?embed=1&hide=landscape&t_max=10`);
  assert.equal(await page.locator('h1').count(), 0);
  assert.equal(await page.locator('section.lab').count(), 0);
  const href = await page.getAttribute('.embed-credit a', 'href');
  const link = new URL(href);
  assert.equal(link.pathname, '/ml/anneal/');
  assert.equal(link.searchParams.get('t_max'), '10');
  assert.equal(link.searchParams.has('embed'), false);
  assert.equal(link.searchParams.has('hide'), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('theme=dark overrides a light system scheme, in the page and on the canvas', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?theme=dark`, undefined, 'light');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(17, 19, 22)');
  const corner = await page.$eval('canvas.chart', (c) => Array.from(c.getContext('2d').getImageData(2, 2, 1, 1).data));
  assert.deepEqual(corner.slice(0, 3), [24, 26, 31], 'the chart is drawn on the dark theme');
  assert.deepEqual(errors, []);
  await page.close();
  const light = await openPage(ctx.browser, `${ctx.server.url}?theme=light`, undefined, 'dark');
  assert.equal(await light.page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(248, 249, 251)');
  await light.page.close();
});

test('static=1 renders the end state with nothing to interact with', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?static=1&restarts=1&lab_t=0.2`);
  await page.waitForSelector('canvas.surface-paths');
  assert.equal(await page.locator('section.controls').count(), 0);
  assert.equal(await page.locator('.lab-side, .playback, .escape, .basin-map, .compare, .downloads').count(), 0);
  assert.equal(await page.locator('select[name=preset]').isVisible(), false);
  assert.equal(await page.$eval('canvas.chart', (c) => getComputedStyle(c).pointerEvents), 'none');
  // Nothing takes the focus either: no skip link, no chart read-out to move, no flag.
  const focusable = await page.$$eval(
    'a[href], button, input, select, textarea, [tabindex]',
    (els) => els.filter((e) => e.tabIndex >= 0 && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
      .map((e) => `${e.tagName}.${e.className}`),
  );
  assert.deepEqual(focusable, []);
  // The lab shows the end of the runs (not lab_t = 0.2): the snapshot count is complete.
  assert.match(await page.textContent('table.outcomes'), /4 snapshots in 3 minima/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Embed panel names controls as the page labels them, and a link hiding everything says so', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.click('details.embed-panel summary');
  const box = page.locator('input[name=embed_controls][value=eta_min_rel]');
  assert.equal(await box.locator('xpath=..').textContent(), 'give η_min as a fraction of η_max');
  await page.uncheck('input[name=embed_hide][value=controls]');
  await box.check();
  await page.waitForTimeout(500);
  assert.match(await page.locator('textarea.embed-snippet').first().inputValue(), /controls=eta_min_rel/);
  // The chart holds the comparison, code and downloads, and an embed has no title: an embed
  // hiding the chart, the formula, the lab and the controls shows nothing but says so.
  await page.goto(`${ctx.server.url}?embed=1&hide=controls,chart,landscape,formula`);
  assert.match(await page.textContent('.page-notice'), /Nothing to show: this link hides the chart, the formula, the lab and the controls/);
  // Without the formula in hide=, the formula shows alone and follows the link's schedule.
  await page.goto(`${ctx.server.url}?embed=1&restarts=1&t_max=20&hide=controls,chart,landscape`);
  await page.waitForSelector('.formula');
  assert.equal(await page.locator('.page-notice').count(), 0);
  assert.equal(await page.locator('canvas#chart').count(), 0);
  assert.match(await page.textContent('.formula'), /Ti = 80 steps \(T0·Tmulti\)/, 'T_0 = 20, cycle 2');
  await page.goto(`${ctx.server.url}?embed=1&hide=controls,landscape`);
  await waitForChart(page);
  assert.equal(await page.locator('.page-notice').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [w, h] of [[640, 480], [800, 600], [960, 540]]) {
  test(`the Embed snippet's ${w}×${h} iframe shows the chart with nothing overflowing`, async () => {
    const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?t_max=10&restarts=1`);
    await page.click('details.embed-panel summary');
    await page.fill('input[name=embed_width]', String(w));
    await page.press('input[name=embed_width]', 'Tab');
    await page.fill('input[name=embed_height]', String(h));
    await page.press('input[name=embed_height]', 'Tab');
    await nextFrames(page);
    const snippet = await page.inputValue('textarea.embed-snippet');
    assert.match(snippet, new RegExp(`^<iframe src="http://127\\.0\\.0\\.1:\\d+/ml/anneal/\\?v=2&amp;t_max=10&amp;restarts=1&amp;embed=1&amp;hide=controls,compare,export,landscape,code" width="${w}" height="${h}"`));
    // The live preview shows the same URL.
    const want = snippet.match(/src="([^"]*)"/)[1].replaceAll('&amp;', '&');
    const preview = await (await page.waitForSelector('.embed-preview iframe')).contentFrame();
    await preview.waitForURL(want);
    assert.equal(await page.evaluate(() => history.length), 2, 'the preview adds no history entries');

    const host = await ctx.browser.newPage({ viewport: { width: w + 40, height: h + 40 } });
    await host.setContent(`<!doctype html><body style="margin:20px">${snippet.replace(' loading="lazy"', '')}</body>`);
    const frame = await (await host.waitForSelector('iframe')).contentFrame();
    await waitForChart(frame);
    const fit = await frame.evaluate(() => {
      const d = document.documentElement;
      return { sw: d.scrollWidth, sh: d.scrollHeight, w: innerWidth, h: innerHeight };
    });
    assert.equal(fit.w, w);
    assert.equal(fit.h, h);
    assert.ok(fit.sw <= fit.w && fit.sh <= fit.h, `content ${fit.sw}×${fit.sh} in ${fit.w}×${fit.h}`);
    const chart = await frame.$eval('canvas.chart', (c) => c.getBoundingClientRect().height);
    assert.ok(chart > h * 0.6, `the chart fills the frame (${chart}px of ${h})`);
    assert.deepEqual(errors, []);
    await host.close();
    await page.close();
  });
}

/** Each `hide=` part and what shows it on the full page. */
const PARTS = {
  title: '.app-header',
  controls: '.controls',
  chart: 'canvas.chart',
  compare: '.compare',
  export: '.downloads',
  landscape: '.lab',
  code: '.code-panel',
  formula: '.formula',
};

/**
 * Checks that each of `parts` (part → selector) is on `page` as it is, then that `hide=part`
 * added to `link` takes it off, waiting for the lab (or, without it, the controls) to be built.
 */
async function eachPartHides(page, link, parts) {
  for (const [part, sel] of Object.entries(parts)) assert.equal(await page.locator(sel).count(), 1, `${part} is shown`);
  for (const [part, sel] of Object.entries(parts)) {
    await page.goto(`${link}${link.includes('?') ? '&' : '?'}hide=${part}`);
    await page.waitForSelector(part === 'landscape' ? parts.controls : '.lab', { state: 'attached' });
    await page.waitForTimeout(100);
    assert.equal(await page.locator(sel).count(), 0, `hide=${part}`);
  }
}

test('a frame size typed outside 200–2000 or with a fraction is set in range, and the panel says so for each box', async () => {
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.click('details.embed-panel summary');
  const size = async (name, text) => {
    await page.fill(`input[name=${name}]`, text);
    await page.press(`input[name=${name}]`, 'Tab');
    await nextFrames(page);
    return {
      box: await page.inputValue(`input[name=${name}]`),
      notes: await page.locator('.embed-size-note').allTextContents(),
      snippet: await page.inputValue('textarea.embed-snippet'),
    };
  };
  const width = 'width must be between 200 and 2000; set to 2000';
  let got = await size('embed_width', '5000');
  assert.equal(got.box, '2000');
  assert.deepEqual(got.notes, [width]);
  assert.match(got.snippet, / width="2000" height="480"/);
  // The height's correction does not hide the width's.
  got = await size('embed_height', '360.6');
  assert.equal(got.box, '361');
  assert.deepEqual(got.notes, [width, 'height counts whole numbers; set to 361']);
  assert.match(got.snippet, / width="2000" height="361"/);
  got = await size('embed_height', '');
  assert.equal(got.box, '480');
  assert.deepEqual(got.notes, [width, 'height needs a number, not ""; using the default 480']);
  got = await size('embed_width', '800');
  assert.deepEqual(got.notes, ['height needs a number, not ""; using the default 480'], 'a width taken as typed leaves no notice of its own');
  assert.match(got.snippet, / width="800" height="480"/);
  assert.equal(await page.getAttribute('input[name=embed_width]', 'max'), '2000');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a 960 × 540 slide frame fits the chart to the room its formula and drawer leave, and gives it back while the drawer is open', async () => {
  const host = await ctx.browser.newPage({ viewport: { width: 1000, height: 580 } });
  const url = `${ctx.server.url}?embed=1&hide=compare,export,landscape,code`;
  await host.setContent(`<!doctype html><body style="margin:20px"><iframe src="${url}" width="960" height="540" style="border:0"></iframe></body>`);
  const frame = await (await host.waitForSelector('iframe')).contentFrame();
  await waitForChart(frame);
  const fit = () => frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const root = document.documentElement;
    const chart = document.querySelector('canvas.chart').getBoundingClientRect();
    done({ content: root.scrollHeight, chart: chart.height, natural: chart.width * 0.55,
      formula: document.querySelector('.formula').getBoundingClientRect().bottom });
  }))));
  await frame.waitForSelector('.formula');
  await host.waitForTimeout(300);
  let got = await fit();
  assert.ok(got.content <= 540, `closed drawer: content ${got.content} px in a 540 px frame`);
  assert.ok(got.formula <= 540, 'the formula shows without scrolling');
  assert.ok(got.chart >= 360 && got.chart < got.natural - 50, `the chart shrank to the room left (${got.chart} px of its ${got.natural})`);
  const fitted = got.chart;
  await frame.click('details.drawer summary');
  await host.waitForTimeout(300);
  got = await fit();
  assert.ok(Math.abs(got.chart - got.natural) <= 1, `open drawer: the chart at its own height (${got.chart} px), not squashed over the sliders`);
  assert.ok(got.content > 540, 'the frame scrolls to the controls');
  await frame.click('details.drawer summary');
  await host.waitForTimeout(300);
  got = await fit();
  assert.ok(Math.abs(got.chart - fitted) <= 1 && got.content <= 540, `closed again: fitted (${got.chart} px), content ${got.content} px`);
  await host.close();
});

test('a setting changed while the Embed panel is closed is in its snippet and preview as it opens', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?t_max=10`);
  // The panel builds its snippet on the details' toggle event, a task after the click.
  const built = () => page.waitForFunction(() => document.querySelector('textarea.embed-snippet').value !== '');
  await page.click('details.embed-panel summary');
  await built();
  assert.match(await page.inputValue('textarea.embed-snippet >> nth=0'), /t_max=10&amp;/);
  await page.click('details.embed-panel summary');
  await page.fill('input[type=number][name=t_max]', '12');
  await page.press('input[type=number][name=t_max]', 'Tab');
  await nextFrames(page);
  // The closed panel built nothing; opened, it shows the link as it is now.
  await page.click('details.embed-panel summary');
  await built();
  const snippet = await page.inputValue('textarea.embed-snippet >> nth=0');
  assert.match(snippet, /t_max=12&amp;/);
  const want = snippet.match(/src="([^"]*)"/)[1].replaceAll('&amp;', '&');
  await page.waitForSelector('.embed-preview iframe');
  await page.waitForFunction((w) => document.querySelector('.embed-preview iframe').contentWindow.location.href === w, want);
  assert.deepEqual(errors, []);
  await page.close();
});

test('every hide= part is absent from the page', async () => {
  // Shown without the key (the lab and panels are built in the frames after the chart), gone with it.
  const { page, errors } = await openPage(ctx.browser, ctx.server.url);
  await page.waitForSelector('.lab');
  await eachPartHides(page, ctx.server.url, PARTS);
  assert.deepEqual(errors, []);
  await page.close();
});

test('builder snippets fit 320 × 240, 640 × 480 and 800 × 600 frames on another origin, and auto-height resizes them', async () => {
  const builder = await openPage(ctx.browser, `${ctx.server.url}?t_max=10&restarts=1`);
  await builder.page.click('.embed-panel summary');
  const host = await builder.page.inputValue('textarea[name=embed_host]');
  const sizes = [[320, 240], [640, 480], [800, 600]];
  const frames = [];
  for (const [w, h] of sizes) {
    await builder.page.fill('input[name=embed_width]', String(w));
    await builder.page.press('input[name=embed_width]', 'Enter');
    await builder.page.fill('input[name=embed_height]', String(h));
    await builder.page.press('input[name=embed_height]', 'Enter');
    frames.push(await builder.page.inputValue('textarea.embed-snippet >> nth=0'));
  }
  await builder.page.close();
  const page = await ctx.browser.newPage({ viewport: { width: 1000, height: 900 } });
  // Another origin (another port): the host page, holding the snippets and the host script.
  const body = `<!doctype html><body style="margin:0">${frames.join('')}${host}</body>`;
  const hostServer = createServer((_, res) => res.end(body));
  await new Promise((done) => hostServer.listen(0, '127.0.0.1', done));
  await page.goto(`http://127.0.0.1:${hostServer.address().port}/`);
  for (const [i, [w]] of sizes.entries()) {
    const el = page.locator('iframe').nth(i);
    const frame = await (await el.elementHandle()).contentFrame();
    await frame.waitForSelector('canvas.chart');
    // Auto-height: the frame takes the content's height.
    await page.waitForFunction(async (k) => {
      const f = document.getElementsByTagName('iframe')[k];
      return f.style.height !== '';
    }, i);
    await page.waitForTimeout(500);
    const frameBox = await el.boundingBox();
    const inner = await frame.evaluate(() => {
      const c = document.querySelector('canvas.chart').getBoundingClientRect();
      const scrolling = [...document.querySelectorAll('*')].filter((e) => {
        const o = getComputedStyle(e).overflowY;
        return (o === 'auto' || o === 'scroll') && e.scrollHeight > e.clientHeight + 1;
      }).length;
      const root = document.documentElement;
      return { canvas: c.width * c.height, cw: c.width, ch: c.height, content: root.getBoundingClientRect().height,
        scrolls: root.scrollHeight > root.clientHeight + 1 || scrolling > 0 };
    });
    assert.equal(frameBox.width, w);
    assert.ok(Math.abs(frameBox.height - inner.content) <= 2, `${w}: frame ${frameBox.height}, content ${inner.content}`);
    assert.equal(inner.scrolls, false, `${w}: nothing scrolls inside the frame`);
    // The host follows the page's height, so the chart keeps its own, not a squashed one
    // fitted to the frame's height on the way.
    const natural = Math.min(600, inner.cw * (inner.cw < 480 ? 0.7 : 0.55));
    assert.ok(Math.abs(inner.ch - natural) <= 1, `${w}: chart ${inner.ch} px tall, its own height ${natural}`);
    const share = inner.canvas / (frameBox.width * frameBox.height);
    console.log(`${w}-wide frame: ${frameBox.height} px tall, chart ${(share * 100).toFixed(0)} % of it`);
    assert.ok(share >= 0.5, `${w}: chart ${(share * 100).toFixed(0)} % of the frame`);
  }
  await page.close();
  hostServer.close();
});

test('controls= shows exactly the named controls, in a drawer that is open', async () => {
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?embed=1&hide=landscape&controls=eta_max,eta_min,t_max`);
  await page.waitForSelector('details.drawer[open] .controls');
  const names = await page.$$eval('.controls input, .controls select, .controls textarea', (es) =>
    [...new Set(es.filter((e) => e.offsetParent !== null).map((e) => e.name))].sort());
  assert.deepEqual(names, ['eta_max', 'eta_min', 't_max']);
  // A fieldset none of whose controls the link names is left out, legend and all.
  const legends = await page.$$eval('.controls legend', (ls) => ls.filter((l) => l.offsetParent !== null).map((l) => l.textContent).sort());
  assert.deepEqual(legends, ['Cycles', 'Learning rate']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('embedded, every hide= part visibly goes: title drops the chart\'s own title', async () => {
  // Embedded, the controls sit in a drawer and the title is the chart's own (checked below).
  const parts = { ...PARTS, controls: '.drawer' };
  delete parts.title;
  // Dark pixels in the band above the plot, across the chart's middle: the title's text.
  const titleInk = (page) => page.$eval('canvas.chart', (c) => {
    const d = c.getContext('2d').getImageData(Math.round(c.width * 0.3), 0, Math.round(c.width * 0.4), Math.round(c.height * 0.08)).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 300) n += 1;
    return n;
  });
  const frame = { width: 640, height: 480 };
  const { page, errors } = await openPage(ctx.browser, `${ctx.server.url}?embed=1`, frame);
  await page.waitForSelector('.lab');
  assert.ok(await titleInk(page) > 50, 'the chart has a title');
  await eachPartHides(page, `${ctx.server.url}?embed=1`, parts);
  await page.goto(`${ctx.server.url}?embed=1&hide=title`);
  await waitForChart(page);
  await nextFrames(page);
  assert.equal(await titleInk(page), 0, 'hide=title drops it');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a static embed numbers its pitfall flags and lists them as footnotes', async () => {
  const url = `${ctx.server.url}?embed=1&static=1&warmup=10&warmup_overlap=1&restarts=1&horizon=250`;
  const { page, errors } = await openPage(ctx.browser, url, { width: 640, height: 480 });
  await page.waitForSelector('.flag-notes li');
  assert.deepEqual(await page.$$eval('.flag > span[aria-hidden]', (s) => s.map((e) => e.textContent)), ['1', '2']);
  const notes = await page.locator('.flag-notes li').allTextContents();
  assert.equal(notes.length, 2);
  assert.match(notes[0], /^Jump at the warm-up hand-off η falls from 0\.1 to 0\.0975528 at step 10/);
  assert.match(notes[1], /^A cycle is cut off by the horizon Training that stops at step 250 ends the cycle from restart 1 \(i = 1\) at η = 0\.0146447/);
  // The interactive page keeps its hover tips instead.
  await page.goto(url.replace('&static=1', ''));
  await waitForChart(page);
  assert.equal(await page.locator('.flag-notes').count(), 0);
  assert.equal(await page.locator('.flag').count(), 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the lab embeds alone: no chart or explorer controls, and its text asks for nothing they hold', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 640, height: 480 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${ctx.server.url}?embed=1&hide=title,controls,chart,compare,export,code,formula`);
  await page.waitForSelector('.lab canvas.surface-paths');
  assert.equal(await page.locator('canvas.chart').count(), 0);
  assert.equal(await page.locator('.drawer').count(), 0);
  const intro = await page.locator('.lab-intro').allTextContents();
  assert.match(intro.join(' '), /Drag the start point, change the optimizer, and watch the three runs\./);
  assert.doesNotMatch(intro.join(' '), /schedule above/);
  // The lab works: a keyboard move of the start point is announced.
  await page.focus('canvas.surface-paths');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /Start \(/.test(document.querySelector('.lab [role=status]')?.textContent ?? ''));
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 640, 'nothing wider than the frame');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the formula is full size on a 960 × 700 slide and small in a 640 × 480 frame', async () => {
  const url = `${ctx.server.url}?embed=1&hide=controls,compare,export,landscape,code`;
  const sizes = [];
  for (const [w, h] of [[960, 700], [640, 480]]) {
    const host = await ctx.browser.newPage({ viewport: { width: w + 40, height: h + 40 } });
    await host.setContent(`<!doctype html><body style="margin:20px"><iframe src="${url}" width="${w}" height="${h}" style="border:0"></iframe></body>`);
    const frame = await (await host.waitForSelector('iframe')).contentFrame();
    await waitForChart(frame);
    sizes.push(await frame.evaluate(() => [
      parseFloat(getComputedStyle(document.querySelector('.formula p:last-child')).fontSize),
      document.documentElement.scrollHeight <= document.documentElement.clientHeight,
    ]));
    await host.close();
  }
  assert.deepEqual(sizes, [[16, true], [12, true]]);
});
