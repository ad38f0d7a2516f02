// A seeded monkey: random slider drags, typed values (garbage included), clicks on every
// button, checkbox and menu, resizes, theme switches and back/forward on the release build.
// Used by monkey.test.mjs (1,000 interactions in `make test`) and bench-monkey (10,000).

/** Deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPED = ['0', '1', '0.5', '1e-7', '1e6', '-5', '1e999', '-1e999', 'abc', '', ' 3 ', '0x10', '1,5', '<b>x</b>', '12345678901234567890'];
const SIZES = [[360, 740], [800, 600], [1280, 900], [1600, 1000]];
// Buttons that would start long experiments on every click, or leave the page.
const SKIP = new Set(['escape', 'basin_map', 'copy_link', 'copy_embed', 'copy_code']);

/** Runs `n` interactions with `seed`; returns counts per kind. */
export async function monkey(page, n, seed) {
  const random = rng(seed);
  const counts = {};
  let done = 0;
  while (done < n) {
    const r = random();
    if (r < 0.08) {
      const [width, height] = SIZES[Math.floor(random() * SIZES.length)];
      await page.setViewportSize({ width, height });
      counts.resize = (counts.resize ?? 0) + 1;
      done += 1;
    } else if (r < 0.16) {
      await page.emulateMedia({ colorScheme: random() < 0.5 ? 'dark' : 'light', reducedMotion: random() < 0.5 ? 'reduce' : 'no-preference' });
      counts.theme = (counts.theme ?? 0) + 1;
      done += 1;
    } else if (r < 0.24) {
      // Only within the app's own entries: going back past the first would leave the app for the
      // blank page it was opened from (and end the run).
      await page.evaluate((back) => {
        if (back && navigation.currentEntry.index > 0) history.back();
        else if (!back && navigation.canGoForward) history.forward();
      }, random() < 0.7);
      counts.history = (counts.history ?? 0) + 1;
      done += 1;
    } else {
      // A batch of in-page actions, drawn from the same seed.
      const batch = Math.min(10, n - done);
      const seeds = Array.from({ length: batch }, () => random());
      const kinds = await page.evaluate(
        ({ seeds, typed, skip }) => {
          const visible = (e) => !e.disabled && e.checkVisibility();
          const pick = (list, x) => list[Math.floor(x * list.length)];
          const fire = (e, type) => e.dispatchEvent(new Event(type, { bubbles: true }));
          const out = [];
          for (const s of seeds) {
            const x = (s * 9973) % 1;
            const kind = pick(['range', 'range', 'range', 'number', 'check', 'select', 'button', 'text'], s);
            if (kind === 'range') {
              const e = pick([...document.querySelectorAll('input[type=range]')].filter(visible), x);
              if (!e) continue;
              e.value = String(Math.floor(x * (Number(e.max) + 1)));
              fire(e, 'input');
            } else if (kind === 'number') {
              const e = pick([...document.querySelectorAll('input[type=number]')].filter(visible), x);
              if (!e) continue;
              e.value = pick(typed, (x * 7) % 1);
              fire(e, 'input');
              fire(e, 'change');
            } else if (kind === 'check') {
              const e = pick([...document.querySelectorAll('input[type=checkbox]')].filter(visible), x);
              if (!e) continue;
              e.click();
            } else if (kind === 'select') {
              const e = pick([...document.querySelectorAll('select')].filter(visible), x);
              if (!e || e.options.length === 0) continue;
              e.selectedIndex = Math.floor(((x * 13) % 1) * e.options.length);
              fire(e, 'change');
            } else if (kind === 'button') {
              const all = [...document.querySelectorAll('button, summary')].filter((b) => visible(b) && !skip.includes(b.name));
              const e = pick(all, x);
              if (!e) continue;
              e.click();
            } else {
              const e = document.querySelector('textarea[name=import_text]');
              if (!e || !visible(e)) continue;
              e.value = pick(['CosineAnnealingLR(opt, T_max=', 'optax.cosine_decay_schedule(0.1, 100)', '((((', 'CosineDecayRestarts(1, 10, t_mul=2)', 'x'], x);
              fire(e, 'input');
              document.querySelector('button[name=import]')?.click();
            }
            out.push(kind);
          }
          return out;
        },
        { seeds, typed: TYPED, skip: [...SKIP] },
      );
      for (const k of kinds) counts[k] = (counts[k] ?? 0) + 1;
      done += batch;
      // Let a frame pass so coalesced redraws actually run.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    }
  }
  return counts;
}

/** What the page shows that must never appear, and whether it still responds. */
export async function health(page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  const text = await page.evaluate(() => document.body.innerText);
  const bad = text.match(/\b(NaN|Infinity)\b/g) ?? [];
  const crashed = await page.locator('#crash').count();
  // Responds: a new t_max from the number box is written to the link and the chart is drawn again
  // to the end (when no phase is the cosine, those controls are off: adding a phase must do it).
  // Drawn, not "looks different": after a storm the horizon can be so long that any t_max the box
  // takes ends inside the chart's first pixel column.
  await page.evaluate(() => {
    document.querySelector('#crash')?.remove();
    for (const d of document.querySelectorAll('.link-notices button')) d.click();
  });
  const box = page.locator('input[type=number][name=t_max]');
  let responds = false;
  if (await box.count()) {
    const before = page.url();
    // Let the resize's own redraw pass first, so the mark below is the input's.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
    await page.evaluate(() => {
      window.__annealTiming = true;
      performance.clearMarks();
    });
    if (await box.isDisabled()) {
      await page.click('button.add-phase');
    } else {
      const now = Number(await box.inputValue());
      await box.fill(String(now === 40 ? 41 : 40));
      await box.dispatchEvent('change');
    }
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    // The address bar is written at most every 150 ms (src/ui/url.rs).
    const written = await page
      .waitForFunction((u) => location.href !== u, before, { timeout: 2000 })
      .then(() => true, () => false);
    responds = written && marks.includes('anneal-draw-end');
  }
  return { bad, crashed, responds };
}
