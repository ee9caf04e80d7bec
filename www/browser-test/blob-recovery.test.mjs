// Browser test: the loader recovers from a wasm trap when its modules are blob: URLs, as in the
// offline demo. scripts/build-demo.mjs carries every module in the HTML file and turns each into a
// blob: module, pointing the quoted import specifiers at the blob URLs; this test builds the
// loader and its glue the same way in a page of the test server, makes the live instance trap
// for real (its memory grown to the engine's maximum from JS, so the analyzer's next allocation
// fails and Rust aborts: a WebAssembly.RuntimeError) and checks that the call rejects with
// TrapError and the next one runs on a fresh instance, with the same result as before the trap.
// (Before the fix, the fresh copy of the glue was imported by a relative URL that a blob: module
// cannot resolve, and the demo needed a reload after a trap.)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openPage, useBrowser } from './browser.mjs';

const PAGE = '/browser-test/blob-recovery.html';
const env = useBrowser();

test('a trap is recovered without a reload when the modules are blob: URLs', { timeout: 120_000 }, async () => {
  const { page, context, errors } = await openPage(env.browser);
  try {
    await context.route(`${env.origin}${PAGE}`, (r) =>
      r.fulfill({ body: '<!doctype html><meta charset="utf-8"><title>blob: modules</title>', contentType: 'text/html; charset=utf-8' }),
    );
    await page.goto(`${env.origin}${PAGE}`);
    const out = await page.evaluate(async () => {
      const source = async (path) => (await fetch(path)).text();
      const blob = (src) => URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
      // as scripts/build-demo.mjs points a module's imports at the blob URLs
      const point = (src, from, to) => src.split(`'${from}'`).join(JSON.stringify(to));
      const glue = blob(await source('/pkg/whosaid.js'));
      const loader = blob(point(await source('/whosaid.js'), './pkg/whosaid.js', glue));
      const { ready, analyze, TrapError, instanceCount } = await import(loader);
      await ready(await (await fetch('/pkg/whosaid_bg.wasm')).arrayBuffer());
      const text = 'Mayor Ana Ruiz opened the bridge. "We kept our promise," she said.';
      const first = JSON.stringify(await analyze(text));
      // the live instance's exports, through the same module record as the loader's glue
      const { memory } = (await import(glue)).initSync();
      for (let step = 65536; step >= 1; ) {
        try {
          memory.grow(step);
        } catch {
          step = Math.floor(step / 2);
        }
      }
      let trap = null;
      try {
        await analyze(text + ' '.repeat(8 * 1024 * 1024));
      } catch (e) {
        trap = e;
      }
      const again = JSON.stringify(await analyze(text));
      return {
        trapped: trap instanceof TrapError,
        cause: trap?.cause?.constructor?.name ?? String(trap),
        same: again === first,
        instances: instanceCount(),
      };
    });
    assert.ok(out.trapped, `the call on the exhausted instance rejects with TrapError (cause: ${out.cause})`);
    assert.equal(out.cause, 'RuntimeError');
    assert.equal(out.instances, 2, 'a second instance was made');
    assert.ok(out.same, 'the fresh instance gives the result the first one gave');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
