// Writes what a page downloads to highlight, minified by terser (a dev dependency):
//   www/vendor/readability.js  @mozilla/readability (npm, Apache-2.0) as an ES module: the
//                              package's own file, wrapped (it is CommonJS); generated, not kept
//                              in the repository
//   www/highlight.min.js       www/highlight.js without its comments; it loads the article
//                              finder, ./article.min.js, only when it has to find the article
//   www/article.min.js         www/article.js with Readability, one module
//   www/whosaid.min.js         the loader, www/whosaid.js, importing the minified glue
//   www/pkg/whosaid.min.js     the wasm-bindgen glue, www/pkg/whosaid.js (run after the wasm
//                              build, which writes it)
// The sources keep their comments for readers. Run by scripts/build-wasm.sh before the size
// report, which counts the minified files; scripts/build-extension.mjs reads the vendored file.
//   node scripts/minify.mjs

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// terser and Readability are installed under www/ (npm ci there), not at the root
const require = createRequire(join(ROOT, 'www/package.json'));
const { minify } = require('terser');

/** Readability.js as the body of an ES module exporting `Readability`. */
export function readabilityModule() {
  const pkg = require('@mozilla/readability/package.json');
  const source = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
  if (!/module\.exports = Readability;/.test(source)) throw new Error('minify: Readability.js no longer ends with module.exports = Readability');
  return [
    `// @mozilla/readability ${pkg.version} (Apache-2.0, https://github.com/mozilla/readability),`,
    '// Readability.js as an ES module: written by scripts/minify.mjs from www/node_modules. Do not edit.',
    'const module = { exports: {} };',
    source,
    'export { Readability };',
    '',
  ].join('\n');
}

/** `file` minified as a module, with a one-line preamble. */
async function minified(/** @type {string} */ source, /** @type {string} */ preamble) {
  const { code } = await minify(source, {
    module: true,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false, preamble },
  });
  return /** @type {string} */ (code);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const vendor = readabilityModule();
  mkdirSync(join(ROOT, 'www/vendor'), { recursive: true });
  writeFileSync(join(ROOT, 'www/vendor/readability.js'), vendor);

  const source = readFileSync(join(ROOT, 'www/highlight.js'), 'utf8');
  let code = await minified(source, '// whosaid highlight.js, minified from www/highlight.js (MIT OR Apache-2.0)');
  // the loader is imported by the same relative path as from the source: the minified one
  const loaderPath = /(["'])\.\/whosaid\.js\1/g;
  if (!loaderPath.test(code)) throw new Error('minify: highlight.min.js no longer imports ./whosaid.js');
  code = code.replace(loaderPath, '"./whosaid.min.js"');
  // the article finder: its minified build
  const finder = /import\((["'])\.\/article\.js\1\)/;
  if (!finder.test(code)) throw new Error('minify: highlight.min.js no longer imports ./article.js');
  code = code.replace(finder, 'import("./article.min.js")');
  writeFileSync(join(ROOT, 'www/highlight.min.js'), `${code}\n`);
  console.log(`www/highlight.min.js: ${code.length} bytes (from ${source.length})`);

  const article = readFileSync(join(ROOT, 'www/article.js'), 'utf8');
  const imports = /^import \{ Readability \} from '\.\/vendor\/readability\.js';$/m;
  if (!imports.test(article)) throw new Error('minify: article.js no longer imports Readability as expected');
  const joined = `${vendor.replace(/^export \{ Readability \};$/m, '')}\n${article.replace(imports, '')}`;
  const articleCode = await minified(joined, '// whosaid article.js with @mozilla/readability (Apache-2.0), minified (MIT OR Apache-2.0)');
  writeFileSync(join(ROOT, 'www/article.min.js'), `${articleCode}\n`);
  console.log(`www/article.min.js: ${articleCode.length} bytes (from ${joined.length})`);

  // the loader and the glue it imports (the default export and the module namespace)
  const loader = readFileSync(join(ROOT, 'www/whosaid.js'), 'utf8');
  let loaderCode = await minified(loader, '// whosaid whosaid.js, minified from www/whosaid.js (MIT OR Apache-2.0)');
  const gluePath = /(["'])\.\/pkg\/whosaid\.js\1/g;
  if ((loaderCode.match(gluePath) || []).length < 2) {
    throw new Error('minify: whosaid.js no longer imports ./pkg/whosaid.js twice (init and namespace)');
  }
  loaderCode = loaderCode.replace(gluePath, '"./pkg/whosaid.min.js"');
  writeFileSync(join(ROOT, 'www/whosaid.min.js'), `${loaderCode}\n`);
  console.log(`www/whosaid.min.js: ${loaderCode.length} bytes (from ${loader.length})`);
  const glue = readFileSync(join(ROOT, 'www/pkg/whosaid.js'), 'utf8');
  if (!glue.includes("new URL('whosaid_bg.wasm', import.meta.url)")) {
    throw new Error('minify: the wasm-bindgen glue no longer finds its wasm next to itself');
  }
  const glueCode = await minified(glue, '// wasm-bindgen glue for whosaid, minified from www/pkg/whosaid.js (MIT OR Apache-2.0)');
  writeFileSync(join(ROOT, 'www/pkg/whosaid.min.js'), `${glueCode}\n`);
  console.log(`www/pkg/whosaid.min.js: ${glueCode.length} bytes (from ${glue.length})`);
}
