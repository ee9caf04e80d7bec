// Benchmark: whosaid's wasm in a web page, cold and warm, against compromise and wink-nlp in the
// same page, in Debian's Chromium (headless, through playwright-core; browser-test/browser.mjs).
// Not a test: it prints markdown tables. Run after scripts/build-wasm.sh and `npm ci` in www/:
//   node bench/peers-browser.mjs [rounds=30] [cold samples=11]
//
// www/ is served on 127.0.0.1 by browser-test/server.mjs. The page itself (an empty document
// sent with COOP/COEP headers, so that it is cross-origin isolated and performance.now() has
// its fine resolution) and the peers' files under node_modules/ (which that server refuses) are
// served through Playwright routes.
//
// Cold, per sample a new browser context (no cache, nothing compiled) and a fresh page load, the
// libraries taking turns, with a pause after each sample for the closed page to go away:
//   whosaid: import('/whosaid.js'), then ready() (fetch + compile + instantiate
//     /pkg/whosaid_bg.wasm), then the first analyze(articles.cold5000). The routes are removed
//     before the clock starts, so nothing of whosaid goes through Playwright.
//   compromise: import its browser build (builds/three/compromise-three.mjs, one ES module),
//     then the first nlp(cold5000) with quotations/people/organizations/places.
//   wink-nlp: CommonJS only, with no browser build in the package: the page fetches its files
//     and the web model's (JS and JSON) and runs them through a 20-line CommonJS shim below (no
//     bundler); then winkNLP(model), then the first readDoc + entities + sentences. Its files
//     come through the routes, so its cold time is indicative only.
// Beside each cold time, the time of a second call in the same page (not counted in cold).
// Warm, in one page holding the three libraries: warm-up calls, then `rounds` rounds alternating
// the libraries (order rotated each round), each call timed alone; median, spreads and the
// ratio peer median / whosaid median per article.

import { readFile, readdir } from 'node:fs/promises';
import { extname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch, openPage } from '../browser-test/browser.mjs';
import { start, stop } from '../browser-test/server.mjs';
import { articles, cold5000 } from './articles.mjs';
import { median, ms, ratio, spread, table } from './stats.mjs';

const rounds = Number(process.argv[2] ?? 30);
const coldSamples = Number(process.argv[3] ?? 11);
const WARMUP = 5;
if (!(rounds >= 1 && coldSamples >= 1)) {
  console.error('usage: node bench/peers-browser.mjs [rounds=30] [cold samples=11]');
  process.exit(2);
}
const LIBRARIES = ['whosaid', 'compromise', 'wink-nlp'];
const NODE_MODULES = fileURLToPath(new URL('../node_modules/', import.meta.url));
const PAGE = '/bench/peers-page.html';
/** The pause after each cold sample, in ms. */
const SETTLE_MS = 500;

/** Every file of wink-nlp and its web model, as paths under node_modules/, for the shim. */
async function winkFiles() {
  const files = [];
  for (const dir of ['wink-nlp/src', 'wink-eng-lite-web-model/dist']) {
    for (const entry of await readdir(NODE_MODULES + dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && ['.js', '.json'].includes(extname(entry.name))) {
        files.push(relative(NODE_MODULES, `${entry.parentPath ?? entry.path}/${entry.name}`).split('\\').join('/'));
      }
    }
  }
  return files.sort();
}

/** Serves the page (cross-origin isolated) and node_modules/ files to `context`'s pages. */
async function route(context, origin) {
  await context.route(`${origin}${PAGE}`, (r) =>
    r.fulfill({
      body: '<!doctype html><meta charset="utf-8"><title>whosaid peers benchmark</title>',
      contentType: 'text/html; charset=utf-8',
      headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
    }),
  );
  await context.route(`${origin}/node_modules/**`, async (r) => {
    const path = decodeURIComponent(new URL(r.request().url()).pathname).slice('/node_modules/'.length);
    if (path.split('/').includes('..')) return r.fulfill({ status: 403 });
    const type = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.json': 'application/json' }[extname(path)];
    try {
      await r.fulfill({ body: await readFile(NODE_MODULES + path), contentType: `${type ?? 'text/plain'}; charset=utf-8` });
    } catch {
      await r.fulfill({ status: 404, body: `not found: ${path}` });
    }
  });
}

/**
 * Runs in the page: loads the libraries named in `names` and times each step. Returns
 * {load: {name: {import, init}}, run} where `run` is not serialisable: use it inside the page only.
 * Defined here and sent to the page as source text (see PAGE_LIB).
 */
function pageLibrary() {
  /** A CommonJS loader for wink-nlp: fetch every file, then require() them from memory. */
  async function loadWink(files) {
    const sources = new Map(
      await Promise.all(files.map(async (f) => [f, await (await fetch(`/node_modules/${f}`)).text()])),
    );
    const modules = new Map();
    const resolve = (from, spec) => {
      if (spec === 'wink-nlp') return 'wink-nlp/src/wink-nlp.js';
      const parts = from.split('/').slice(0, -1);
      for (const p of spec.split('/')) {
        if (p === '..') parts.pop();
        else if (p !== '.') parts.push(p);
      }
      return parts.join('/');
    };
    const require = (path) => {
      if (modules.has(path)) return modules.get(path).exports;
      const source = sources.get(path);
      if (source === undefined) throw new Error(`wink shim: no file ${path}`);
      const module = { exports: {} };
      modules.set(path, module);
      if (path.endsWith('.json')) module.exports = JSON.parse(source);
      // eslint-disable-next-line no-new-func
      else new Function('require', 'module', 'exports', `${source}\n//# sourceURL=/node_modules/${path}`)((s) => require(resolve(path, s)), module, module.exports);
      return module.exports;
    };
    return { winkNLP: require('wink-nlp/src/wink-nlp.js'), model: require('wink-eng-lite-web-model/dist/model.js') };
  }

  /** Loads one library; returns its times (ms) and a function analysing a text. */
  async function load(name, winkFileList) {
    const t0 = performance.now();
    if (name === 'whosaid') {
      const { ready, analyze } = await import('/whosaid.js');
      const t1 = performance.now();
      await ready();
      const t2 = performance.now();
      return {
        import: t1 - t0,
        init: t2 - t1,
        run: async (text) => {
          const r = await analyze(text);
          return `${r.quotes.length} quotes, ${r.actors.length} actors`;
        },
      };
    }
    if (name === 'compromise') {
      const { default: nlp } = await import('/node_modules/compromise/builds/three/compromise-three.mjs');
      const t1 = performance.now();
      return {
        import: t1 - t0,
        init: 0,
        run: (text) => {
          const doc = nlp(text);
          const q = doc.quotations().out('array');
          const p = doc.people().out('array');
          const o = doc.organizations().out('array');
          const l = doc.places().out('array');
          return `${q.length} quotations, ${p.length} people, ${o.length} organizations, ${l.length} places`;
        },
      };
    }
    if (name === 'wink-nlp') {
      const { winkNLP, model } = await loadWink(winkFileList);
      const t1 = performance.now();
      const nlp = winkNLP(model);
      const t2 = performance.now();
      return {
        import: t1 - t0,
        init: t2 - t1,
        run: (text) => {
          const doc = nlp.readDoc(text);
          const e = doc.entities().out();
          const s = doc.sentences().out();
          return `${e.length} entities, ${s.length} sentences`;
        },
      };
    }
    throw new Error(`unknown library ${name}`);
  }
  return { load };
}
const PAGE_LIB = `(${pageLibrary.toString()})()`;

/** One cold sample of `name` in a new context: load + first call on cold5000, in ms. */
async function coldSample(browser, origin, name, files) {
  const { page, context, errors } = await openPage(browser);
  try {
    await route(context, origin);
    await page.goto(`${origin}${PAGE}`);
    if (name === 'whosaid') await context.unrouteAll(); // nothing of whosaid through Playwright
    const out = await page.evaluate(
      async ([lib, name, files, text]) => {
        const { load } = (0, eval)(lib);
        const loaded = await load(name, files);
        const t0 = performance.now();
        await loaded.run(text);
        const t1 = performance.now();
        await loaded.run(text); // not part of cold: how far the first call is from the next ones
        const second = performance.now() - t1;
        return { import: loaded.import, init: loaded.init, first: t1 - t0, second, isolated: crossOriginIsolated };
      },
      [PAGE_LIB, name, files, cold5000],
    );
    if (errors.length > 0) throw new Error(`errors in the page:\n${errors.join('\n')}`);
    return out;
  } finally {
    await context.close();
    // Let the closed context's renderer go away: on a small machine it would share the CPU
    // with the next sample.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }
}

// ---- the run ---------------------------------------------------------------------------------
const files = await winkFiles();
const version = async (pkg) => JSON.parse(await readFile(`${NODE_MODULES}${pkg}/package.json`, 'utf8')).version;
const origin = await start();
const browser = await launch();
try {
  // Warm: one page with the three libraries.
  const { page, context, errors } = await openPage(browser);
  await route(context, origin);
  await page.goto(`${origin}${PAGE}`);
  const warm = await page.evaluate(
    async ([lib, names, files, articles, rounds, warmup]) => {
      const { load } = (0, eval)(lib);
      const run = {};
      for (const name of names) run[name] = (await load(name, files)).run;
      const times = {};
      const outputs = {};
      for (const [article, text] of Object.entries(articles)) {
        for (const name of names) for (let i = 0; i < warmup; i++) await run[name](text);
        times[article] = Object.fromEntries(names.map((n) => [n, []]));
        for (let r = 0; r < rounds; r++) {
          for (let k = 0; k < names.length; k++) {
            const name = names[(r + k) % names.length];
            const t0 = performance.now();
            await run[name](text);
            times[article][name].push(performance.now() - t0);
          }
        }
        outputs[article] = {};
        for (const name of names) outputs[article][name] = await run[name](text);
      }
      const { version } = await import('/whosaid.js');
      return { times, outputs, isolated: crossOriginIsolated, version: version(), userAgent: navigator.userAgent };
    },
    [PAGE_LIB, LIBRARIES, files, articles, rounds, WARMUP],
  );
  if (errors.length > 0) throw new Error(`errors in the page:\n${errors.join('\n')}`);
  await context.close();

  // Cold: fresh contexts, the libraries taking turns.
  const cold = Object.fromEntries(LIBRARIES.map((n) => [n, []]));
  for (let i = 0; i < coldSamples; i++) {
    for (let k = 0; k < LIBRARIES.length; k++) {
      const name = LIBRARIES[(i + k) % LIBRARIES.length];
      cold[name].push(await coldSample(browser, origin, name, files));
    }
  }

  console.log('## whosaid vs compromise and wink-nlp, headless Chromium\n');
  console.log(
    `Chromium ${browser.version()} (Debian, headless), driven from Node ${process.version}; page cross-origin ` +
      `isolated: ${warm.isolated && cold.whosaid.every((s) => s.isolated) ? 'yes (fine timer)' : 'NO (timer coarsened to 0.1 ms)'}; ` +
      `whosaid ${warm.version} (wasm), compromise ${await version('compromise')} (builds/three/compromise-three.mjs), ` +
      `wink-nlp ${await version('wink-nlp')} + wink-eng-lite-web-model ${await version('wink-eng-lite-web-model')} ` +
      `(CommonJS, ${files.length} files loaded through this script's CommonJS shim: no ESM or browser build ships).`,
  );

  // cold table
  const totals = (name) => cold[name].map((s) => s.import + s.init + s.first);
  const wsReadyFirst = cold.whosaid.map((s) => s.init + s.first);
  console.log(
    `\n### Cold: a new browser context and page per sample, ${coldSamples} samples each; ` +
      `first call on cold5000 (${cold5000.length.toLocaleString('en')} characters)\n`,
  );
  console.log(
    'import: the module(s) fetched and evaluated (whosaid: whosaid.js + pkg/whosaid.js; compromise: its ' +
      'one-file build; wink-nlp: its files and model fetched and run through the shim). init: whosaid ' +
      'ready() = fetch + compile + instantiate the .wasm; wink-nlp: winkNLP(model).\n',
  );
  const coldBase = median(totals('whosaid'));
  console.log(
    table(
      ['library', 'import median ms', 'init median ms', 'first call median ms', 'total median ms', 'total min–max ms', 'ratio to whosaid', 'second call median ms (not in total)'],
      LIBRARIES.map((name) => [
        name,
        ms(median(cold[name].map((s) => s.import))),
        name === 'compromise' ? '—' : ms(median(cold[name].map((s) => s.init))),
        ms(median(cold[name].map((s) => s.first))),
        ms(median(totals(name))),
        spread(totals(name), 0, 1),
        name === 'whosaid' ? '1×' : ratio(median(totals(name)) / coldBase),
        ms(median(cold[name].map((s) => s.second))),
      ]),
    ),
  );
  const target = median(wsReadyFirst);
  console.log(
    `\nwhosaid cold start, ready() (fetch + compile + instantiate) + first analyze(cold5000): median ` +
      `${ms(target)} ms (min–max ${spread(wsReadyFirst, 0, 1)}); target ≤ 25 ms: ${target <= 25 ? 'met' : 'NOT met'}. ` +
      `With the import of the loader: median ${ms(coldBase)} ms.`,
  );

  // warm table
  console.log(
    `\n### Warm, in one page: ${WARMUP} warm-up calls per library and article, then ${rounds} rounds ` +
      'alternating the three libraries (order rotated each round); ms per call; ratio = peer median / whosaid median\n',
  );
  const rows = [];
  for (const [article, byLib] of Object.entries(warm.times)) {
    const base = median(byLib.whosaid);
    for (const name of LIBRARIES) {
      const m = median(byLib[name]);
      rows.push([
        name === 'whosaid' ? `${article} (${articles[article].length.toLocaleString('en')} chars)` : '',
        name,
        ms(m),
        spread(byLib[name], 0.1, 0.9),
        spread(byLib[name], 0, 1),
        name === 'whosaid' ? '1×' : ratio(m / base),
        warm.outputs[article][name],
      ]);
    }
  }
  console.log(table(['article', 'library', 'median ms', 'p10–p90 ms', 'min–max ms', 'ratio to whosaid', 'output'], rows));
  const longBytes = Buffer.byteLength(articles.long, 'utf8');
  const longMedian = median(warm.times.long.whosaid);
  console.log(
    `\nwhosaid throughput on long in the page: ${(longBytes / 1e6 / (longMedian / 1000)).toFixed(2)} MB/s ` +
      `(${longBytes.toLocaleString('en')} bytes of UTF-8, median ${ms(longMedian)} ms).`,
  );
} finally {
  await browser.close();
  await stop();
}
