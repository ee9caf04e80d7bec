// Benchmark: the wasm analyzer's memory for a 1 MB and a 10 MB input, in Node. Not a test: it
// prints a markdown table. Run after scripts/build-wasm.sh:  node bench/memory.mjs
//
// Each size runs in a fresh `node` child process (this file with --one BYTES), since a wasm
// memory only grows: its size after the analysis is the analyzer's peak (its heap, the text
// copied in, the result built). Also shown: the growth of the process's resident memory over the
// call (which includes the JS result objects) and the time. The input is bench/articles.mjs's
// long article repeated to the size, in UTF-8 bytes.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { long } from './articles.mjs';

const MB = 1024 * 1024;

/** `long` repeated to about `bytes` bytes of UTF-8. */
function text(bytes) {
  const unit = `${long}\n\n`;
  const copies = Math.ceil(bytes / Buffer.byteLength(unit));
  return unit.repeat(copies);
}

async function one(bytes) {
  const glue = await import('../pkg/whosaid.js');
  const wasm = await glue.default({ module_or_path: readFileSync(new URL('../pkg/whosaid_bg.wasm', import.meta.url)) });
  glue.analyze('Warm-up: "the word lists are read once," she said.');
  const input = text(bytes);
  const before = { memory: wasm.memory.buffer.byteLength, rss: process.memoryUsage().rss };
  const t0 = performance.now();
  const result = glue.analyze(input);
  const ms = performance.now() - t0;
  const after = { memory: wasm.memory.buffer.byteLength, rss: process.memoryUsage().rss };
  return {
    input: Buffer.byteLength(input),
    quotes: result.quotes.length,
    memoryBefore: before.memory,
    memory: after.memory,
    rssGrowth: after.rss - before.rss,
    ms,
  };
}

const arg = process.argv.indexOf('--one');
if (arg >= 0) {
  console.log(JSON.stringify(await one(Number(process.argv[arg + 1]))));
} else {
  const self = fileURLToPath(import.meta.url);
  console.log('| input (UTF-8) | wasm memory after | × input | process RSS growth | × input | time | quotes |');
  console.log('|---|---|---|---|---|---|---|');
  for (const size of [1 * MB, 10 * MB]) {
    const run = spawnSync(process.execPath, [self, '--one', String(size)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`child failed: ${run.stderr}`);
    const r = JSON.parse(run.stdout);
    const mb = (n) => `${(n / MB).toFixed(1)} MB`;
    console.log(
      `| ${mb(r.input)} | ${mb(r.memory)} (from ${mb(r.memoryBefore)}) | ${(r.memory / r.input).toFixed(1)} | ${mb(r.rssGrowth)} | ${(r.rssGrowth / r.input).toFixed(1)} | ${(r.ms / 1000).toFixed(2)} s | ${r.quotes} |`,
    );
  }
}
