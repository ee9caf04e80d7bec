// Writes www/highlight.min.js: www/highlight.js minified by terser (a dev dependency), the file
// a page imports to highlight. The source keeps its comments for readers; the page downloads
// the same code without them (half of the source's gzipped bytes). Run by
// scripts/build-wasm.sh before the size report, which counts the minified file.
//   node scripts/minify.mjs

import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// terser is installed under www/ (npm ci there), not at the root
const { minify } = createRequire(join(ROOT, 'www/package.json'))('terser');

const source = readFileSync(join(ROOT, 'www/highlight.js'), 'utf8');
const { code } = await minify(source, {
  module: true,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false, preamble: '// whosaid highlight.js, minified from www/highlight.js (MIT OR Apache-2.0)' },
});
// the loader is imported by the same relative path as from the source
if (!code.includes('"./whosaid.js"') && !code.includes("'./whosaid.js'")) {
  throw new Error('minify: highlight.min.js no longer imports ./whosaid.js');
}
writeFileSync(join(ROOT, 'www/highlight.min.js'), `${code}\n`);
console.log(`www/highlight.min.js: ${code.length} bytes (from ${source.length})`);
