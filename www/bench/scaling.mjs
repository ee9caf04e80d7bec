// Benchmark: is the wasm analyzer linear in the length of the text? In Node, the same process:
// bench/articles.mjs's long article repeated 1, 10 and 100 times, analysed alternately (each
// size once a round, after warm-up calls), median time per size and its ratio to the 1× time.
// Issue 7's budget: 100× in at most 110× the 1× time. Not a test: it prints a markdown table.
//   node bench/scaling.mjs [rounds=15]

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { long } from './articles.mjs';
import { median } from './stats.mjs';

const rounds = Number(process.argv[2] ?? 15);
const glue = await import('../pkg/whosaid.js');
await glue.default({ module_or_path: readFileSync(new URL('../pkg/whosaid_bg.wasm', import.meta.url)) });

const sizes = [1, 10, 100];
const texts = sizes.map((n) => Array(n).fill(long).join('\n\n'));
for (const t of texts) for (let i = 0; i < 3; i++) glue.analyze(t); // warm-up (and tier-up)
const times = sizes.map(() => []);
for (let r = 0; r < rounds; r++) {
  texts.forEach((t, i) => {
    const t0 = performance.now();
    glue.analyze(t);
    times[i].push(performance.now() - t0);
  });
}
const base = median(times[0]);
console.log('| input | bytes (UTF-8) | median ms | ratio to 1× | MB/s |');
console.log('|---|---|---|---|---|');
texts.forEach((t, i) => {
  const m = median(times[i]);
  const bytes = Buffer.byteLength(t);
  console.log(`| ${sizes[i]}× | ${bytes} | ${m.toFixed(2)} | ${(m / base).toFixed(1)} | ${(bytes / 1e6 / (m / 1000)).toFixed(2)} |`);
});
