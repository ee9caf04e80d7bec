// Browser tests of www/highlight.js on hostile pages (pages/hostile-*.html), in headless Chromium,
// in 'auto' mode (the CSS Custom Highlight API) and in 'wrap' mode (<whosaid-mark> wrappers):
//   1. shadow DOM, open and closed;  2. same-origin and cross-origin frames;
//   3. editable regions, one focused with the caret in it;  4. 100,000 text nodes;
//   5. text that changes while it is analysed and while it is highlighted;
//   6. DOM and built-in functions replaced by the page (throwing or misbehaving);
//   7. page-defined custom elements and page CSS under whosaid's own tag names;
//   8. text that looks like HTML, shown in the overlay and the panel.
// Throughout: no exception reaches the page (page errors, console errors), the page's text is
// the same before, during and after highlighting except where the page itself changed it, and
// every mark's range holds its quotation's (speaker's, mention's) text.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { start, startOther, stop } from './server.mjs';
import { assertBuilt, launch, openPage, screenshot } from './browser.mjs';
import { highlightInPage, clearInPage } from './in-page.mjs';
import { checkHighlighted, checkMarks, checkCleared, checkText } from './checks.mjs';

/** Elements that no mark may touch on these pages. */
const FORBIDDEN = 'script, style, textarea, input, [contenteditable], iframe';

const AUTO = { tag: 'auto', options: {}, expectMode: 'highlight-api' };
const WRAP = { tag: 'wrap', options: { mode: 'wrap' }, expectMode: 'wrap' };

let browser;
let origin;
let otherOrigin;

before(async () => {
  assertBuilt();
  origin = await start();
  otherOrigin = await startOther();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await stop();
});

/**
 * Opens pages/NAME.html in a fresh context; records console and page errors (`errors`), dialogs
 * (alert, confirm: dismissed and recorded in `dialogs`) and every URL requested (`requests`).
 */
async function open(name, query = '') {
  const { page, context, errors } = await openPage(browser);
  const dialogs = [];
  const requests = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('request', (r) => requests.push(r.url()));
  const response = await page.goto(`${origin}/browser-test/pages/${name}.html${query}`);
  assert.equal(response.status(), 200, `${name}.html is served`);
  return { page, context, errors, dialogs, requests };
}

/** The texts of the elements matching `selector`, in document order (the page's visible blocks). */
function blocksOf(page, selector) {
  return page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent), selector);
}

/**
 * One highlight() and clear() on an open page, with the standard checks: marks, text, page
 * unchanged while highlighted and after clear(). `during(report)` runs while highlighted.
 * Resolves to the report of in-page.mjs.
 */
async function highlightAndClear(t, page, label, run, { lines, absent = [], forbidden = FORBIDDEN, during, shot } = {}) {
  const arg = { root: run.root, options: run.options, forbidden, analyzeWith: run.analyzeWith };
  const report = JSON.parse(await page.evaluate(highlightInPage, arg));
  t.diagnostic(`${label}: ${report.quotes.length} quotes, ${report.actors.length} actors, ${report.marks.length} marks, highlight() took ${report.ms.toFixed(0)} ms`);
  if (shot) await screenshot(page, shot, { fullPage: false });
  checkHighlighted(report, { mode: run.expectMode, options: run.options, label });
  checkText(report.text, { lines, absent }, label);
  if (during) await during(report);
  checkCleared(report, await page.evaluate(clearInPage), label);
  return report;
}

/** Texts of the shadow roots a page keeps in window.__roots (hostile-shadow.html). */
function shadowContents(page) {
  return page.evaluate(() => Object.fromEntries(Object.entries(window.__roots).map(([id, r]) => [id, r.innerHTML])));
}

test('shadow DOM: slotted light text is read; shadow trees, open or closed, are neither read nor changed', { timeout: 120_000 }, async (t) => {
  const { page, context, errors } = await open('hostile-shadow');
  try {
    const lines = await blocksOf(page, 'article h1, article p, #slotted, #closed');
    const shadows = await shadowContents(page);
    assert.equal(Object.keys(shadows).length, 4, 'the page has its four shadow roots');
    for (const run of [AUTO, WRAP]) {
      const label = `hostile-shadow.html, ${run.tag}`;
      const report = await highlightAndClear(t, page, label, run, {
        lines,
        absent: ['Shadowquote', 'Closedquote', 'Unslottedquote', 'withdrawn'],
        during: async () => assert.deepEqual(await shadowContents(page), shadows, `${label}: shadow roots unchanged while highlighted`),
        shot: `hostile-shadow-${run.tag}`,
      });
      assert.ok(report.quotes.some((q) => q.text.includes('lifeline')), `${label}: the slotted quotation is found`);
      assert.ok(report.quotes.some((q) => q.text.includes('more than the boat')), `${label}: the closed root's slotted quotation is found`);
      assert.deepEqual(await shadowContents(page), shadows, `${label}: shadow roots unchanged after clear()`);
    }

    // A root inside an open shadow root: its text is read and marked there, and put back.
    for (const run of [AUTO, WRAP]) {
      const label = `hostile-shadow.html, root in an open shadow root, ${run.tag}`;
      const r = await page.evaluate(async (options) => {
        const { highlight } = await import('/highlight.js');
        const shadow = window.__roots.own;
        const root = shadow.querySelector('p');
        const before = { text: root.textContent, html: shadow.innerHTML, sheets: shadow.adoptedStyleSheets.length };
        const h = await highlight(root, options);
        const registered = [...CSS.highlights].filter(([n]) => n.startsWith('whosaid-')).map(([, hl]) => hl);
        const report = {
          mode: h.mode,
          quotes: h.quotes,
          marks: h.marks.map((m) => ({
            kind: m.kind,
            text: m.range.toString(),
            expected: m.kind === 'mention' ? h.actors[m.index].mentions.map((x) => x.text) : [m.kind === 'quote' ? h.quotes[m.index].text : h.quotes[m.index].speaker.text],
            registered: registered.some((hl) => hl.has(m.range)),
            wrapped: m.range.startContainer.parentElement?.localName.startsWith('whosaid-mark') ?? false,
          })),
          during: { text: root.textContent, styled: shadow.adoptedStyleSheets.length > before.sheets },
        };
        h.clear();
        report.before = before;
        report.after = { text: root.textContent, html: shadow.innerHTML, sheets: shadow.adoptedStyleSheets.length };
        return report;
      }, run.options);
      assert.equal(r.mode, run.expectMode, `${label}: mode`);
      assert.ok(r.quotes.some((q) => q.text.includes('Shadowquote')), `${label}: the quotation inside is found`);
      assert.ok(r.marks.length > 0, `${label}: and marked`);
      for (const m of r.marks) {
        assert.ok(m.expected.includes(m.text), `${label}: a ${m.kind} mark holds "${m.text}", expected one of ${JSON.stringify(m.expected)}`);
        assert.ok(run.expectMode === 'wrap' ? m.wrapped : m.registered, `${label}: the ${m.kind} mark "${m.text}" is drawn`);
      }
      assert.equal(r.during.text, r.before.text, `${label}: text unchanged while highlighted`);
      assert.ok(r.during.styled, `${label}: the marks' style sheet is adopted by the shadow root, where the marks are`);
      assert.deepEqual(r.after, r.before, `${label}: text, HTML and style sheets of the shadow root as before after clear()`);
    }
    assert.deepEqual(errors, [], 'no console error or page error');
  } finally {
    await context.close();
  }
});

test('frames: neither a same-origin nor a cross-origin frame is read or touched; a root inside a same-origin frame works', { timeout: 120_000 }, async (t) => {
  const { page, context, errors } = await open('hostile-frames', `?other=${encodeURIComponent(otherOrigin)}`);
  try {
    await page.waitForFunction((other) => {
      const same = document.getElementById('same').contentDocument;
      return same?.readyState === 'complete' && same.querySelector('article') && document.getElementById('cross').src.startsWith(other);
    }, otherOrigin);
    const cross = page.frames().find((f) => f.url().startsWith(otherOrigin));
    assert.ok(cross, 'the cross-origin frame is there');
    await cross.waitForLoadState('load');
    const same = page.frames().find((f) => f.url().startsWith(origin) && f !== page.mainFrame());
    const frameState = () => Promise.all([same, cross].map((f) => f.evaluate(() => ({
      text: document.body.textContent,
      html: document.documentElement.outerHTML,
      highlights: [...CSS.highlights.keys()],
    }))));
    assert.equal(await page.evaluate(() => {
      try {
        return document.getElementById('cross').contentDocument === null ? 'no access' : 'access';
      } catch (e) {
        return e.name;
      }
    }), 'no access', 'the top page cannot reach into the cross-origin frame');
    const frames = await frameState();
    const lines = await blocksOf(page, 'article h1, article p');
    for (const run of [AUTO, WRAP]) {
      const label = `hostile-frames.html, ${run.tag}`;
      await highlightAndClear(t, page, label, run, {
        lines,
        absent: ['Framequote', 'depot'],
        during: async () => assert.deepEqual(await frameState(), frames, `${label}: both frames unchanged while highlighted`),
        shot: `hostile-frames-${run.tag}`,
      });
      assert.deepEqual(await frameState(), frames, `${label}: both frames unchanged after clear()`);
    }

    // highlight() called by the top page on an article inside the same-origin frame.
    for (const run of [AUTO, WRAP]) {
      const label = `hostile-frames.html, root in the same-origin frame, ${run.tag}`;
      const r = await page.evaluate(async (options) => {
        const { highlight } = await import('/highlight.js');
        const doc = document.getElementById('same').contentDocument;
        const before = { text: doc.body.textContent, html: doc.documentElement.outerHTML };
        const h = await highlight(doc.querySelector('article'), options);
        const registered = [...doc.defaultView.CSS.highlights].filter(([n]) => n.startsWith('whosaid-')).map(([, hl]) => hl);
        const report = {
          mode: h.mode,
          quotes: h.quotes,
          marks: h.marks.map((m) => ({
            kind: m.kind,
            text: m.range.toString(),
            expected: m.kind === 'mention' ? h.actors[m.index].mentions.map((x) => x.text) : [m.kind === 'quote' ? h.quotes[m.index].text : h.quotes[m.index].speaker.text],
            drawn: options.mode === 'wrap'
              ? m.range.startContainer.parentElement?.localName.startsWith('whosaid-mark') ?? false
              : registered.some((hl) => hl.has(m.range)),
          })),
          during: doc.body.textContent,
          topHighlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('whosaid-')),
        };
        h.clear();
        report.before = before;
        report.after = { text: doc.body.textContent, html: doc.documentElement.outerHTML };
        report.frameHighlightsAfter = [...doc.defaultView.CSS.highlights.keys()];
        return report;
      }, run.options);
      assert.equal(r.mode, run.expectMode, `${label}: mode`);
      assert.ok(r.quotes.length >= 2, `${label}: the frame's quotations are found`);
      for (const m of r.marks) {
        assert.ok(m.expected.includes(m.text), `${label}: a ${m.kind} mark holds "${m.text}", expected one of ${JSON.stringify(m.expected)}`);
        assert.ok(m.drawn, `${label}: the ${m.kind} mark "${m.text}" is drawn in the frame`);
      }
      assert.deepEqual(r.topHighlights, [], `${label}: nothing registered in the top page's CSS.highlights`);
      assert.equal(r.during, r.before.text, `${label}: the frame's text unchanged while highlighted`);
      assert.deepEqual(r.after, r.before, `${label}: the frame's text and HTML as before after clear()`);
      assert.deepEqual(r.frameHighlightsAfter, [], `${label}: nothing left in the frame's CSS.highlights`);
    }
    assert.deepEqual(errors, [], 'no console error or page error');
  } finally {
    await context.close();
  }
});

test('editable regions: not read, not marked, not changed; the caret stays and typing still works', { timeout: 120_000 }, async (t) => {
  const EDITABLE_WORDS = ['Editablequote', 'Plainquote', 'Textareaquote', 'Inputquote'];
  for (const run of [AUTO, WRAP]) {
    const label = `hostile-editable.html, ${run.tag}`;
    const { page, context, errors } = await open('hostile-editable');
    try {
      const lines = await blocksOf(page, 'article h1, article > p:not([contenteditable])');
      // The reader is typing in the comment box: focus, caret after the 8th character.
      const editables = () => page.evaluate(() => ({
        editor: document.getElementById('editor').innerHTML,
        plain: document.getElementById('plain').innerHTML,
        comment: document.getElementById('comment').value,
        name: document.getElementById('name').value,
      }));
      const caret = () => page.evaluate(() => {
        const sel = getSelection();
        const draft = document.getElementById('draft').firstChild;
        return { focused: document.activeElement?.id, inDraft: sel.anchorNode === draft, offset: sel.anchorOffset, collapsed: sel.isCollapsed };
      });
      await page.evaluate(() => {
        document.getElementById('editor').focus();
        getSelection().collapse(document.getElementById('draft').firstChild, 8);
      });
      const editablesBefore = await editables();
      const caretBefore = await caret();
      assert.deepEqual(caretBefore, { focused: 'editor', inDraft: true, offset: 8, collapsed: true }, 'the caret is in the comment box');
      const report = JSON.parse(await page.evaluate(highlightInPage, { options: run.options, forbidden: FORBIDDEN }));
      checkHighlighted(report, { mode: run.expectMode, options: run.options, label });
      checkText(report.text, { lines, absent: EDITABLE_WORDS }, label);
      assert.ok(report.quotes.length >= 2, `${label}: the article's quotations are found`);
      assert.deepEqual(await caret(), caretBefore, `${label}: focus and caret where they were`);
      assert.deepEqual(await editables(), editablesBefore, `${label}: the editable parts unchanged`);

      // Typing while highlighted: at the caret in the comment box, then in the plain note and the textarea.
      await page.keyboard.type('XYZ');
      await page.focus('#plain');
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Q');
      await page.focus('#comment');
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' OK');
      const typed = await editables();
      const draft = await page.evaluate(() => document.getElementById('draft').textContent);
      assert.equal(draft, '“EditablXYZequote drafts stay as they are,” wrote Pia Lunde.', `${label}: typed at the caret in the comment box`);
      assert.ok(typed.plain.endsWith(' Q'), `${label}: typed in the plaintext-only note (${typed.plain})`);
      assert.equal(typed.comment, `${editablesBefore.comment} OK`, `${label}: typed in the textarea`);
      await screenshot(page, `hostile-editable-${run.tag}`, { fullPage: false });

      const after = await page.evaluate(clearInPage);
      const expected = report.before.bodyText
        .replace('Editablequote drafts', 'EditablXYZequote drafts')
        .replace('said Arne Voss.', 'said Arne Voss. Q');
      assert.equal(after.bodyText, expected, `${label}: after clear(), the text is the page's with what was typed`);
      assert.equal(after.leftovers, 0, `${label}: nothing of whosaid left`);
      assert.deepEqual(await editables(), typed, `${label}: clear() leaves what was typed`);
      assert.deepEqual(errors, [], `${label}: no console error or page error`);
    } finally {
      await context.close();
    }
  }

  // A root inside an editable region, and a page in design mode: nothing is read or marked.
  for (const run of [AUTO, WRAP]) {
    const { page, context, errors } = await open('hostile-editable');
    try {
      for (const [what, setUp, root] of [
        ['a root inside the editable box', () => {}, '#draft'],
        ['designMode on', () => { document.designMode = 'on'; }, undefined],
      ]) {
        const label = `hostile-editable.html, ${what}, ${run.tag}`;
        await page.evaluate(setUp);
        const report = JSON.parse(await page.evaluate(highlightInPage, { root, options: run.options, forbidden: FORBIDDEN }));
        assert.equal(report.marks.length, 0, `${label}: nothing marked`);
        assert.equal(report.text.trim(), '', `${label}: nothing read`);
        assert.equal(report.during.bodyText, report.before.bodyText, `${label}: text unchanged`);
        checkCleared(report, await page.evaluate(clearInPage), label);
      }
      assert.deepEqual(errors, [], 'no console error or page error');
    } finally {
      await context.close();
    }
  }
});

test('100,000 text nodes: highlighted and cleared, in reasonable time', { timeout: 600_000 }, async (t) => {
  const { page, context, errors } = await open('hostile-many');
  try {
    const nodes = await page.evaluate(() => window.__textNodes());
    assert.ok(nodes >= 100_000, `the article has at least 100,000 text nodes (${nodes})`);
    const lines = await blocksOf(page, 'article h1, article p');
    for (const run of [AUTO, WRAP]) {
      const label = `hostile-many.html, ${run.tag}`;
      const report = await highlightAndClear(t, page, label, run, { lines, shot: `hostile-many-${run.tag}` });
      t.diagnostic(`${label}: ${nodes} text nodes, ${report.text.length} chars, ${report.marks.length} marks: highlight() took ${report.ms.toFixed(0)} ms`);
      assert.ok(report.quotes.length >= 3000, `${label}: thousands of quotations found (${report.quotes.length})`);
      assert.ok(report.ms < 30_000, `${label}: highlight() took ${report.ms.toFixed(0)} ms, under the 30 s sanity ceiling`);
    }
    assert.deepEqual(errors, [], 'no console error or page error');
  } finally {
    await context.close();
  }
});

test('text that changes while analysed and while highlighted: marks stay on the current text; the page\'s changes are kept', { timeout: 120_000 }, async (t) => {
  /** The article's paragraphs as [id, text], and the page's own idea of them. */
  const paragraphs = (page) => page.evaluate(() => ({
    dom: [...document.querySelectorAll('#story p')].map((p) => [p.id, p.textContent]),
    model: window.__model(),
    outside: [...document.body.childNodes].filter((n) => !n.contains?.(document.getElementById('story'))).map((n) => n.textContent).join(''),
    nodes: [...document.querySelectorAll('#story p')].map((p) => [p.id, p.childNodes.length]),
  }));
  const sameText = (state, label) => {
    assert.deepEqual(state.dom, state.model, `${label}: every paragraph says what the page last wrote in it`);
  };
  for (const [when, analyzeWith, what] of [
    ['once', '__analyzeOnce', 'edited during the first analysis'],
    ['always', '__analyzeAlways', 'edited during every analysis'],
    ['rerender', '__analyzeRerender', 'article element replaced during the first analysis'],
  ]) {
    for (const run of [AUTO, WRAP]) {
      const label = `hostile-mutating.html, ${what}, ${run.tag}`;
      const { page, context, errors } = await open('hostile-mutating');
      try {
        const start = await paragraphs(page);
        const report = JSON.parse(await page.evaluate(highlightInPage, { options: run.options, forbidden: FORBIDDEN, analyzeWith }));
        t.diagnostic(`${label}: ${report.quotes.length} quotes, ${report.marks.length} marks after ${await page.evaluate(() => window.__edits())} edits`);
        checkMarks(report, { mode: run.expectMode, label });
        const marked = new Set(report.marks.filter((m) => m.kind === 'quote').map((m) => report.quotes[m.index].text));
        for (const stable of ['The wall held', 'The insurers will be']) {
          assert.ok([...marked].some((q) => q.includes(stable)), `${label}: the quotation "${stable} …" of an unchanged paragraph is marked`);
        }
        if (when === 'once') {
          // analysed again after the edit: the new text
          assert.ok(report.text.includes('Update 1'), `${label}: the added paragraph is read`);
          assert.ok(!report.text.includes('Sandbags'), `${label}: the removed paragraph is not`);
        }
        if (when !== 'always') {
          const unmarked = report.quotes.filter((q) => !marked.has(q.text)).map((q) => q.text);
          assert.deepEqual(unmarked, [], `${label}: every quotation is marked`);
          const elsewhere = report.marks.filter((m) => m.paragraph < 0).map((m) => m.text);
          assert.deepEqual(elsewhere, [], `${label}: every mark is in a paragraph of the page (not of a replaced copy)`);
        }
        sameText(await paragraphs(page), `${label}, while highlighted`);
        assert.equal((await paragraphs(page)).outside, start.outside, `${label}: the text outside the article unchanged`);
        await new Promise((r) => setTimeout(r, 50)); // the ticker keeps ticking under the marks
        const after = await page.evaluate(clearInPage);
        assert.equal(after.leftovers, 0, `${label}: nothing of whosaid left after clear()`);
        assert.deepEqual(after.highlightNames, [], `${label}: no whosaid- highlight left after clear()`);
        const state = await paragraphs(page);
        sameText(state, `${label}, after clear()`);
        const untouched = (s) => s.nodes.filter(([id]) => id === 'p1' || id === 'p3');
        assert.deepEqual(untouched(state), untouched(start), `${label}: split text nodes joined again after clear()`);
        assert.deepEqual(errors, [], `${label}: no console error or page error`);
      } finally {
        await context.close();
      }
    }
  }

  // A MutationObserver that unwraps every element it did not make (wrap mode: ours).
  const label = 'hostile-mutating.html, a framework that unwraps unknown elements, wrap';
  const { page, context, errors } = await open('hostile-mutating');
  try {
    await page.evaluate(() => window.__startJanitor());
    const start = await paragraphs(page);
    const report = JSON.parse(await page.evaluate(highlightInPage, { options: WRAP.options, forbidden: FORBIDDEN }));
    assert.ok(report.marks.length > 0, `${label}: marked`);
    await page.waitForFunction(() => window.__janitorRuns > 0);
    sameText(await paragraphs(page), `${label}, after the page unwrapped the marks`);
    const after = await page.evaluate(clearInPage);
    assert.equal(after.leftovers, 0, `${label}: nothing of whosaid left after clear()`);
    const state = await paragraphs(page);
    sameText(state, `${label}, after clear()`);
    const untouched = (s) => s.nodes.filter(([id]) => id !== 'ticker');
    assert.deepEqual(untouched(state), untouched(start), `${label}: split text nodes joined again after clear()`);
    assert.deepEqual(errors, [], `${label}: no console error or page error`);
  } finally {
    await context.close();
  }
});

/**
 * In the page: installs the hostile kit's `kind` before or after importing /highlight.js, calls
 * highlight(), puts the browser's functions back, and reports what happened.
 */
async function hostileHighlight({ kind, when, options }) {
  const ours = () => [...document.querySelectorAll('*')].filter((el) => /^whosaid-/.test(el.localName)).length;
  const before = { bodyText: document.body.textContent, html: document.documentElement.outerHTML, sheets: document.adoptedStyleSheets.length };
  let mod = null;
  let error = null;
  let h = null;
  if (when === 'before') window.__hostile.install(kind);
  try {
    mod = await import('/highlight.js');
    if (when === 'after') window.__hostile.install(kind);
    h = await mod.highlight(undefined, options);
  } catch (e) {
    error = `${e?.name}: ${e?.message}`;
  } finally {
    window.__hostile.restore();
  }
  window.__h = h;
  const marks = (h?.marks ?? []).map((m) => ({
    kind: m.kind,
    text: m.range.toString(),
    expected: m.kind === 'mention' ? h.actors[m.index].mentions.map((x) => x.text) : [m.kind === 'quote' ? h.quotes[m.index].text : h.quotes[m.index].speaker.text],
  }));
  return {
    before,
    error,
    resolved: h !== null,
    quotes: h?.quotes.length ?? 0,
    marks,
    during: {
      bodyText: document.body.textContent,
      html: document.documentElement.outerHTML,
      ours: ours(),
      highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('whosaid-')).length,
      sheets: document.adoptedStyleSheets.length,
    },
  };
}

/** In the page: clear() with the hostile kit's `kind` installed, then the page as it is. */
function hostileClear({ kind }) {
  let error = null;
  window.__hostile.install(kind);
  try {
    window.__h?.clear();
  } catch (e) {
    error = `${e?.name}: ${e?.message}`;
  } finally {
    window.__hostile.restore();
  }
  return {
    error,
    bodyText: document.body.textContent,
    html: document.documentElement.outerHTML,
    ours: [...document.querySelectorAll('*')].filter((el) => /^whosaid-/.test(el.localName)).length,
    highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('whosaid-')).length,
    sheets: document.adoptedStyleSheets.length,
  };
}

test('replaced DOM and built-in functions: highlight() works or rejects, and never leaves the page altered', { timeout: 300_000 }, async (t) => {
  for (const kind of ['dom-throw', 'dom-misbehave', 'builtins-throw']) {
    for (const when of ['after', 'before']) {
      for (const run of [AUTO, WRAP]) {
        const label = `hostile-prototypes.html, ${kind} ${when} the import, ${run.tag}`;
        await t.test(label, async (t) => {
          const { page, context, errors } = await open('hostile-prototypes');
          try {
            const r = await page.evaluate(hostileHighlight, { kind, when, options: run.options });
            t.diagnostic(`${label}: ${r.resolved ? `worked (${r.quotes} quotes, ${r.marks.length} marks)` : `rejected (${r.error})`}`);
            assert.equal(r.during.bodyText, r.before.bodyText, `${label}: text unchanged after highlight()`);
            if (r.resolved) {
              assert.ok(r.marks.length > 0, `${label}: marks drawn`);
              for (const m of r.marks) {
                assert.ok(m.expected.includes(m.text), `${label}: a ${m.kind} mark holds "${m.text}", expected one of ${JSON.stringify(m.expected)}`);
              }
              // clear() with the same functions replaced
              const after = await page.evaluate(hostileClear, { kind });
              assert.equal(after.error, null, `${label}: clear() does not throw`);
              assert.equal(after.bodyText, r.before.bodyText, `${label}: text unchanged after clear()`);
              assert.equal(after.html, r.before.html, `${label}: HTML as before after clear()`);
              assert.deepEqual([after.ours, after.highlights, after.sheets], [0, 0, r.before.sheets], `${label}: nothing of whosaid left after clear()`);
            } else {
              assert.match(r.error, /./, `${label}: the rejection says why`);
              assert.equal(r.during.html, r.before.html, `${label}: HTML as before after the rejection`);
              assert.deepEqual([r.during.ours, r.during.highlights, r.during.sheets], [0, 0, r.before.sheets], `${label}: nothing of whosaid left after the rejection`);
            }
            if (kind.startsWith('dom-') && when === 'after') {
              assert.ok(r.resolved, `${label}: DOM functions replaced after the import do not stop highlight() (${r.error})`);
            }
            assert.deepEqual(errors, [], `${label}: no console error or page error`);
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});

test('page-defined custom elements and page CSS under whosaid\'s names change no text', { timeout: 120_000 }, async (t) => {
  {
    const { page, context, errors } = await open('hostile-elements');
    try {
      const lines = await blocksOf(page, 'article h1, article p');
      for (const run of [AUTO, WRAP, { ...AUTO, tag: 'auto, panel', options: { panel: true } }, { ...WRAP, tag: 'wrap, panel', options: { mode: 'wrap', panel: true } }]) {
        const label = `hostile-elements.html, ${run.tag}`;
        await highlightAndClear(t, page, label, run, {
          lines,
          absent: ['PWNED'],
          shot: `hostile-elements-${run.tag.replace(', ', '-')}`,
          during: async () => {
            const tags = await page.evaluate(() => [...new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.startsWith('whosaid-')))]);
            for (const tag of ['whosaid-mark', 'whosaid-overlay', 'whosaid-panel']) {
              assert.ok(!tags.includes(tag), `${label}: no <${tag}>, the page's own element (used: ${tags})`);
            }
          },
        });
      }
      // The page defines the wrappers' fallback name after highlight(): its code runs on them
      // (not guarded against), and clear() still puts the text back.
      const label = 'hostile-elements.html, the wrappers\' name defined afterwards, wrap';
      const report = JSON.parse(await page.evaluate(highlightInPage, { options: WRAP.options, forbidden: FORBIDDEN }));
      const tag = await page.evaluate(() => document.querySelector('article p *').localName);
      await page.evaluate((name) => window.__defineLate(name), tag);
      const during = await page.evaluate(() => document.body.textContent);
      t.diagnostic(`${label}: <${tag}> defined by the page after highlight(): the text shows ${during.split('PWNED').length - 1} PWNED while highlighted`);
      checkCleared(report, await page.evaluate(clearInPage), label);
      assert.deepEqual(errors, [], 'no console error or page error');
    } finally {
      await context.close();
    }
  }
  {
    const { page, context, errors } = await open('hostile-styles');
    try {
      const lines = await blocksOf(page, 'article h1, article p');
      for (const run of [AUTO, WRAP]) {
        const label = `hostile-styles.html, ${run.tag}`;
        await highlightAndClear(t, page, label, run, {
          lines,
          shot: `hostile-styles-${run.tag}`,
          during: async () => {
            const looks = await page.evaluate(() => [...document.querySelectorAll('whosaid-mark')].map((w) => {
              const style = getComputedStyle(w);
              return `${style.display} ${getComputedStyle(w, '::before').content} ${getComputedStyle(w, '::after').content}`;
            }));
            assert.deepEqual([...new Set(looks)], run.expectMode === 'wrap' ? ['inline none none'] : [], `${label}: the wrappers stay inline, with no generated text`);
          },
        });
      }
      assert.deepEqual(errors, [], 'no console error or page error');
    } finally {
      await context.close();
    }
  }
});

test('text that looks like HTML stays text: in the page, the overlay and the panel', { timeout: 120_000 }, async (t) => {
  const { page, context, errors, dialogs, requests } = await open('hostile-markup');
  try {
    const lines = await blocksOf(page, 'article h1, article p');
    const elements = () => page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      script: document.querySelectorAll('script').length,
      svg: document.querySelectorAll('svg').length,
      style: document.querySelectorAll('style').length,
    }));
    const elementsBefore = await elements();
    for (const run of [{ ...AUTO, options: { panel: true } }, { ...WRAP, options: { mode: 'wrap', panel: true } }]) {
      const label = `hostile-markup.html, ${run.tag}, panel`;
      const report = await highlightAndClear(t, page, label, run, {
        lines,
        shot: `hostile-markup-${run.tag}`,
        during: async (report) => {
          // hover the quotation with the <img>, then focus the panel's entry of the <script> one
          const rect = await page.evaluate(() => {
            const m = window.__h.marks.find((x) => x.kind === 'quote' && x.range.toString().includes('<img'));
            const r = m.range.getClientRects()[0];
            return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          });
          await page.mouse.move(rect.x, rect.y);
          const tip = await page.evaluate(() => {
            const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('whosaid-overlay'));
            const tip = host.shadowRoot.querySelector('[role=tooltip]');
            return { shown: !tip.hidden, text: tip.textContent };
          });
          assert.ok(tip.shown, `${label}: hovering the quotation shows the overlay`);
          assert.match(tip.text, /the editor/, `${label}: the overlay names the speaker`);
          const panel = await page.evaluate(() => {
            const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('whosaid-panel'));
            const buttons = [...host.shadowRoot.querySelectorAll('button')];
            buttons.find((b) => b.textContent.includes('<script>')).focus();
            return buttons.map((b) => b.textContent);
          });
          for (const q of report.quotes.filter((x) => x.kind === 'direct')) {
            assert.ok(panel.includes(q.text), `${label}: the panel shows ${JSON.stringify(q.text)} as it is`);
          }
          assert.ok(panel.some((b) => b.includes('<img src=x onerror=alert(1)>')), `${label}: the panel shows the <img> text literally`);
          assert.ok(panel.some((b) => b.includes('&lt;b&gt;')), `${label}: and entities as written`);
          const shadows = await page.evaluate(() => [...document.querySelectorAll('*')]
            .filter((e) => /^whosaid-(overlay|panel)/.test(e.localName))
            .flatMap((host) => [...host.shadowRoot.querySelectorAll('*')].map((e) => e.localName)));
          const made = [...new Set(shadows)].sort();
          assert.deepEqual(made.filter((n) => !['aside', 'button', 'div', 'h2', 'h3', 'header', 'li', 'p', 'span', 'strong', 'ul'].includes(n)), [],
            `${label}: the overlay and panel hold only their own elements (${made})`);
          assert.deepEqual(await elements(), elementsBefore, `${label}: no img, script, svg or style element appeared in the page`);
        },
      });
      assert.ok(report.quotes.some((q) => q.text.includes('<img src=x onerror=alert(1)>')), `${label}: the quotation with the <img> text is found`);
    }
    await page.waitForTimeout(200); // an onerror or onload would have fired by now
    assert.deepEqual(dialogs, [], 'no dialog was opened');
    assert.deepEqual(requests.filter((u) => /\/x$/.test(u)), [], 'no request for the <img> text\'s src');
    assert.deepEqual(await elements(), elementsBefore, 'no img, script, svg or style element appeared');
    assert.deepEqual(errors, [], 'no console error or page error');
  } finally {
    await context.close();
  }
});
