// Size report, printed by scripts/build-wasm.sh after the build: what a page downloads to
// highlight (wasm, wasm-bindgen glue, loader, highlight.min.js, and article.min.js, the article
// finder with Readability, which loads only when no root is given), raw, gzip -9 and brotli
// (max quality), against the 175 KB gzipped budget (165 KB until issue 16, whose seeded hash
// for the tables, foldhash and a call to crypto.getRandomValues, cost 5 KB; 170 KB until
// issue 17's speaker rules and function-word list, 5 KB more, to be won back; the analyzer's
// own 150 KB is kept by
// scripts/build-wasm.sh); the extension's zip; the offline demo; what each
// word list costs inside the wasm (gzipped alone); and, when twiggy is installed
// (`cargo install twiggy`), the largest functions of the wasm before wasm-opt (it keeps the
// names). Exits 1 when the download is over budget.
//   node scripts/size-report.mjs

import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET = 175 * 1024;

const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const row = (cells) => `| ${cells.join(' | ')} |`;

const download = [
  ['www/pkg/whosaid_bg.wasm', 'the analyzer (WebAssembly)'],
  ['www/pkg/whosaid.min.js', 'wasm-bindgen glue, minified'],
  ['www/whosaid.min.js', 'loader, minified'],
  ['www/highlight.min.js', 'in-page highlighting, minified (its CSS is inside)'],
  ['www/article.min.js', 'the article finder with @mozilla/readability, minified (no root given)'],
];
console.log('\nWhat a page downloads to highlight:\n');
console.log(row(['file', 'what', 'raw', 'gzip -9', 'brotli']));
console.log(row(['---', '---', '---', '---', '---']));
const total = { raw: 0, gz: 0, br: 0 };
for (const [file, what] of download) {
  const bytes = readFileSync(join(ROOT, file));
  const sizes = { raw: bytes.length, gz: gz(bytes), br: br(bytes) };
  for (const k of Object.keys(total)) total[k] += sizes[k];
  console.log(row([file, what, sizes.raw, `${sizes.gz} (${kb(sizes.gz)})`, sizes.br]));
}
console.log(row(['**total**', '', total.raw, `**${total.gz} (${kb(total.gz)})**`, total.br]));
const source = readFileSync(join(ROOT, 'www/highlight.js'));
console.log(`(www/highlight.js, the source with its comments: ${source.length} raw, ${gz(source)} gzipped (${kb(gz(source))}))`);
console.log(`\nbudget: ${kb(BUDGET)} gzipped: ${total.gz <= BUDGET ? 'within' : 'OVER'}`);

for (const [file, what] of [
  ['www/dist/whosaid-chromium.zip', 'the extension (zip)'],
  ['www/dist/whosaid-demo.html', 'the offline demo (one file)'],
]) {
  const path = join(ROOT, file);
  if (existsSync(path)) {
    const bytes = readFileSync(path);
    const packed = file.endsWith('.zip') ? '' : `, ${kb(gz(bytes))} gzipped`;
    console.log(`${what}: ${file}, ${kb(bytes.length)}${packed}`);
  }
}

// The word lists as they are embedded (prepared by build.rs into the wasm build's OUT_DIR).
const build = join(ROOT, 'target/wasm32-unknown-unknown/wasm/build');
const outs = existsSync(build)
  ? readdirSync(build)
      .filter((d) => d.startsWith('whosaid-') && existsSync(join(build, d, 'out')))
      .map((d) => join(build, d, 'out'))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  : [];
if (outs.length > 0) {
  const lists = readdirSync(outs[0])
    .filter((f) => f.endsWith('.prep'))
    .map((f) => {
      const bytes = readFileSync(join(outs[0], f));
      return [f.replace(/\.prep$/, ''), bytes.length, gz(bytes)];
    })
    .sort((a, b) => b[2] - a[2]);
  const sum = lists.reduce((s, l) => s + l[2], 0);
  console.log(`\nWord lists inside the wasm (each gzipped alone; ${kb(sum)} together):`);
  console.log(lists.map(([n, raw, z]) => `${n} ${kb(z)} (${raw} B raw)`).join(', '));
}

const named = join(ROOT, 'target/wasm32-unknown-unknown/wasm/whosaid.wasm');
try {
  const top = execFileSync('twiggy', ['top', '-n', '15', named], { encoding: 'utf8' });
  console.log('\nLargest items of the wasm before wasm-opt (twiggy top; names and custom sections are stripped later):\n');
  console.log(top.trimEnd());
} catch {
  console.log('\n(twiggy not installed: `cargo install twiggy` lists what the wasm bytes are spent on)');
}

if (total.gz > BUDGET) {
  console.error(`error: the download is ${kb(total.gz)} gzipped, over its ${kb(BUDGET)} budget`);
  process.exit(1);
}
