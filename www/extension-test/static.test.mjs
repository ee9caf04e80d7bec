// Static tests of the built extension folders (www/dist/extension/*/: chromium, chromium-test,
// firefox), without a browser. In every script, the wasm-bindgen glue and the content script
// made from highlight.js included (comments are left out, string literals are not):
//   - no network: fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon, WebTransport,
//     RTCPeerConnection, importScripts, native messaging; no URL with a scheme (http://, ws://);
//     no element or attribute that loads a URL (script, img, iframe, link, src =, href =, url()),
//     no navigation (window.open, location =, tabs.create);
//   - no code from strings: eval, Function, setTimeout/setInterval with a string, dynamic
//     import(), document.write;
//   - no HTML from strings: innerHTML, outerHTML =, insertAdjacentHTML, DOMParser,
//     createContextualFragment, setHTMLUnsafe, srcdoc;
//   - no door for other extensions or pages: onMessageExternal, onConnectExternal;
//   - no storage but the settings: storage.sync (written only by options.js); no storage.local,
//     storage.session, localStorage, sessionStorage, indexedDB, caches, cookies.
// The few uses that are needed are allow-listed in ALLOWED, each with its exact line, how many
// times it occurs, and why; an allow-listed use that disappears fails too (the list stays exact).
// The content script holds @mozilla/readability (the article finder's engine): between its
// marker lines there must be exactly the npm package's Readability.js, which is not scanned: it
// reads and rewrites only a detached clone of the page (cloneNode(true): a document with no
// browsing context, where parsed HTML runs no script, fires no handler and loads nothing).
// The extension's HTML has no inline script, event handler, style or remote reference; its CSS
// loads nothing; the wasm imports only from its glue (so scanning the glue covers everything the
// wasm can call); the background loads the wasm from the extension's own files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

import { DIST, SHIPPED, TESTED, FIREFOX, assertBuilt } from './extension.mjs';
import { readabilityModule } from '../../scripts/minify.mjs';

/** The marker lines around Readability in the content script (scripts/build-extension.mjs). */
const READABILITY = /^\/\/ ---- begin @mozilla\/readability \(the npm package's Readability\.js, unchanged\) ----\n([\s\S]*?)\n\/\/ ---- end @mozilla\/readability ----$/m;

/**
 * `code` (a script of the extension) without Readability's region, which must be the npm
 * package's file exactly (see the header); other scripts are as they are.
 */
function withoutReadability(/** @type {string} */ file, /** @type {string} */ code) {
  if (file !== 'content.js') return code;
  const m = READABILITY.exec(code);
  assert.ok(m, 'content.js: Readability sits between its marker lines');
  const published = readabilityModule().replace(/^export \{ Readability \};$/m, '');
  assert.equal(m[1], published, 'content.js: what lies between the markers is the npm package\'s Readability.js, unchanged');
  // the region's lines blanked, so that the line numbers of the rest stay right
  return code.slice(0, m.index) + m[0].replace(/[^\n]/g, '') + code.slice(m.index + m[0].length);
}

/** What no script may use, by name. */
const FORBIDDEN = {
  // network
  'fetch(': /\bfetch\s*\(/,
  XMLHttpRequest: /\bXMLHttpRequest\b/,
  WebSocket: /\bWebSocket\b/,
  EventSource: /\bEventSource\b/,
  sendBeacon: /\bsendBeacon\b/,
  WebTransport: /\bWebTransport\b/,
  RTCPeerConnection: /\bRTCPeerConnection\b/,
  importScripts: /\bimportScripts\b/,
  'native messaging': /\b(?:connectNative|sendNativeMessage)\b/,
  'a URL with a scheme': /\b(?:https?|wss?|ftp):\/\//i,
  'an element that loads a URL': /\bcreateElement(?:NS)?\s*\(\s*(?:[^,)]*,\s*)?['"`](?:script|img|image|iframe|frame|link|object|embed|base|meta|form|a|audio|video|source|track|picture|svg)['"`]/i,
  'an attribute that loads a URL': /\.(?:src|href|action|formAction|srcset|poster)\s*=(?!=)|\bsetAttribute(?:NS)?\s*\(\s*(?:[^,)]*,\s*)?['"`](?:src|href|xlink:href|action|formaction|srcset|srcdoc|data|poster|style|on\w*)['"`]/,
  'new Image': /\bnew\s+Image\b/,
  'CSS that loads': /\burl\s*\(|@import\b/,
  navigation: /\bwindow\.open\b|\blocation\s*=(?!=)|\blocation\.(?:href\s*=(?!=)|(?:assign|replace)\b)|\b(?:tabs|windows)\.(?:create|update)\b/,
  // code from strings
  'eval(': /\beval\s*\(/,
  'Function(': /\bFunction\s*\(/,
  'setTimeout/setInterval with a string': /\bset(?:Timeout|Interval)\s*\(\s*['"`]/,
  'import(': /\bimport\s*\((?!\s*\))/, // (not `import()` in an error message)
  'document.write': /\bdocument\.write(?:ln)?\b/,
  // HTML from strings
  innerHTML: /\binnerHTML\b/,
  'outerHTML =': /\bouterHTML\s*=(?!=)/,
  insertAdjacentHTML: /\binsertAdjacentHTML\b/,
  DOMParser: /\bDOMParser\b|\bparseFromString\b/,
  createContextualFragment: /\bcreateContextualFragment\b/,
  'setHTML': /\bsetHTML(?:Unsafe)?\b/,
  srcdoc: /\bsrcdoc\b/,
  // doors for other extensions and pages
  'external messages': /\bon(?:Message|Connect)External\b/,
  // storage other than the settings
  'storage other than storage.sync': /\bstorage\.(?:local|session|managed)\b|\blocalStorage\b|\bsessionStorage\b|\bindexedDB\b|\bcaches\b|\bdocument\.cookie\b|\bcookies\b/,
  'writing storage.sync': /\bstorage\.sync\.(?:set|remove|clear)\b/,
};

/**
 * The needed uses of FORBIDDEN things: the file (relative to the extension's folder), the rule,
 * the exact line (trimmed), how many times, and why it is safe.
 */
const ALLOWED = [
  {
    file: 'whosaid.js', what: 'fetch(', line: 'source = fetch(source);', count: 1,
    why: 'the loader fetches the wasm source it is given; background.js gives runtime.getURL(\'pkg/whosaid_bg.wasm\'), a file of the extension (checked below), and connect-src \'self\' forbids any other',
  },
  {
    file: 'pkg/whosaid.js', what: 'fetch(', line: 'module_or_path = fetch(module_or_path);', count: 1,
    why: 'wasm-bindgen\'s glue fetches the wasm it is given; the loader always gives it a compiled WebAssembly.Module, so this never runs in the extension',
  },
  {
    file: 'options.js', what: 'a URL with a scheme', line: 'const url = new URL(/^[a-z]+:\\/\\//i.test(s) ? s : `https://${s}`);', count: 1,
    why: 'a site the user types without a scheme is parsed as https:// to make its match pattern; nothing is requested',
  },
  {
    file: 'options.js', what: 'writing storage.sync', line: 'await chrome.storage.sync.set({', count: 1,
    why: 'the options page saves the settings: the only thing the extension stores',
  },
];

/** The file kinds an extension folder may hold. */
const KINDS = new Set(['.js', '.html', '.css', '.json', '.wasm']);

/** The files under `dir`, as '/'-separated paths relative to it. */
function filesIn(dir, base = dir) {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesIn(p, base) : [relative(base, p).split(sep).join('/')];
  });
}

/** The built extension folders: chromium, chromium-test, firefox (and any other). */
function variants() {
  for (const dir of [SHIPPED, TESTED, FIREFOX]) assertBuilt(join(dir, 'manifest.json'));
  const root = join(DIST, 'extension');
  return readdirSync(root).sort().map((n) => join(root, n)).filter((p) => statSync(p).isDirectory());
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

test('each rule catches what it names, and lets harmless code by', () => {
  const caught = {
    'fetch(': ["await fetch(url)", "self.fetch ('x')"],
    XMLHttpRequest: ['new XMLHttpRequest()'],
    WebSocket: ["new WebSocket('wss://x')"],
    EventSource: ['new EventSource(u)'],
    sendBeacon: ['navigator.sendBeacon(u, text)'],
    WebTransport: ['new WebTransport(u)'],
    RTCPeerConnection: ['new RTCPeerConnection()'],
    importScripts: ["importScripts('x.js')"],
    'native messaging': ["chrome.runtime.connectNative('app')"],
    'a URL with a scheme': ["const u = 'https://example.com/'", 'const u = `http://${host}`'],
    'an element that loads a URL': ["document.createElement('img')", 'doc.createElement("script")', "createElementNS(ns, 'svg')"],
    'an attribute that loads a URL': ['img.src = u', "a.href = '/x'", "el.setAttribute('src', u)", "el.setAttribute('onclick', f)", "el.setAttribute('style', s)"],
    'new Image': ['new Image()'],
    'CSS that loads': ["sheet.replaceSync('a { background: url(x) }')", "'@import \"x.css\";'"],
    navigation: ['window.open(u)', 'location = u', 'location.href = u', 'chrome.tabs.create({ url })'],
    'eval(': ["eval('1')"],
    'Function(': ["new Function('return 1')", "Function('return this')()"],
    'setTimeout/setInterval with a string': ["setTimeout('run()', 10)", 'setInterval(`tick()`, 5)'],
    'import(': ["await import('https://x/m.js')", 'import(url)'],
    'document.write': ['document.write(s)', 'document.writeln(s)'],
    innerHTML: ['el.innerHTML = s'],
    'outerHTML =': ['el.outerHTML = s'],
    insertAdjacentHTML: ["el.insertAdjacentHTML('beforeend', s)"],
    DOMParser: ['new DOMParser()', "p.parseFromString(s, 'text/html')"],
    createContextualFragment: ['range.createContextualFragment(s)'],
    setHTML: ['el.setHTMLUnsafe(s)', 'el.setHTML(s)'],
    srcdoc: ['frame.srcdoc = s'],
    'external messages': ['chrome.runtime.onMessageExternal.addListener(f)', 'chrome.runtime.onConnectExternal.addListener(f)'],
    'storage other than storage.sync': ['chrome.storage.session.set(x)', 'chrome.storage.local.get()', "localStorage.setItem('k', v)", 'indexedDB.open(n)', "caches.open('c')", 'document.cookie = c'],
    'writing storage.sync': ['chrome.storage.sync.set({ text })'],
  };
  assert.deepEqual(Object.keys(caught).sort(), Object.keys(FORBIDDEN).sort(), 'every rule has examples');
  for (const [what, lines] of Object.entries(caught)) {
    for (const line of lines) assert.match(line, FORBIDDEN[what], `the rule "${what}" catches ${line}`);
  }
  const harmless = [
    'text.data = s.text;', "el.setAttribute('data-quote', c);", "if (typeof f === 'function') f();", 'w.style.background = colour;',
    "new URL('./pkg/whosaid_bg.wasm', import.meta.url)", "throw new Error('dynamic import() is not available');",
    'const { sites } = await chrome.storage.sync.get(keys);', "doc.createElement('whosaid-mark')", 'url.protocol === "https:"',
    'chrome.runtime.onMessage.addListener(f)', 'const evaluate = 1;', 'location.search',
  ];
  for (const line of harmless) {
    const hits = Object.entries(FORBIDDEN).filter(([, p]) => p.test(line)).map(([w]) => w);
    assert.deepEqual(hits, [], `no rule catches the harmless ${line}`);
  }
});

test('no extension script talks to the network, runs or parses strings, opens a door, or stores more than settings', () => {
  for (const dir of variants()) {
    const name = relative(DIST, dir);
    const scripts = filesIn(dir).filter((f) => extname(f) === '.js');
    assert.ok(scripts.includes('background.js') && scripts.includes('content.js') && scripts.includes('pkg/whosaid.js'),
      `${name}: the scripts are there, the glue included (${scripts})`);
    const found = [];
    const allowedSeen = new Map(ALLOWED.map((a) => [a, 0]));
    for (const file of scripts) {
      const code = withoutComments(withoutReadability(file, readFileSync(join(dir, file), 'utf8')));
      for (const [i, line] of code.split('\n').entries()) {
        for (const [what, pattern] of Object.entries(FORBIDDEN)) {
          if (!pattern.test(line)) continue;
          const allowed = ALLOWED.find((a) => a.file === file && a.what === what && a.line === line.trim());
          if (allowed) allowedSeen.set(allowed, allowedSeen.get(allowed) + 1);
          else found.push(`${name}/${file}:${i + 1}: ${what}: ${line.trim().slice(0, 160)}`);
        }
      }
    }
    assert.deepEqual(found, [], `${name}: no forbidden use outside the allow-list`);
    for (const [a, seen] of allowedSeen) {
      assert.equal(seen, a.count, `${name}/${a.file}: the allow-listed ${a.what} \`${a.line}\` occurs ${a.count} time(s) ` +
        `(found ${seen}: update ALLOWED if the code changed)`);
    }
  }
});

test('the background loads the wasm from the extension\'s own files, and the wasm can call only its glue', () => {
  for (const dir of variants()) {
    const name = relative(DIST, dir);
    const background = withoutComments(readFileSync(join(dir, 'background.js'), 'utf8'));
    const sources = [...background.matchAll(/\bready\s*\(([^)]*\)?)\)/g)].map((m) => m[1].trim());
    assert.deepEqual(sources, ["chrome.runtime.getURL('pkg/whosaid_bg.wasm')"],
      `${name}/background.js: ready() is called once, with the extension's own wasm file`);
    const bytes = readFileSync(join(dir, 'pkg', 'whosaid_bg.wasm'));
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(bytes));
    const modules = [...new Set(imports.map((i) => i.module))];
    assert.deepEqual(modules, ['./whosaid_bg.js'], `${name}: the wasm imports only from its glue (pkg/whosaid.js)`);
    const glue = readFileSync(join(dir, 'pkg', 'whosaid.js'), 'utf8');
    assert.ok(glue.includes('"./whosaid_bg.js": import0') || glue.includes("'./whosaid_bg.js'"),
      `${name}/pkg/whosaid.js provides the wasm's imports (the scan above covers them)`);
    for (const i of imports) {
      assert.ok(glue.includes(i.name), `${name}: the wasm's import ${i.name} is defined in the scanned glue`);
    }
  }
});

test('the extension\'s HTML and CSS have no inline script, handler or style, and load only its own files', () => {
  for (const dir of variants()) {
    const name = relative(DIST, dir);
    const all = filesIn(dir);
    assert.deepEqual(all.filter((f) => !KINDS.has(extname(f))), [], `${name}: only ${[...KINDS].join(' ')} files`);
    for (const file of all.filter((f) => extname(f) === '.html')) {
      const html = readFileSync(join(dir, file), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
      const at = `${name}/${file}`;
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
        assert.equal(m[2].trim(), '', `${at}: no inline script (${m[0].slice(0, 80)})`);
        assert.match(m[1], /\bsrc="[\w./-]+\.js"/, `${at}: a script is a file of the extension (${m[0].slice(0, 80)})`);
      }
      assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${at}: no inline event handler`);
      assert.doesNotMatch(html, /<style\b|\sstyle\s*=/i, `${at}: no inline style`);
      assert.doesNotMatch(html, /<(?:iframe|frame|object|embed|base|img|form[^>]*\baction)\b|http-equiv/i, `${at}: nothing that loads or redirects`);
      for (const m of html.matchAll(/\s([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
        const value = m[2] ?? m[3] ?? m[4];
        assert.doesNotMatch(value, /^\s*[a-z][\w+.-]*:|\/\//i, `${at}: the attribute ${m[1]}="${value}" holds no URL with a scheme (javascript:, https:, data: …) and no protocol-relative URL`);
      }
      for (const m of html.matchAll(/\b(?:src|href)="([^"]*)"/gi)) {
        assert.match(m[1], /^[\w-]+(?:\/[\w-]+)*\.(?:js|css)$/, `${at}: ${m[0]} is a file of the extension`);
        assert.ok(all.includes(m[1]), `${at}: ${m[1]} is in the folder`);
      }
    }
    for (const file of all.filter((f) => extname(f) === '.css')) {
      const css = readFileSync(join(dir, file), 'utf8');
      assert.doesNotMatch(css, /\burl\s*\(|@import\b/i, `${name}/${file}: loads nothing`);
    }
  }
});
