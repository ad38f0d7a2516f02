// Launches Debian's Chromium headless with the flags that work as root on a closed network,
// and sets up each test file: dist/ served on loopback, one browser.
import { after, before } from 'node:test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { serveDist } from './serve.mjs';

/** The repository root. */
export const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The browser every suite uses. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: FLAGS,
  });
}

/** Opens a page that records console errors and uncaught page errors. */
export async function openPage(browser, url, viewport = { width: 1280, height: 800 }, colorScheme = 'light') {
  const page = await browser.newPage({ viewport, colorScheme });
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  await page.goto(url);
  await waitForChart(page);
  guardFloatNoise(page);
  return { page, errors };
}

/** Float noise a person would not write: 2.9999999999999997e-5, 0.010000000000000002. */
export const FLOAT_NOISE = /\d\.\d*(?:0{6,}|9{6,})\d/;

/** Every test's last page state is read before the page closes: no visible text shows float noise. */
function guardFloatNoise(page) {
  const close = page.close.bind(page);
  page.close = async (...args) => {
    const text = page.isClosed() ? '' : await page.evaluate(() => document.body.innerText).catch(() => '');
    const noise = text.match(FLOAT_NOISE);
    await close(...args);
    if (noise) throw new Error(`float noise on screen: "${noise[0]}" in …${text.slice(Math.max(0, noise.index - 60), noise.index + 40)}…`);
  };
}

/** Waits until the chart canvas holds drawn (opaque, non-white) pixels. */
export async function waitForChart(page) {
  await page.waitForFunction(() => {
    const c = document.querySelector('canvas.chart');
    if (!c) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] === 255 && (d[i] !== 255 || d[i + 1] !== 255 || d[i + 2] !== 255)) return true;
    }
    return false;
  });
}

/** The chart's pixels as a data URL, to compare before and after an input. */
export function chartPixels(page) {
  return page.$eval('canvas.chart', (c) => c.toDataURL());
}

/** Waits for two animation frames, so a coalesced redraw has happened. */
export function nextFrames(page) {
  return page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

/** Serves dist/ and launches Chromium for the test file; `ctx.server` and `ctx.browser` are set inside tests. */
export function suite() {
  const ctx = {};
  before(async () => {
    ctx.server = await serveDist(process.env.DIST ?? join(repo, 'dist'));
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/** How many canvas pixels are close to the colour (r, g, b). */
export function pixelsOfColour(page, [r, g, b]) {
  return page.$eval(
    'canvas.chart',
    (c, [r, g, b]) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - r) < 12 && Math.abs(d[i + 1] - g) < 12 && Math.abs(d[i + 2] - b) < 12) n += 1;
      }
      return n;
    },
    [r, g, b],
  );
}

/** Waits until the address bar's query has `key` = `value` (a burst of changes is written when it pauses). */
export function linkWritten(page, key, value) {
  return page.waitForFunction(([k, v]) => new URLSearchParams(location.search).get(k) === v, [key, value]);
}
