// Static test of the shipped extension's scripts (www/dist/extension/chromium/, without a
// browser): no network API (fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon) and no
// HTML or code built from strings (innerHTML, outerHTML =, insertAdjacentHTML, eval, new
// Function). Comments are left out, string literals are not. The one exception: the wasm loader
// (whosaid.js) and wasm-bindgen's generated glue (pkg/whosaid.js) may call fetch, only on the
// wasm source they are given, and the wasm they load is named outside the glue.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

import { SHIPPED, assertBuilt } from './extension.mjs';

/** What no script may use, by name. */
const FORBIDDEN = {
  'fetch(': /\bfetch\s*\(/,
  XMLHttpRequest: /\bXMLHttpRequest\b/,
  WebSocket: /\bWebSocket\b/,
  EventSource: /\bEventSource\b/,
  'navigator.sendBeacon': /\bsendBeacon\b/,
  innerHTML: /\binnerHTML\b/,
  'outerHTML =': /\bouterHTML\s*=(?!=)/,
  insertAdjacentHTML: /\binsertAdjacentHTML\b/,
  'eval(': /\beval\s*\(/,
  'new Function': /\bnew\s+Function\b/,
};
/** The files that may fetch (the wasm), relative to the extension's folder. */
const MAY_FETCH = new Set(['whosaid.js', 'pkg/whosaid.js']);

/** The script files under `dir`, as '/'-separated paths relative to it. */
function scripts(dir, base = dir) {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return scripts(p, base);
    return ['.js', '.mjs', '.cjs'].includes(extname(n)) ? [relative(base, p).split(sep).join('/')] : [];
  });
}

/** Keywords after which a `/` starts a regular expression, not a division. */
const BEFORE_REGEX = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/**
 * `source` with its comments blanked out (newlines kept, so line numbers stay right). A small
 * scanner of JS: strings, template literals (with `${…}` nesting), regular expressions, comments.
 */
export function withoutComments(source) {
  const out = source.split('');
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const braces = []; // for each open `${`, the brace depth at which its template resumes
  let depth = 0;
  let last = ''; // the last significant token's text (for the regex-or-division question)
  let i = 0;
  const n = source.length;
  /** Skips a template literal's text from i (after its opening backtick or a closing `}`). */
  const templateText = () => {
    while (i < n) {
      const c = source[i];
      if (c === '\\') i += 2;
      else if (c === '`') { i++; last = 'x'; return; }
      else if (c === '$' && source[i + 1] === '{') { i += 2; braces.push(depth); depth++; last = '{'; return; }
      else i++;
    }
  };
  while (i < n) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      for (i++; i < n && source[i] !== c && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
      i++;
      last = 'x';
    } else if (c === '`') {
      i++;
      templateText();
    } else if (c === '/') {
      const regex = last === '' || /^[(,=:[!&|?{};+\-*%<>~^]$/.test(last) || BEFORE_REGEX.has(last);
      i++;
      if (regex) {
        let inClass = false;
        for (; i < n && source[i] !== '\n'; i++) {
          const r = source[i];
          if (r === '\\') i++;
          else if (r === '[') inClass = true;
          else if (r === ']') inClass = false;
          else if (r === '/' && !inClass) break;
        }
        i++;
        while (i < n && /[a-z]/i.test(source[i])) i++;
        last = 'x';
      } else {
        last = '/';
      }
    } else if (/\s/.test(c)) {
      i++;
    } else if (/[A-Za-z_$0-9]/.test(c)) {
      const start = i;
      while (i < n && /[\w$]/.test(source[i])) i++;
      last = source.slice(start, i);
    } else {
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (braces.length > 0 && braces[braces.length - 1] === depth) {
          braces.pop();
          i++;
          templateText();
          continue;
        }
      }
      last = c === ')' || c === ']' ? 'x' : c;
      i++;
    }
  }
  return out.join('');
}

test('the comment scanner blanks comments and keeps code, strings, templates and regexps', () => {
  const src = [
    'const a = "// not a comment"; // a comment with fetch(',
    "const b = /[/]*fetch(/g.test(x) / 2; /* innerHTML */ const c = `${d /* eval( */}`;",
    'const e = `x${f({ g: "}" })}//y`; return /\\//.source;',
  ].join('\n');
  const got = withoutComments(src);
  assert.equal(got.split('\n').length, 3, 'newlines kept');
  assert.ok(got.includes('"// not a comment"'), 'a string with // stays');
  assert.ok(!got.includes('a comment with'), 'a line comment goes');
  assert.ok(got.includes('/[/]*fetch(/g.test(x) / 2;'), 'a regexp and a division stay');
  assert.ok(!got.includes('innerHTML') && !got.includes('eval('), 'block comments go, also inside ${…}');
  assert.ok(got.includes('`x${f({ g: "}" })}//y`'), 'a template with // after ${…} stays');
  assert.ok(got.includes('return /\\//.source;'), 'a regexp after return stays');
});

test('no extension script talks to the network or builds HTML or code from strings', () => {
  assertBuilt(join(SHIPPED, 'manifest.json'));
  const files = scripts(SHIPPED);
  assert.ok(files.includes('background.js'), `the extension has scripts (${files})`);
  const found = [];
  const fetches = [];
  let wasmNamed = false;
  for (const file of files) {
    const code = withoutComments(readFileSync(join(SHIPPED, file), 'utf8'));
    if (file !== 'pkg/whosaid.js' && code.includes('whosaid_bg.wasm')) wasmNamed = true;
    for (const [i, line] of code.split('\n').entries()) {
      for (const [what, pattern] of Object.entries(FORBIDDEN)) {
        if (!pattern.test(line)) continue;
        if (what === 'fetch(' && MAY_FETCH.has(file)) {
          fetches.push({ at: `${file}:${i + 1}`, line: line.trim() });
        } else {
          found.push(`${file}:${i + 1}: ${what}: ${line.trim().slice(0, 160)}`);
        }
      }
    }
  }
  assert.deepEqual(found, [], 'no network API, innerHTML, outerHTML =, insertAdjacentHTML, eval( or new Function');
  // The loader and the glue fetch only the wasm source they are handed (a variable, never a
  // literal URL), and the extension's code or its loader names that wasm, a file of its own.
  for (const f of fetches) {
    assert.match(f.line, /\bfetch\s*\(\s*[A-Za-z_$][\w$]*\s*\)/, `${f.at}: fetch only of the source it is given: ${f.line}`);
  }
  assert.ok(wasmNamed, 'a script other than the glue names whosaid_bg.wasm (the extension passes the wasm itself)');
});
