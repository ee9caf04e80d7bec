// Adds `__whosaid_forget()` to the wasm-bindgen glue (www/pkg/whosaid.js), so that the loader
// can replace a trapped instance inside the same glue module: the glue keeps its instance in
// module-level variables and its init returns that instance once set, with no way to reset it.
// Forgetting it lets the glue's own init make a fresh instance from the compiled module. This
// works wherever the glue is: served as a file, bundled into an app by Vite, webpack, esbuild or
// Rollup, or a blob: module in the offline demo (the earlier way, importing a second copy of the
// glue under a new URL, failed once a bundler had inlined the glue).
// Run by scripts/build-wasm.sh after wasm-bindgen; fails loudly if the glue's shape has changed
// (wasm-bindgen is pinned in Cargo.toml).
//   node scripts/glue-forget.mjs www/pkg/whosaid.js

import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/glue-forget.mjs GLUE.js');
let glue = readFileSync(file, 'utf8');
for (const decl of [/^let wasmModule, wasmInstance, wasm;$/m, /^let __wbg_init_promise;$/m, /^function __wbg_finalize_init\(/m]) {
  if (!decl.test(glue)) throw new Error(`glue-forget: ${file} has no ${decl}: the wasm-bindgen glue changed shape`);
}
const MARK = '__whosaid_forget';
if (!glue.includes(MARK)) {
  glue += `
/**
 * Forgets the instance (after a trap: a trapped instance must never be called again), so that the
 * default export, given the compiled module, makes a fresh one. Added by scripts/glue-forget.mjs.
 */
export function ${MARK}() {
    wasm = undefined;
    wasmInstance = undefined;
    __wbg_init_promise = undefined;
}
`;
  writeFileSync(file, glue);
}
const types = file.replace(/\.js$/, '.d.ts');
let dts = readFileSync(types, 'utf8');
if (!dts.includes(MARK)) {
  dts += `\n/** Forgets the instance, so that the default export makes a fresh one (whosaid's loader, after a trap). */\nexport function ${MARK}(): void;\n`;
  writeFileSync(types, dts);
}
