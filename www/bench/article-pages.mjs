// Benchmark: what finding the article costs highlight() on real news pages, in Debian's
// Chromium (headless, through playwright-core). Not a test: it prints figures. Run after
// scripts/build-wasm.sh:
//   node bench/article-pages.mjs [PAGES] [rounds]      (PAGES: default ../../shared/data/pages)
//
// For each page of PAGES (<name>/source.html, served with its scripts stripped, every other
// host refused) and each round, in a fresh browser context each time, alternating:
//   - article: highlight({panel: true}) as a reader's first click (the page downloads
//     highlight.min.js, the wasm and article.min.js, and finds the article), then clear() and
//     highlight({panel: true}) again (warm: the article's reading is kept);
//   - root: highlight(articleRoot(document), {panel: true}): the same without the finder (the
//     baseline, in the same command).
// Prints the medians per page and over the pages, and each as a ratio to the baseline.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { join, normalize, extname, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch } from '../browser-test/browser.mjs';
import { median, ms, ratio, table } from './stats.mjs';

const WWW = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = process.argv[2] ?? join(WWW, '..', '..', 'shared', 'data', 'pages');
const rounds = Number(process.argv[3] ?? 5);
if (!existsSync(PAGES)) {
  console.log(`no pages at ${PAGES}: nothing to measure`);
  process.exit(0);
}
const names = readdirSync(PAGES).filter((n) => existsSync(join(PAGES, n, 'source.html'))).sort();
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

const server = http.createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const m = path.match(/^\/page\/([^/]+)\/$/);
  if (m && names.includes(m[1])) {
    const html = readFileSync(join(PAGES, m[1], 'source.html'), 'utf8').replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    return;
  }
  const file = normalize(join(WWW, path));
  if (file.startsWith(WWW + sep) && !file.includes(`${sep}node_modules${sep}`) && existsSync(file)) {
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    return;
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

/** One cold run (and a warm one for `article`) in a fresh context. */
async function run(browser, name, how) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 2000 } });
  await context.route('**/*', (r) => (r.request().url().startsWith(origin) ? r.continue() : r.abort()));
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/page/${name}/`, { waitUntil: 'load' }).catch(() => {});
    return await page.evaluate(async (how) => {
      const { highlight, articleRoot } = await import('/highlight.min.js');
      const call = () => (how === 'article' ? highlight({ panel: true }) : highlight(articleRoot(document), { panel: true }));
      let t = performance.now();
      const h = await call();
      const cold = performance.now() - t;
      h.clear();
      t = performance.now();
      const h2 = await call();
      const warm = performance.now() - t;
      h2.clear();
      return { cold, warm };
    }, how);
  } finally {
    await context.close();
  }
}

const browser = await launch();
const rows = [];
const all = { article: { cold: [], warm: [] }, root: { cold: [], warm: [] } };
try {
  for (const name of names) {
    const t = { article: { cold: [], warm: [] }, root: { cold: [], warm: [] } };
    for (let i = 0; i < rounds; i++) {
      for (const how of i % 2 ? ['root', 'article'] : ['article', 'root']) {
        const r = await run(browser, name, how);
        t[how].cold.push(r.cold);
        t[how].warm.push(r.warm);
      }
    }
    const m = (how, k) => median(t[how][k]);
    for (const how of ['article', 'root']) for (const k of ['cold', 'warm']) all[how][k].push(m(how, k));
    rows.push([name, ms(m('article', 'cold')), ms(m('root', 'cold')), ratio(m('article', 'cold') / m('root', 'cold')),
      ms(m('article', 'warm')), ms(m('root', 'warm')), ratio(m('article', 'warm') / m('root', 'warm'))]);
  }
} finally {
  await browser.close();
  server.close();
}
const M = (how, k) => median(all[how][k]);
rows.push(['**median of pages**', ms(M('article', 'cold')), ms(M('root', 'cold')), ratio(M('article', 'cold') / M('root', 'cold')),
  ms(M('article', 'warm')), ms(M('root', 'warm')), ratio(M('article', 'warm') / M('root', 'warm'))]);
console.log(`highlight() on ${names.length} pages, ${rounds} rounds each (median ms; fresh context per run, page scripts stripped)\n`);
console.log(table(['page', 'first: article found', 'first: root given', 'ratio', 'warm: article', 'warm: root', 'ratio'], rows));
