// Benchmark: where whosaid's cold start goes in headless Chromium. Not a test: it prints a
// markdown table. Run after scripts/build-wasm.sh and `npm ci` in www/:
//   node bench/cold-split.mjs [samples=11] [V8 flags...]
//
// bench/peers-browser.mjs measures the cold start as the issue defines it (ready() + the first
// analyze of 5,000 characters). This one splits it, per sample in a new browser context and a
// fresh page (cross-origin isolated, for the fine timer):
//   import  the loader and the glue fetched and evaluated (not part of the cold start);
//   ready   the wasm fetched, compiled and instantiated;
//   tiny    a first analyze('Hi.'): the word lists' tables built, and every function the
//           analysis runs compiled on its first call (V8 compiles wasm lazily, function by
//           function, with its baseline compiler Liftoff);
//   first   then the first analyze of 5,000 characters (code compiled, not yet optimised);
//   second  and the second one.
// With V8 flags the same is measured under them, to see what the engine's compilers cost, e.g.
//   node bench/cold-split.mjs 11 --liftoff-only                 (never tier up to TurboFan)
//   node bench/cold-split.mjs 11 --no-wasm-lazy-compilation     (compile everything in ready)
// (pages cannot set these: they explain the default's numbers, they are no option for users).

import { launch, openPage } from '../browser-test/browser.mjs';
import { start, stop } from '../browser-test/server.mjs';
import { cold5000 } from './articles.mjs';
import { median, ms, spread, table } from './stats.mjs';

const samples = Number(process.argv[2] ?? 11);
const flags = process.argv.slice(3);
if (!(samples >= 1)) {
  console.error('usage: node bench/cold-split.mjs [samples=11] [V8 flags...]');
  process.exit(2);
}
const PAGE = '/bench/cold-page.html';
const STEPS = ['import', 'ready', 'tiny', 'first', 'second'];

const origin = await start();
const browser = await launch(flags.length > 0 ? [`--js-flags=${flags.join(' ')}`] : []);
const version = browser.version();
const rows = [];
try {
  for (let i = 0; i < samples; i++) {
    const { page, context, errors } = await openPage(browser);
    await context.route(`${origin}${PAGE}`, (r) =>
      r.fulfill({
        body: '<!doctype html><meta charset="utf-8"><title>whosaid cold start</title>',
        contentType: 'text/html; charset=utf-8',
        headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
      }),
    );
    await page.goto(`${origin}${PAGE}`);
    await context.unrouteAll(); // nothing of whosaid goes through Playwright
    rows.push(
      await page.evaluate(async (text) => {
        const t = [performance.now()];
        const { ready, analyze } = await import('/whosaid.js');
        t.push(performance.now());
        await ready();
        t.push(performance.now());
        await analyze('Hi.');
        t.push(performance.now());
        await analyze(text);
        t.push(performance.now());
        await analyze(text);
        t.push(performance.now());
        if (!crossOriginIsolated) throw new Error('the page is not cross-origin isolated (coarse timer)');
        return t.slice(1).map((x, k) => x - t[k]);
      }, cold5000),
    );
    if (errors.length > 0) throw new Error(`errors in the page:\n${errors.join('\n')}`);
    await context.close();
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the closed page go away
  }
} finally {
  await browser.close();
  await stop();
}
console.log(
  `## whosaid's cold start split, headless Chromium ${version}, ${samples} samples` +
    `${flags.length > 0 ? `, V8 flags: ${flags.join(' ')}` : ', default V8'}\n`,
);
console.log(
  table(
    ['step', 'median ms', 'min–max ms'],
    STEPS.map((step, k) => [step, ms(median(rows.map((r) => r[k]))), spread(rows.map((r) => r[k]), 0, 1)]),
  ),
);
const cold = rows.map((r) => r[1] + r[2] + r[3]);
console.log(`\nready + tiny + first (the cold start with a warm-up call before it): median ${ms(median(cold))} ms.`);
