// A tiny static server for the browser tests: serves www/ on 127.0.0.1 at an ephemeral port,
// with the right MIME types (application/wasm for the analyzer), a strict Content-Security-Policy
// on pages/csp.html (and a stricter one, without wasm, on the extension tests'
// ../extension-test/pages/strict.html), and pages/long.html generated on the fly (long-page.mjs).
// startOther() serves the same files from a second port: another origin, for cross-origin frames.
//   import { start, stop } from './server.mjs';  const origin = await start();  ...  await stop();
//   node browser-test/server.mjs                  # serves until Ctrl+C, to look at the pages

import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { longPage } from './long-page.mjs';

/** The web root: www/. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const CSP_PAGE = '/browser-test/pages/csp.html';
/** The extension tests' page where neither wasm nor inline script may run in the page itself. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const STRICT_PAGE = '/extension-test/pages/strict.html';
const LONG_PAGE = '/browser-test/pages/long.html';

let longHtml = null;

/** Answers one request: a file under ROOT, or the generated long page. */
async function handle(req, res) {
  const headers = { 'Cache-Control': 'no-store' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, headers).end();
    return;
  }
  const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  if (path === '/favicon.ico') {
    res.writeHead(204, headers).end(); // no 404 in the console of every page
    return;
  }
  if (path === LONG_PAGE) {
    longHtml ??= longPage(5000);
    res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] }).end(req.method === 'HEAD' ? undefined : longHtml);
    return;
  }
  // WHOSAID_HIGHLIGHT=min: the pages get the minified build as /highlight.js (the file a
  // page downloads), so that the same tests check it
  const served = path === '/highlight.js' && process.env.WHOSAID_HIGHLIGHT === 'min' ? '/highlight.min.js' : path;
  let file = normalize(join(ROOT, served));
  if (!file.startsWith(ROOT) || file.split(sep).includes('node_modules')) {
    res.writeHead(403, headers).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    headers['Content-Type'] = TYPES[extname(file)] ?? 'application/octet-stream';
    if (path === CSP_PAGE) headers['Content-Security-Policy'] = CSP;
    if (path === STRICT_PAGE) headers['Content-Security-Policy'] = STRICT_CSP;
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end(`not found: ${path}\n`);
  }
}

/** The servers started: the main one and the other origin's, by name. */
const servers = new Map();

/** Starts server `name` (once) on an ephemeral port of 127.0.0.1 and resolves to its origin. */
async function listen(name) {
  let s = servers.get(name);
  if (s === undefined) {
    s = http.createServer((req, res) => {
      handle(req, res).catch((e) => res.writeHead(500).end(String(e)));
    });
    servers.set(name, s);
    await new Promise((resolve, reject) => {
      s.once('error', reject);
      s.listen(0, '127.0.0.1', resolve);
    });
  }
  return `http://127.0.0.1:${s.address().port}`;
}

/** Starts the server (once) and resolves to its origin, e.g. `http://127.0.0.1:41234`. */
export function start() {
  return listen('main');
}

/** Starts a second server of the same files (once): another origin, for cross-origin frames. */
export function startOther() {
  return listen('other');
}

/** Stops the servers, closing any kept-alive connections. */
export async function stop() {
  const all = [...servers.values()];
  servers.clear();
  await Promise.all(all.map((s) => {
    s.closeAllConnections();
    return new Promise((resolve) => s.close(resolve));
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const origin = await start();
  console.log(`serving www/ at ${origin}/ (pages: ${origin}/browser-test/pages/inline.html, …)`);
}
