// Shared set-up of the browser tests: launches Debian's Chromium through playwright-core (never a
// downloaded browser), opens pages that record console errors and uncaught page errors, and
// takes screenshots into browser-test/screenshots/ (git-ignored).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { start, stop } from './server.mjs';

/** The browser: Debian's package (scripts/lib.sh's ensure_chromium installs it). */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Fails with a hint when the wasm package or highlight.js (what the tests load) is missing. */
export function assertBuilt() {
  for (const [file, hint] of [
    ['../pkg/whosaid_bg.wasm', 'build it with: bash scripts/build-wasm.sh'],
    ['../highlight.js', 'the module under test'],
    ...(process.env.WHOSAID_HIGHLIGHT === 'min'
      ? [['../highlight.min.js', 'build it with: bash scripts/build-wasm.sh (node scripts/minify.mjs)']]
      : []),
  ]) {
    const path = fileURLToPath(new URL(file, import.meta.url));
    assert.ok(existsSync(path), `${path} is missing (${hint})`);
  }
}

/**
 * Launches Chromium (a fresh profile each time).
 * @param {string[]} [extraArgs] more command-line switches (the benchmarks pass V8 flags)
 */
export async function launch(extraArgs = []) {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium (or bash scripts/setup.sh)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, ...extraArgs] });
}

/**
 * A new page in its own context; `errors` collects every console error and uncaught exception,
 * for the test to assert it stays empty.
 */
export async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()} (${m.location().url || 'no url'})`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.stack ?? e.message}`));
  return { page, context, errors };
}

/**
 * Saves a screenshot of `page` as browser-test/screenshots/NAME.png. The caret is left alone:
 * hiding it (Playwright's default) writes style="" on text areas, which changes the page.
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  const dir = fileURLToPath(new URL('./screenshots/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}${name}.png`, fullPage, caret: 'initial' });
}

/**
 * For a test file: before its tests, checks the build, starts the test server and launches
 * Chromium; after them, closes both. Returns an object whose `browser` and `origin` are set
 * once the tests run.
 * @returns {{browser: import('playwright-core').Browser | null, origin: string | null}}
 */
export function useBrowser() {
  const env = { browser: null, origin: null };
  before(async () => {
    assertBuilt();
    env.origin = await start();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await stop();
  });
  return env;
}
