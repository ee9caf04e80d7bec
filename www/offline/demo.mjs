// whosaid offline demo: renders an article, highlights it in place with ./highlight.js, and
// lists who said what and the actors. Built into one self-contained file by
// scripts/build-demo.mjs (wasm and modules inlined), so it opens from file:// with no network.
// Text from the user or a file goes into the page as text nodes only, never as HTML.

import { highlight } from './highlight.js';
import { ready, version } from './whosaid.js';

const article = /** @type {HTMLElement} */ (document.getElementById('article'));
const statusLine = /** @type {HTMLElement} */ (document.getElementById('status'));
const textarea = /** @type {HTMLTextAreaElement} */ (document.getElementById('text'));
const whoBody = /** @type {HTMLElement} */ (document.querySelector('#who-said-what tbody'));
const actorsBody = /** @type {HTMLElement} */ (document.querySelector('#actors tbody'));

/** @type {{clear(): void} | null} */
let current = null;

/** An element with text content. */
function el(/** @type {string} */ tag, /** @type {string} */ text = '', /** @type {string} */ cls = '') {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** Puts `text` into the article, one paragraph a line (the first line as its headline). */
function render(/** @type {string} */ text) {
  current?.clear();
  current = null;
  article.replaceChildren();
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  lines.forEach((line, i) => article.append(el(i === 0 && lines.length > 1 && line.length < 140 ? 'h2' : 'p', line)));
}

/** Highlights the article and fills the tables. */
async function analyseArticle() {
  statusLine.textContent = 'Analysing…';
  const t0 = performance.now();
  const h = await highlight(article, { wasm: /** @type {any} */ (window).__whosaidWasm });
  const ms = performance.now() - t0;
  current = h;
  whoBody.replaceChildren();
  h.quotes.forEach((q) => {
    const actor = q.actor === null ? null : h.actors[q.actor];
    const who = actor ? actor.name : q.speaker ? q.speaker.text : '—';
    const row = el('tr');
    row.append(el('td', who), el('td', q.cue ? q.cue.text : '—'), el('td', q.text, q.kind === 'direct' ? 'direct' : 'indirect'));
    whoBody.append(row);
  });
  actorsBody.replaceChildren();
  for (const a of h.actors) {
    const names = [...new Set(a.mentions.filter((m) => m.type === 'named').map((m) => m.text))];
    const row = el('tr');
    const name = el('td', a.name);
    if (a.titles.length > 0) name.append(el('span', ` (${a.titles.join(', ')})`, 'titles'));
    row.append(name, el('td', a.kind), el('td', names.join(', ') || '—'), el('td', String(a.mentions.length)), el('td', String(a.quotes.length)));
    actorsBody.append(row);
  }
  statusLine.textContent = `${h.quotes.length} quotations and ${h.actors.length} actors analysed and highlighted in ${ms.toFixed(1)} ms.`;
}

/** The readable text of an HTML file, parsed inertly (no script runs, nothing is loaded). */
function textOfHtml(/** @type {string} */ html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  const blocks = root.querySelectorAll('h1, h2, h3, p, li, blockquote');
  const lines = blocks.length > 0 ? [...blocks].map((b) => b.textContent ?? '') : [(root.textContent ?? '')];
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).join('\n');
}

async function start() {
  try {
    await ready(/** @type {any} */ (window).__whosaidWasm);
    const v = document.getElementById('version');
    if (v) v.textContent = `whosaid ${version()}`;
    render(/** @type {any} */ (window).__whosaidSample ?? '');
    await analyseArticle();
  } catch (e) {
    statusLine.textContent = `The analyzer could not start: ${e instanceof Error ? e.message : String(e)}`;
    throw e;
  }
  document.getElementById('analyse')?.addEventListener('click', () => {
    render(textarea.value);
    analyseArticle().catch((e) => {
      statusLine.textContent = `Analysis failed: ${e instanceof Error ? e.message : String(e)}`;
    });
  });
  document.getElementById('file')?.addEventListener('change', async (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const file = input.files?.[0];
    if (!file) return;
    const raw = await file.text();
    const text = /\.html?$/i.test(file.name) || file.type === 'text/html' ? textOfHtml(raw) : raw;
    textarea.value = text;
    render(text);
    await analyseArticle();
  });
}

start();
