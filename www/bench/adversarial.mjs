// Benchmark: issue 16's comparisons in the WebAssembly build, in Node: each shape of the sweep
// at 1x and 4x its size, `"x" ` side by side at 2 MB against ordinary text, and names chosen to
// collide under FNV against random names of the same shape. The texts come from the native
// benchmark, which generates them (`cargo bench --bench adversarial -- dump FILE [big]`);
// both texts of a pair are analysed alternately, best of `runs` each, and their ratio printed
// (budget: 4.5 for 4x the input; 2 for the hostile/plain pairs). Not a test: a markdown table.
//   node bench/adversarial.mjs FILE [runs=3]

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [file, runsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/adversarial.mjs FILE [runs]   (FILE from `cargo bench --bench adversarial -- dump FILE`)');
  process.exit(2);
}
const runs = Number(runsArg ?? 3);
const glue = await import('../pkg/whosaid.js');
await glue.default({ module_or_path: readFileSync(new URL('../pkg/whosaid_bg.wasm', import.meta.url)) });

const groups = new Map();
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line) continue;
  const { group, role, text } = JSON.parse(line);
  if (!groups.has(group)) groups.set(group, []);
  groups.get(group).push({ role, text });
}

glue.analyze('Warm-up: "the word lists are read once," she said.');
const time = (text) => {
  const t0 = performance.now();
  glue.analyze(text);
  return performance.now() - t0;
};
const utf8 = (text) => Buffer.byteLength(text);

console.log('| comparison | first | ms | second | ms | ratio | JSON / input |');
console.log('|---|---|---|---|---|---|---|');
let worst = { ratio: 0, name: '' };
for (const [name, [a, b]] of groups) {
  // first the 1x (or plain) text, second the 4x (or hostile) one: the ratio is second / first
  const [first, second] = a.role === '1x' || a.role === 'plain' ? [a, b] : [b, a];
  const best = [Infinity, Infinity];
  for (let r = 0; r < runs; r++) {
    best[0] = Math.min(best[0], time(first.text));
    best[1] = Math.min(best[1], time(second.text));
  }
  const json = JSON.stringify(glue.analyze(second.text)).length;
  const ratio = best[1] / best[0];
  if (ratio > worst.ratio) worst = { ratio, name };
  console.log(
    `| ${name} | ${first.role} ${utf8(first.text)} B | ${best[0].toFixed(1)} | ${second.role} ${utf8(second.text)} B | ` +
      `${best[1].toFixed(1)} | ${ratio.toFixed(2)} | ${(json / second.text.length).toFixed(1)} |`,
  );
}
console.log(`\nworst ratio: ${worst.ratio.toFixed(2)} (${worst.name})`);
