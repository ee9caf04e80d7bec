// Benchmark: the time from highlight() to highlights shown, on a news page of about 10,000
// words, in Debian's Chromium (headless, through playwright-core). Not a test: it prints
// figures. Run after scripts/build-wasm.sh:  node bench/highlight-page.mjs [runs]
//
// Each run: highlight() on the article, then the next animation frame and its task (the
// highlights painted),
// then clear(). The first run includes instantiating the wasm (cold); the rest are warm.
// Baseline, in the same page and the same loop: analyze() alone on the same text, so that the
// report gives highlighting's cost as a ratio to the analysis itself.

import { launch, openPage } from '../browser-test/browser.mjs';
import { longPage } from '../browser-test/long-page.mjs';
import { start, stop } from '../browser-test/server.mjs';

const runs = Number(process.argv[2] ?? 21);
const origin = await start();
const browser = await launch();
try {
  const { page } = await openPage(browser);
  // About 10,000 words: grow the generated article until it holds that many.
  let paragraphs = 300;
  let html = longPage(paragraphs);
  const words = (h) => h.replace(/<[^>]*>/g, ' ').split(/\s+/).filter((w) => /\w/.test(w)).length;
  while (words(html) < 10000) html = longPage((paragraphs += 25));
  await page.route(`${origin}/bench/page.html`, (r) => r.fulfill({ body: html, contentType: 'text/html' }));
  await page.goto(`${origin}/bench/page.html`);
  const out = await page.evaluate(async (runs) => {
    const { highlight } = await import('/highlight.js');
    const { analyze } = await import('/whosaid.js');
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
    // after the next paint: the frame that draws the highlights, then its task
    const painted = async () => {
      await frame();
      await new Promise((r) => setTimeout(r, 0));
    };
    const shown = [];
    const analysed = [];
    let text = '';
    let quotes = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const h = await highlight();
      await painted();
      shown.push(performance.now() - t0);
      text = h.text;
      quotes = h.quotes.length;
      h.clear();
      await frame();
      const t1 = performance.now();
      await analyze(text);
      analysed.push(performance.now() - t1);
    }
    return { shown, analysed, chars: text.length, words: text.split(/\s+/).filter(Boolean).length, quotes };
  }, runs);
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[s.length >> 1];
  };
  const warm = out.shown.slice(1);
  const spread = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
  console.log(`page: ${out.words} words, ${out.chars} characters, ${out.quotes} quotations, ${paragraphs} paragraphs`);
  console.log(`highlight() to highlights shown: cold ${out.shown[0].toFixed(1)} ms (incl. wasm instantiation); warm median ${median(warm).toFixed(1)} ms (range ${spread(warm)}) over ${warm.length} runs`);
  console.log(`baseline analyze() alone on the same text: median ${median(out.analysed).toFixed(1)} ms; highlighting / analysis = ${(median(warm) / median(out.analysed)).toFixed(2)}`);
} finally {
  await browser.close();
  await stop();
}
