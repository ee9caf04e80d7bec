// Browser tests of www/highlight.js in headless Chromium (playwright-core, Debian's chromium).
// For each page of pages/ (served by server.mjs): highlight in 'auto' mode (the CSS Custom
// Highlight API in Chromium) and then in 'wrap' mode; check every mark against the analysis,
// the collected text against the page's visible blocks, that document.body.textContent never
// changes and that clear() leaves the page as it was; fail on any console error or page error.
// Screenshots of the highlighted pages go to browser-test/screenshots/ (git-ignored).
// Needs www/pkg (bash scripts/build-wasm.sh) and www/highlight.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { CSP } from './server.mjs';
import { openPage, screenshot, useBrowser } from './browser.mjs';
import { highlightInPage, clearInPage } from './in-page.mjs';
import { checkHighlighted, checkCleared, checkText } from './checks.mjs';

/** Elements whose text is never analysed, so that no mark may touch them. */
const HIDDEN = 'script, style, noscript, template, textarea, input, select, [contenteditable], [hidden], [aria-hidden=true], .gone';
/**
 * The same, plus what lies outside the article (highlight() with no root reads the story as
 * Readability finds it), and the byline and dateline, which the article finder leaves out.
 */
const OUTSIDE = `${HIDDEN}, nav, aside.sidebar, footer, header.masthead, .byline, .dateline`;
/** The visible blocks of a page's article, each of which must be one line of `text`. */
const BLOCKS = 'article h1, article p:not(.byline):not(.dateline)';

const AUTO = { tag: 'auto', options: {}, expectMode: 'highlight-api' };
const WRAP = { tag: 'wrap', options: { mode: 'wrap' }, expectMode: 'wrap' };

const env = useBrowser();

/**
 * Opens pages/NAME.html and, for each run in turn on that page: highlights, takes the
 * screenshot, checks the marks, the text and the page, clears and checks the page again.
 * Resolves to the runs' reports (see in-page.mjs).
 */
async function exercise(t, name, { ready, runs = [AUTO, WRAP], blocks = BLOCKS, absent = [], forbidden = OUTSIDE, fullPage = true }) {
  const { page, context, errors } = await openPage(env.browser);
  try {
    const response = await page.goto(`${env.origin}/browser-test/pages/${name}.html`);
    assert.equal(response.status(), 200, `${name}.html is served`);
    if (ready) {
      await Promise.resolve().then(() => ready(page, response)).catch((e) => {
        throw new Error(`${name}.html never got ready: ${e.message}\n${errors.join('\n')}`, { cause: e });
      });
    }
    const lines = await page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent), blocks);
    const reports = [];
    for (const run of runs) {
      const label = `${name}.html, ${run.tag}`;
      const arg = { root: run.root, options: run.options, forbidden: run.forbidden ?? forbidden };
      const report = JSON.parse(await page.evaluate(highlightInPage, arg));
      t.diagnostic(`${label}: ${report.quotes.length} quotes, ${report.actors.length} actors, ${report.marks.length} marks, highlight() took ${report.ms.toFixed(0)} ms`);
      if (run.screenshot !== false) {
        await screenshot(page, `${name}-${run.screenshot ?? run.tag}`, { fullPage });
      }
      checkHighlighted(report, { mode: run.expectMode, options: run.options, label });
      if (run.root === undefined) checkText(report.text, { lines, absent }, label);
      else checkText(report.text, { absent: run.absent ?? [] }, label);
      checkCleared(report, await page.evaluate(clearInPage), label);
      reports.push(report);
    }
    assert.deepEqual(errors, [], `${name}.html: no console error or page error`);
    const [first, second] = reports;
    assert.equal(second.text, first.text, `${name}.html: the same text in both modes`);
    assert.deepEqual(second.quotes, first.quotes, `${name}.html: the same quotes in both modes`);
    return reports;
  } finally {
    await context.close();
  }
}

test('inline.html: quotes around links, emphasis, spans and an emoji; options', { timeout: 120_000 }, async (t) => {
  const [auto] = await exercise(t, 'inline', {
    runs: [
      AUTO,
      WRAP,
      { tag: 'panel', options: { panel: true }, expectMode: 'highlight-api' },
      { tag: 'explicit highlight-api', options: { mode: 'highlight-api' }, expectMode: 'highlight-api', screenshot: false },
      { tag: 'quotes: false', options: { quotes: false }, expectMode: 'highlight-api', screenshot: false },
      { tag: 'actors: false', options: { actors: false }, expectMode: 'highlight-api', screenshot: false },
    ],
  });
  const quoteMarks = auto.marks.filter((m) => m.kind === 'quote');
  for (const tag of ['a', 'em', 'span']) {
    assert.ok(quoteMarks.some((m) => m.elements.includes(tag)), `a quote mark spans a <${tag}> inside the quote marks`);
  }
  assert.ok(auto.quotes.some((q) => q.text.includes('🚚')), 'the quote with an emoji is found');
  assert.ok(quoteMarks.some((m) => m.text.includes('🚚')), 'and marked');
  const ruiz = auto.actors.findIndex((a) => a.name === 'Ana Ruiz');
  assert.ok(ruiz >= 0, 'Ana Ruiz is an actor');
  assert.ok(auto.actors[ruiz].titles.includes('Foreign Minister'), 'with her title');
  assert.ok(auto.quotes.filter((q) => q.actor === ruiz).length >= 2, 'she says at least two quotes');
  assert.ok(auto.marks.some((m) => m.kind === 'speaker'), 'speakers are marked');
});

/** Words of captions.html's script, hidden, aria-hidden, display:none, noscript, template, textarea and contenteditable text. */
const HIDDEN_WORDS = ['Scriptquote', 'Hiddenquote', 'Ariaquote', 'Gonequote', 'Noscriptquote', 'Templatequote', 'Textareaquote', 'Editablequote'];

test('captions.html: figure captions are read; scripts, hidden and outside text are not', { timeout: 120_000 }, async (t) => {
  const [auto] = await exercise(t, 'captions', {
    blocks: 'article h1, article p:not([hidden], [aria-hidden=true], .gone, .byline, .dateline), article figcaption',
    absent: [...HIDDEN_WORDS, 'Navquote', 'Asidequote', 'Fenland Evening Post'],
    runs: [
      AUTO,
      WRAP,
      // The whole body as root: the nav and sidebar may be read, hidden and script text still not.
      { tag: 'body root, wrap', root: 'body', options: { mode: 'wrap' }, expectMode: 'wrap', forbidden: HIDDEN, absent: HIDDEN_WORDS, screenshot: 'body-root-wrap' },
    ],
  });
  assert.ok(auto.quotes.some((q) => q.text.includes('second stair')), 'the caption\'s quote is found');
  assert.ok(auto.quotes.some((q) => q.text.includes('forty cellars')), 'the paragraph\'s quote is found');
});

test('two-paragraphs.html: a quotation over two paragraphs', { timeout: 120_000 }, async (t) => {
  for (const report of await exercise(t, 'two-paragraphs', {})) {
    const parts = (g) => report.quotes.map((q, i) => ({ ...q, i })).filter((q) => q.group === g);
    const multi = report.quotes.map((q) => parts(q.group)).find((p) => p.length >= 2);
    assert.ok(multi, `${report.mode}: a quotation in two parts (same group)`);
    assert.equal(multi[0].closed, false, 'its first part runs to the end of its paragraph');
    const paragraphOf = (i) => report.marks.find((m) => m.kind === 'quote' && m.index === i).paragraph;
    assert.notEqual(paragraphOf(multi[0].i), paragraphOf(multi[1].i), `${report.mode}: the parts are marked in different <p>`);
  }
});

test('framework.html: an article rendered (and re-rendered) by script', { timeout: 120_000 }, async (t) => {
  const [auto] = await exercise(t, 'framework', {
    ready: (page) => page.waitForFunction(() => window.__renders === 2, null, { timeout: 10_000 }),
  });
  assert.ok(auto.quotes.length >= 2, 'its quotes are found');
  assert.ok(auto.marks.some((m) => m.kind === 'quote' && m.registered), 'and highlighted');
  assert.ok(auto.text.includes('first sailing'), 'the text is that of the second render');
});

test('csp.html: works under a strict Content-Security-Policy', { timeout: 120_000 }, async (t) => {
  const [auto] = await exercise(t, 'csp', {
    ready: (page, response) => assert.equal(response.headers()['content-security-policy'], CSP, 'served with the CSP'),
  });
  assert.ok(auto.quotes.length >= 2, 'its quotes are found');
});

test('no-article.html: without article or main, the densest block of paragraphs is read', { timeout: 120_000 }, async (t) => {
  const [auto] = await exercise(t, 'no-article', {
    blocks: '.story h1, .story p',
    absent: ['Sidequote', 'Footquote', 'Most read'],
    forbidden: `${HIDDEN}, .sidebar-box, .footer-box`,
  });
  assert.ok(auto.quotes.some((q) => q.text.includes('twenty passengers')), 'the story\'s quote is found');
});

test('long.html: 5,000 paragraphs', { timeout: 600_000 }, async (t) => {
  const reports = await exercise(t, 'long', { fullPage: false });
  for (const r of reports) {
    assert.ok(r.quotes.length >= 2500, `${r.mode}: thousands of quotes found (${r.quotes.length})`);
    const line = `long.html (${r.text.length} chars, ${r.quotes.length} quotes, ${r.marks.length} marks): highlight() took ${r.ms.toFixed(0)} ms in ${r.mode} mode`;
    t.diagnostic(line);
  }
});
