// Benchmark: whosaid's wasm analyze() against two JS NLP libraries, on the same texts, in the
// same Node process. Not a test: it prints markdown tables. Run after scripts/build-wasm.sh and
// `npm ci` in www/:  node bench/peers.mjs [rounds=30] [cold samples=7]
//
// The peers do their nearest equivalent of what whosaid finds (quotations, speakers, actors):
//   compromise: nlp(text), then .quotations(), .people(), .organizations(), .places(), each
//     .out('array');
//   wink-nlp with wink-eng-lite-web-model (the small web model): readDoc(text), then
//     .entities().out() and .sentences().out().
// whosaid: analyze(text) from www/whosaid.js, after ready(the wasm's bytes).
//
// Warm: every library is loaded once, called a few times to warm up, then `rounds` rounds; each
// round calls the three libraries once on the article, in an order rotated every round, each
// call timed alone with performance.now(). Reported per article and library: the median, the
// p10–p90 and min–max spreads, and the ratio peer median / whosaid median.
// Cold: import (+ wasm compile and instantiation, or model load) + the first call on
// articles.cold5000, each sample in a fresh `node` child process (this file run with --cold
// LIBRARY), the libraries taking turns; Node's own start-up is not counted. The time of a second
// call in the same process is shown beside it (not counted).

import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

import { articles, cold5000 } from './articles.mjs';
import { median, ms, ratio, spread, table } from './stats.mjs';

const WASM = new URL('../pkg/whosaid_bg.wasm', import.meta.url);
const LIBRARIES = ['whosaid', 'compromise', 'wink-nlp'];

/**
 * Loads one library and returns a function running its analysis on a text. The function returns
 * a one-line summary of what the library found, to show what each output holds.
 * @param {string} name one of LIBRARIES
 * @returns {Promise<(text: string) => Promise<string> | string>}
 */
async function load(name) {
  if (name === 'whosaid') {
    const { ready, analyze } = await import('../whosaid.js');
    await ready(await readFile(WASM));
    return async (text) => {
      const r = await analyze(text);
      return `${r.quotes.length} quotes, ${r.quotes.filter((q) => q.speaker).length} with a speaker, ${r.actors.length} actors`;
    };
  }
  if (name === 'compromise') {
    const { default: nlp } = await import('compromise');
    return (text) => {
      const doc = nlp(text);
      const quotations = doc.quotations().out('array');
      const people = doc.people().out('array');
      const organizations = doc.organizations().out('array');
      const places = doc.places().out('array');
      return `${quotations.length} quotations, ${people.length} people, ${organizations.length} organizations, ${places.length} places`;
    };
  }
  if (name === 'wink-nlp') {
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    return (text) => {
      const doc = nlp.readDoc(text);
      const entities = doc.entities().out();
      const sentences = doc.sentences().out();
      return `${entities.length} entities, ${sentences.length} sentences`;
    };
  }
  throw new Error(`unknown library: ${name}`);
}

// ---- the child process of a cold sample: load, first call, print the times as JSON ----------
if (process.argv[2] === '--cold') {
  const name = process.argv[3];
  const t0 = performance.now();
  const run = await load(name);
  const t1 = performance.now();
  await run(cold5000);
  const t2 = performance.now();
  await run(cold5000); // not part of cold: shows how far the first call is from the next ones
  const t3 = performance.now();
  process.stdout.write(`${JSON.stringify({ load: t1 - t0, first: t2 - t1, second: t3 - t2 })}\n`);
  process.exit(0);
}

// ---- the run ---------------------------------------------------------------------------------
const rounds = Number(process.argv[2] ?? 30);
const coldSamples = Number(process.argv[3] ?? 7);
const WARMUP = 5;
if (!(rounds >= 1 && coldSamples >= 1)) {
  console.error('usage: node bench/peers.mjs [rounds=30] [cold samples=7]');
  process.exit(2);
}

const version = async (pkg) =>
  JSON.parse(await readFile(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')).version;
const run = {};
for (const name of LIBRARIES) run[name] = await load(name);
const { version: whosaidVersion } = await import('../whosaid.js');

console.log('## whosaid vs compromise and wink-nlp, Node\n');
console.log(
  `Node ${process.version}, ${os.cpus()[0].model}, ${os.cpus().length} cores (${os.platform()} ${os.arch()}); ` +
    `whosaid ${whosaidVersion()} (wasm), compromise ${await version('compromise')}, ` +
    `wink-nlp ${await version('wink-nlp')} + wink-eng-lite-web-model ${await version('wink-eng-lite-web-model')}.`,
);
console.log(
  `Warm: ${WARMUP} warm-up calls per library and article, then ${rounds} rounds alternating the three ` +
    'libraries (order rotated each round); times in ms per call. Ratio = peer median / whosaid median.\n',
);

const rows = [];
const outputs = [];
const warm = {}; // article -> library -> times
for (const [article, text] of Object.entries(articles)) {
  for (const name of LIBRARIES) for (let i = 0; i < WARMUP; i++) await run[name](text);
  const times = Object.fromEntries(LIBRARIES.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < LIBRARIES.length; k++) {
      const name = LIBRARIES[(r + k) % LIBRARIES.length];
      const t0 = performance.now();
      await run[name](text);
      times[name].push(performance.now() - t0);
    }
  }
  warm[article] = times;
  const base = median(times.whosaid);
  for (const name of LIBRARIES) {
    const m = median(times[name]);
    rows.push([
      name === 'whosaid' ? `${article} (${text.length.toLocaleString('en')} chars)` : '',
      name,
      ms(m),
      spread(times[name], 0.1, 0.9),
      spread(times[name], 0, 1),
      name === 'whosaid' ? '1×' : ratio(m / base),
    ]);
    outputs.push([name === 'whosaid' ? article : '', name, await run[name](text)]);
  }
}
console.log(table(['article', 'library', 'median ms', 'p10–p90 ms', 'min–max ms', 'ratio to whosaid'], rows));

const longBytes = Buffer.byteLength(articles.long, 'utf8');
const longMedian = median(warm.long.whosaid);
console.log(
  `\nwhosaid throughput on long (${articles.long.length.toLocaleString('en')} characters, ` +
    `${longBytes.toLocaleString('en')} bytes of UTF-8): ${(longBytes / 1e6 / (longMedian / 1000)).toFixed(2)} MB/s ` +
    `(median ${ms(longMedian)} ms).`,
);

console.log('\nWhat each call returned (the last call of each):\n');
console.log(table(['article', 'library', 'output'], outputs));

// ---- cold ------------------------------------------------------------------------------------
/** One cold sample: a fresh node process loading `name` and analysing cold5000 once. */
function coldSample(name) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--cold', name], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`cold sample of ${name} exited with ${code}`));
      else resolve(JSON.parse(out));
    });
  });
}
const cold = Object.fromEntries(LIBRARIES.map((n) => [n, []]));
for (let i = 0; i < coldSamples; i++) {
  for (let k = 0; k < LIBRARIES.length; k++) {
    const name = LIBRARIES[(i + k) % LIBRARIES.length];
    cold[name].push(await coldSample(name));
  }
}
console.log(
  `\n### Cold: load + first call on cold5000 (${cold5000.length.toLocaleString('en')} characters), ` +
    `a fresh node process per sample, ${coldSamples} samples each\n`,
);
console.log(
  'Load: import (whosaid: + read the .wasm, compile, instantiate through ready(); wink-nlp: + its model). ' +
    'Node start-up itself is not counted.\n',
);
const coldBase = median(cold.whosaid.map((s) => s.load + s.first));
console.log(
  table(
    ['library', 'load median ms', 'first call median ms', 'total median ms', 'total min–max ms', 'ratio to whosaid', 'second call median ms (not in total)'],
    LIBRARIES.map((name) => {
      const total = cold[name].map((s) => s.load + s.first);
      return [
        name,
        ms(median(cold[name].map((s) => s.load))),
        ms(median(cold[name].map((s) => s.first))),
        ms(median(total)),
        spread(total, 0, 1),
        name === 'whosaid' ? '1×' : ratio(median(total) / coldBase),
        ms(median(cold[name].map((s) => s.second))),
      ];
    }),
  ),
);

// ---- targets ---------------------------------------------------------------------------------
console.log('\n### Targets (warm medians, Node)\n');
const targetRows = [];
for (const [article, times] of Object.entries(warm)) {
  const base = median(times.whosaid);
  const wink = median(times['wink-nlp']) / base;
  const comp = median(times.compromise) / base;
  targetRows.push([
    article,
    `${ratio(wink)} ${wink >= 30 ? 'met' : 'NOT met'}`,
    `${ratio(comp)} ${comp >= 300 ? 'met' : 'NOT met'}`,
  ]);
}
console.log(table(['article', 'wink-nlp / whosaid (target ≥ 30×)', 'compromise / whosaid (target ≥ 300×)'], targetRows));
