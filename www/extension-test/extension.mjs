// Shared set-up of the extension tests: where the built extension is, a persistent Chromium
// profile (Debian's chromium through playwright-core, headless) with the test variant of the
// extension loaded, its service worker and id, pages that record console errors and uncaught
// page errors, and screenshots into extension-test/screenshots/ (git-ignored).
// The extension is built by `node scripts/build-extension.mjs` (bash scripts/build-wasm.sh runs
// it); WHOSAID_DIST=DIR points the tests at another build's dist/ folder.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { CHROMIUM } from '../browser-test/browser.mjs';

/** www/dist/: the build's output folder. */
export const DIST = process.env.WHOSAID_DIST
  ? resolve(process.env.WHOSAID_DIST)
  : fileURLToPath(new URL('../dist/', import.meta.url));
/** The extension as shipped (no host permission). */
export const SHIPPED = join(DIST, 'extension', 'chromium');
/** The same with host access to http://127.0.0.1, so that tests can act without a user gesture. */
export const TESTED = join(DIST, 'extension', 'chromium-test');
/** The Firefox variant (checked by `npm run lint:extension`). */
export const FIREFOX = join(DIST, 'extension', 'firefox');
/** The zip of SHIPPED, for the store. */
export const ZIP = join(DIST, 'whosaid-chromium.zip');

/** Fails with the command that builds the extension if `path` is missing. */
export function assertBuilt(path) {
  assert.ok(existsSync(path), `${path} is missing: build the extension with node scripts/build-extension.mjs ` +
    '(bash scripts/build-wasm.sh builds the wasm and then runs it)');
}

/**
 * Launches Chromium with a fresh profile and the extension at `dir` (unpacked) loaded, and waits
 * for its service worker. Resolves to the context, the worker (`Worker`, evaluate() runs in the
 * service worker's global scope), the extension's id, the console errors of the worker, and
 * close() (which also removes the profile). `also`: more unpacked extensions to load (another
 * extension, for the security tests); `args`: more Chromium switches.
 */
export async function launchExtension(dir = TESTED, { also = [], args = [] } = {}) {
  assertBuilt(join(dir, 'manifest.json'));
  const dirs = [dir, ...also].join(',');
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium (or bash scripts/setup.sh)`);
  const profile = mkdtempSync(join(tmpdir(), 'whosaid-extension-test-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...args,
    ],
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    // (whosaid's worker is background.js; another extension loaded with it has its own)
    const isOurs = (w) => w.url().startsWith('chrome-extension://') && new URL(w.url()).pathname === '/background.js';
    const worker = context.serviceWorkers().find(isOurs) ??
      await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }).catch((e) => {
        throw new Error(`the extension's service worker never started (is ${dir}/manifest.json valid?)`, { cause: e });
      });
    const id = new URL(worker.url()).host;
    const workerErrors = [];
    worker.on('console', (m) => {
      if (m.type() === 'error') workerErrors.push(`service worker console error: ${m.text()}`);
    });
    // The worker's module may still be evaluating when its target appears: poll for a while.
    const exposed = () => typeof globalThis.whosaid?.toggle === 'function' && typeof globalThis.whosaid?.state === 'function';
    let ok = false;
    for (const deadline = Date.now() + 10_000; !ok && Date.now() < deadline;) {
      ok = await worker.evaluate(exposed);
      if (!ok) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(ok, 'the service worker exposes globalThis.whosaid = {toggle(tabId), state(tabId)}');
    return { context, worker, id, workerErrors, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * A new tab in `context`; `errors` collects every console error and uncaught exception, for the
 * test to assert it stays empty.
 */
export async function openPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()} (${m.location().url || 'no url'})`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.stack ?? e.message}`));
  return { page, errors };
}

/** Saves a screenshot of `page` as extension-test/screenshots/NAME.png. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  const dir = fileURLToPath(new URL('./screenshots/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}${name}.png`, fullPage, caret: 'initial' });
}
