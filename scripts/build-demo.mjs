// Builds www/dist/whosaid-demo.html: the offline demo as one self-contained file (the wasm, the
// JS modules, the CSS and the sample article inlined), which opens from file:// with no server
// and no network. Run after scripts/build-wasm.sh: `node scripts/build-demo.mjs`.
//
// The modules cannot import each other by relative URL from a file:// page, so the file carries
// them base64-encoded and a small boot script turns each into a blob: module, pointing the
// relative imports ('./pkg/whosaid.js', './whosaid.js', './highlight.js') at the blob URLs.
// After a wasm trap the loader imports a fresh copy of its glue by the glue's URL with the
// instance number in the fragment (a blob: URL takes no query); browser-test/blob-recovery.test.mjs
// checks that recovery with modules built this way.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const www = join(dirname(fileURLToPath(import.meta.url)), '..', 'www');
const read = (/** @type {string} */ p) => readFileSync(join(www, p));
const b64 = (/** @type {Buffer} */ b) => b.toString('base64');

const payload = {
  wasm: b64(read('pkg/whosaid_bg.wasm')),
  glue: b64(read('pkg/whosaid.js')),
  loader: b64(read('whosaid.js')),
  highlight: b64(read('highlight.js')),
  demo: b64(read('offline/demo.mjs')),
  sample: b64(read('offline/sample.txt')),
};

const boot = `
const p = JSON.parse(document.getElementById('payload').textContent);
const bytes = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const text = (s) => new TextDecoder().decode(bytes(s));
const module = (src) => URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
const point = (src, from, to) => src.split("'" + from + "'").join(JSON.stringify(to));
window.__whosaidWasm = bytes(p.wasm);
window.__whosaidSample = text(p.sample);
const glue = module(text(p.glue));
const loader = module(point(text(p.loader), './pkg/whosaid.js', glue));
const highlight = module(point(text(p.highlight), './whosaid.js', loader));
const demo = module(point(point(text(p.demo), './highlight.js', highlight), './whosaid.js', loader));
await import(demo);
`;

let html = read('offline/demo.html').toString('utf8');
const css = read('offline/demo.css').toString('utf8');
const json = JSON.stringify(payload);
// (base64 and JSON punctuation only: nothing in the payload can close the script element)
html = html
  .replace('/*CSS*/', () => css)
  .replace('<script type="text/plain" id="sample">/*SAMPLE*/</script>', () => `<script type="application/json" id="payload">${json}</script>`)
  .replace('/*BOOT*/', () => boot);
mkdirSync(join(www, 'dist'), { recursive: true });
const out = join(www, 'dist', 'whosaid-demo.html');
writeFileSync(out, html);
const gz = gzipSync(html, { level: 9 }).length;
console.log(`www/dist/whosaid-demo.html: ${html.length} bytes, ${gz} bytes gzipped (one file: wasm, JS, CSS, sample)`);
