// The npm package as an app gets it (issue 19): the tarball that scripts/build-npm.mjs packs is
// installed into a fresh copy of the sample app written for the project (sample-app/), which is
// bundled twice — by Vite with no configuration at all, and by esbuild with the two lines it
// needs (the worker's script as a second entry point; the wasm copied next to the bundle) —
// and also served with no bundler (an import map naming the installed files), each on
// 127.0.0.1 and driven in Chromium:
// - `analyze` on the main thread and in the worker (`whosaid/worker`) give the same result;
// - `highlight()` marks the article on the main thread and with `{worker: true}`, the page's
//   text unchanged;
// - during a 1 MB analysis in the worker, the main thread has no long task over 50 ms
//   (PerformanceObserver, `longtask`), while the same analysis on the main thread has one
//   (so the measure can fail).
// Needs the build (bash scripts/build-wasm.sh) and Debian's Chromium; the install is offline
// (the package has no dependencies).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch, openPage, screenshot } from '../browser-test/browser.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const NPM_OUT = join(HERE, '../../target/npm');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** The packed tarball, newest version first. */
function tarball() {
  const found = existsSync(NPM_OUT) ? readdirSync(NPM_OUT).filter((f) => /^whosaid-.*\.tgz$/.test(f)) : [];
  assert.ok(found.length > 0, `no whosaid-*.tgz in ${NPM_OUT}: build it with bash scripts/build-wasm.sh (node scripts/build-npm.mjs)`);
  return join(NPM_OUT, found.sort().at(-1));
}

/** Serves `dir` on an ephemeral port of 127.0.0.1. */
async function serve(dir) {
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    let file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

let app = '';
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {Record<string, {server: http.Server, origin: string, page?: string}>} */
const sites = {};

before(async () => {
  app = mkdtempSync(join(tmpdir(), 'whosaid-sample-'));
  cpSync(join(HERE, 'sample-app'), app, { recursive: true });
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball()], { cwd: app, stdio: 'pipe' });

  // Vite: no configuration (its defaults: index.html in, dist/ out)
  const { build } = await import('vite');
  await build({ root: app, configFile: false, logLevel: 'warn' });
  sites.vite = await serve(join(app, 'dist'));

  // esbuild: the worker's script as an entry point of its own, and the wasm copied
  const esbuild = await import('esbuild');
  const out = join(app, 'dist-esbuild');
  await esbuild.build({
    absWorkingDir: app,
    entryPoints: { main: 'main.js', 'worker-thread': 'node_modules/whosaid/worker-thread.js' },
    bundle: true,
    format: 'esm',
    outdir: out,
    logLevel: 'warning',
  });
  mkdirSync(join(out, 'pkg'), { recursive: true });
  copyFileSync(join(app, 'node_modules/whosaid/pkg/whosaid_bg.wasm'), join(out, 'pkg/whosaid_bg.wasm'));
  copyFileSync(join(app, 'index.html'), join(out, 'index.html'));
  sites.esbuild = await serve(out);

  // no bundler: the page maps the bare names to the installed files (an import map) and loads
  // the app's own module as it is
  const map = { imports: { whosaid: './node_modules/whosaid/whosaid.js', 'whosaid/': './node_modules/whosaid/' } };
  map.imports['whosaid/highlight'] = './node_modules/whosaid/highlight.js';
  map.imports['whosaid/worker'] = './node_modules/whosaid/worker.js';
  const page = readFileSync(join(app, 'index.html'), 'utf8')
    .replace('<script type="module"', `<script type="importmap">${JSON.stringify(map)}</script>\n<script type="module"`);
  writeFileSync(join(app, 'plain.html'), page);
  sites.none = { ...(await serve(app)), page: '/plain.html' };

  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const { server } of Object.values(sites)) server.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

/** Opens the sample app built by `bundler`, waiting for its module to run. */
async function open(bundler) {
  const { page, context, errors } = await openPage(browser);
  await page.goto(`${sites[bundler].origin}${sites[bundler].page ?? '/'}`);
  await page.waitForFunction(() => document.documentElement.dataset.sample === 'loaded', null, { timeout: 30_000 });
  return { page, context, errors };
}

const TEXT =
  '\u{1F6A2} The ferry terminal was approved. \u201CThis is the day the waterfront comes back to life,\u201D ' +
  'Mayor Elena Brandt told reporters. She said construction would begin in the spring.';

for (const bundler of ['vite', 'esbuild', 'none']) {
  test(`${bundler}: analyze on the main thread and in the worker give the same result`, { timeout: 120_000 }, async () => {
    const { page, context, errors } = await open(bundler);
    try {
      const out = await page.evaluate(async (text) => {
        const { analyze, ready, version, worker } = window.sample;
        await ready();
        const main = await analyze(text);
        const inWorker = await worker.analyze(text);
        let error = null;
        try {
          await worker.analyze(text, { bogusOption: 1 });
        } catch (e) {
          error = `${e.name}: ${e.message}`;
        }
        return { main, inWorker, version: version(), workerVersion: await worker.version(), error };
      }, TEXT);
      const q = out.main.quotes[0];
      assert.equal(TEXT.slice(q.start, q.end), q.text, 'UTF-16 offsets after an emoji');
      assert.equal(q.speaker.text, 'Mayor Elena Brandt');
      assert.equal(out.main.actors[q.actor].name, 'Elena Brandt');
      assert.equal(out.main.quotes.length, 2, 'the quotation and the reported speech');
      assert.deepEqual(out.inWorker, out.main, 'the worker gives the same result');
      assert.equal(out.workerVersion, out.version);
      assert.match(out.error ?? '', /^Error: .*bogusOption/, 'a bad option is the analyzer\'s own error, from the worker too');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test(`${bundler}: highlight() marks the article, on the main thread and with {worker: true}`, { timeout: 120_000 }, async () => {
    const runs = [];
    for (const worker of [false, true]) {
      const { page, context, errors } = await open(bundler);
      try {
        runs.push(await page.evaluate(async (worker) => {
          const before = document.body.textContent;
          const done = await window.sample.highlight({ worker });
          return {
            quotes: done.quotes.map((q) => q.text),
            speakers: done.quotes.map((q) => q.speaker?.text ?? null),
            scope: done.article.scope,
            same: document.body.textContent === before,
          };
        }, worker));
        await screenshot(page, `package-${bundler}${worker ? '-worker' : ''}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
    const [main, worker] = runs;
    assert.equal(main.scope, 'article');
    assert.ok(main.quotes.length >= 4, `the article's quotations are marked: ${main.quotes.length}`);
    assert.ok(main.quotes.some((q) => q.includes('waterfront comes back to life')), main.quotes.join(' | '));
    assert.ok(main.speakers.includes('Mayor Elena Brandt'), main.speakers.join(' | '));
    assert.ok(main.same && worker.same, 'the page\'s text is unchanged');
    assert.deepEqual(worker, main, 'the worker marks the same');
  });

  test(`${bundler}: a 1 MB analysis in the worker leaves the main thread free`, { timeout: 180_000 }, async (t) => {
    const { page, context, errors } = await open(bundler);
    try {
      const out = await page.evaluate(async () => {
        const { analyze, ready, worker } = window.sample;
        const paragraph = [...document.querySelectorAll('article p')].map((p) => p.textContent).join('\n\n');
        let big = '';
        while (big.length < 1_000_000) big += `${paragraph}\n\n`;
        await Promise.all([ready(), worker.ready()]);
        const longTasks = async (work) => {
          const seen = [];
          const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((e) => e.duration)));
          observer.observe({ type: 'longtask' });
          await new Promise((r) => setTimeout(r, 100)); // (let the page settle)
          const result = await work();
          await new Promise((r) => setTimeout(r, 200)); // (entries are delivered after their task)
          observer.disconnect();
          return { seen, quotes: result.quotes.length };
        };
        const inWorker = await longTasks(() => worker.analyze(big));
        const onMain = await longTasks(() => analyze(big));
        return { inWorker, onMain, length: big.length };
      });
      t.diagnostic(`${out.length} UTF-16 units, ${out.inWorker.quotes} quotations; long tasks (ms) in the worker run: ` +
        `[${out.inWorker.seen.map(Math.round)}], on the main thread: [${out.onMain.seen.map(Math.round)}]`);
      assert.ok(out.length >= 1_000_000);
      assert.equal(out.inWorker.quotes, out.onMain.quotes, 'the same analysis either way');
      assert.ok(out.inWorker.quotes > 1000, `a real analysis: ${out.inWorker.quotes} quotations`);
      assert.ok(out.onMain.seen.some((d) => d > 50), `the control: on the main thread it is a long task (${out.onMain.seen})`);
      const over = out.inWorker.seen.filter((d) => d > 50);
      assert.deepEqual(over, [], `no long task over 50 ms on the main thread while the worker runs (all: ${out.inWorker.seen.map(Math.round)})`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
