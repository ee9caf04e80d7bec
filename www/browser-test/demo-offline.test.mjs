// Browser test of the offline demo, www/dist/whosaid-demo.html (one file, built by
// scripts/build-demo.mjs, which scripts/build-wasm.sh runs): opened from file:// with every
// non-file request blocked, it must analyse its sample article by itself, highlight it and fill
// the who-said-what table, with no console error or page error.
// Screenshot: browser-test/screenshots/demo-offline.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { launch, openPage, screenshot } from './browser.mjs';

const DEMO = fileURLToPath(new URL('../dist/whosaid-demo.html', import.meta.url));

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('the offline demo analyses and highlights from file:// with the network blocked', { timeout: 120_000 }, async () => {
  assert.ok(existsSync(DEMO), `${DEMO} is missing: build it with bash scripts/build-wasm.sh (it runs scripts/build-demo.mjs)`);
  const { page, context, errors } = await openPage(browser);
  try {
    const blocked = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(DEMO).href);
    await page.waitForFunction(() => document.querySelector('#status')?.textContent.includes('analysed'), null, { timeout: 60_000 })
      .catch((e) => {
        throw new Error(`#status never said "analysed" (errors: ${JSON.stringify(errors)}, blocked: ${JSON.stringify(blocked)})`, { cause: e });
      });
    const state = await page.evaluate(() => {
      const table = document.querySelector('#who-said-what');
      return {
        highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('whosaid-')),
        rows: table ? [...table.querySelectorAll('tr')].filter((tr) => tr.querySelector('td')).length : -1,
      };
    });
    assert.ok(state.highlights.length > 0, 'CSS.highlights has a whosaid- entry');
    assert.ok(state.rows >= 0, 'the page has a #who-said-what table');
    assert.ok(state.rows >= 3, `#who-said-what has at least 3 rows (it has ${state.rows})`);
    await screenshot(page, 'demo-offline');
    assert.deepEqual(errors, [], 'no console error or page error');
    assert.deepEqual(blocked, [], 'no request other than file:// was made');
  } finally {
    await context.close();
  }
});
