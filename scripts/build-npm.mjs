// Builds the npm package `whosaid` from www/ and packs it (issue 19):
//   target/npm/whosaid/         the package folder (what `npm pack` packs)
//   target/npm/whosaid-V.tgz    the tarball, for `npm install path/to/whosaid-V.tgz` or publishing
// The package is the browser side as www/ serves it, sources with their comments (an app's
// bundler minifies; a page without a bundler can use them as they are):
//   .            whosaid.js: ready, analyze, version (and the error classes), whosaid.d.ts
//   ./highlight  highlight.js (in-page highlighting; article.js and Readability load on demand)
//   ./worker     worker.js: the same analyze in a Web Worker (worker-thread.js is its script)
//   pkg/         the wasm-bindgen glue and the wasm, found with new URL(..., import.meta.url)
// Run by scripts/build-wasm.sh after the wasm build and minify.mjs (which writes www/vendor/).
//   node scripts/build-npm.mjs

import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'target/npm');
const PKG = join(OUT, 'whosaid');
const version = /^version = "([^"]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))?.[1];
if (!version) throw new Error('build-npm: no version in Cargo.toml');

/** The package's files: [source under the root, path in the package]. */
const FILES = [
  ['www/whosaid.js', 'whosaid.js'],
  ['www/whosaid.d.ts', 'whosaid.d.ts'],
  ['www/highlight.js', 'highlight.js'],
  ['www/highlight.d.ts', 'highlight.d.ts'],
  ['www/article.js', 'article.js'],
  ['www/vendor/readability.js', 'vendor/readability.js'],
  ['www/worker.js', 'worker.js'],
  ['www/worker.d.ts', 'worker.d.ts'],
  ['www/worker-thread.js', 'worker-thread.js'],
  ['www/pkg/whosaid.js', 'pkg/whosaid.js'],
  ['www/pkg/whosaid.d.ts', 'pkg/whosaid.d.ts'],
  ['www/pkg/whosaid_bg.wasm', 'pkg/whosaid_bg.wasm'],
  ['www/npm/README.md', 'README.md'],
  ['LICENSE-MIT', 'LICENSE-MIT'],
  ['LICENSE-APACHE', 'LICENSE-APACHE'],
];

const manifest = {
  name: 'whosaid',
  version,
  description: 'Who said what, in the browser: quotations, their speakers and cues, and the people, organisations and places of English news text (Rust compiled to WebAssembly).',
  license: 'MIT OR Apache-2.0',
  type: 'module',
  exports: {
    '.': { types: './whosaid.d.ts', default: './whosaid.js' },
    './highlight': { types: './highlight.d.ts', default: './highlight.js' },
    './worker': { types: './worker.d.ts', default: './worker.js' },
    './worker-thread': './worker-thread.js',
    './whosaid_bg.wasm': './pkg/whosaid_bg.wasm',
    './package.json': './package.json',
  },
  main: './whosaid.js',
  types: './whosaid.d.ts',
  files: [...new Set(FILES.map(([, to]) => to.split('/')[0]).filter((f) => f !== 'README.md'))],
  // importing any module has no effect but its exports; the worker's script is run, not imported
  sideEffects: ['./worker-thread.js'],
  keywords: ['quotations', 'quotes', 'attribution', 'speaker', 'named entities', 'news', 'nlp', 'webassembly', 'wasm'],
  engines: { node: '>=20' },
};

rmSync(OUT, { recursive: true, force: true });
for (const [from, to] of FILES) {
  mkdirSync(dirname(join(PKG, to)), { recursive: true });
  copyFileSync(join(ROOT, from), join(PKG, to));
}
writeFileSync(join(PKG, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const out = execFileSync('npm', ['pack', '--json', '--pack-destination', OUT], { cwd: PKG, encoding: 'utf8' });
const [packed] = JSON.parse(out);
const tarball = join(OUT, packed.filename);
const listed = packed.files.map((f) => f.path).sort();
const expected = ['package.json', ...FILES.map(([, to]) => to)].sort();
if (JSON.stringify(listed) !== JSON.stringify(expected)) {
  throw new Error(`build-npm: the tarball holds ${listed.join(', ')}; expected ${expected.join(', ')}`);
}
console.log(`npm package: ${tarball.slice(ROOT.length + 1)}, ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} KB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked`);
