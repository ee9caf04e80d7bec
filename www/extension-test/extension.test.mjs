// Tests of the browser extension in headless Chromium (playwright-core, Debian's chromium), with
// the test variant www/dist/extension/chromium-test/ loaded (the shipped one plus host access to
// http://127.0.0.1: activeTab is granted only by a real click on the toolbar button). For each
// page of pages/ (served by ../browser-test/server.mjs): the side panel for the tab first shows
// #empty; whosaid.toggle(tabId) in the service worker (what the button and the shortcut call)
// highlights the page with whosaid- entries in CSS.highlights (the content script's isolated
// world shares the document's registry) and leaves document.body.textContent as it was; the
// panel then lists who said what, and on long.html clicking the entry of the quotation near the
// bottom scrolls the tab to it; toggling again clears every highlight. No console error or page
// error in the article pages, the panel or the worker, no CSP violation, and no request but to
// the test server and the extension's own files. strict.html forbids wasm in the page, so
// passing there shows that the analysis runs in the service worker.
// Screenshots go to extension-test/screenshots/ (git-ignored).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { start, stop, STRICT_CSP } from '../browser-test/server.mjs';
import { launchExtension, openPage, screenshot } from './extension.mjs';

let origin;
let ext;

before(async () => {
  origin = await start();
  ext = await launchExtension();
});

after(async () => {
  await ext?.close();
  await stop();
});

/** Whitespace-collapsed text, to compare quotations with what the panel and the ranges show. */
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Runs in the article page: what a test needs to know about it (plain data). */
function pageState() {
  window.__violations ??= [];
  if (!window.__listening) {
    window.__listening = true;
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.effectiveDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  }
  const names = [...CSS.highlights.keys()].filter((k) => k.startsWith('whosaid-'));
  return {
    bodyText: document.body.textContent,
    highlights: names,
    rangeTexts: names.flatMap((n) => [...CSS.highlights.get(n)].map((r) => r.toString())),
    scrollY: window.scrollY,
    violations: [...window.__violations],
  };
}

/** Runs in the panel page: its list of who said what, and whether #empty is shown. */
function panelState() {
  const list = document.querySelector('#who-said-what');
  const empty = document.querySelector('#empty');
  const shown = (el) => el !== null && !el.hidden && el.getClientRects().length > 0;
  return {
    hasList: list !== null,
    listShown: shown(list),
    emptyShown: shown(empty),
    headings: list ? [...list.querySelectorAll('h2')].map((h) => h.textContent.trim()) : [],
    buttons: list ? [...list.querySelectorAll('button.quote')].map((b) => b.textContent) : [],
  };
}

/** The id of the one tab showing `url`, asked of chrome.tabs in the service worker. */
async function tabIdOf(url) {
  const ids = await ext.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u })).map((t) => t.id), url);
  assert.equal(ids.length, 1, `one tab shows ${url} (chrome.tabs.query found ${JSON.stringify(ids)})`);
  return ids[0];
}

const toggle = (tabId) => ext.worker.evaluate((id) => globalThis.whosaid.toggle(id), tabId);
const state = (tabId) => ext.worker.evaluate((id) => globalThis.whosaid.state(id), tabId);

/** Polls `fn` in `page` every 100 ms (rAF polling stalls in a background tab) until truthy. */
function waitIn(page, fn, arg, what, timeout = 15_000) {
  return page.waitForFunction(fn, arg, { polling: 100, timeout }).catch((e) => {
    throw new Error(`timed out waiting for ${what}`, { cause: e });
  });
}

/**
 * Opens pages/NAME.html and the side panel page for its tab, highlights, checks the page and the
 * panel, runs `onPanel(article, panel, highlighted)` if given, clears and checks again.
 * Resolves to the state while highlighted (the worker's {quotes, actors}).
 */
async function exercise(t, name, { onPanel, csp } = {}) {
  const url = `${origin}/extension-test/pages/${name}.html`;
  const { page, errors } = await openPage(ext.context);
  const { page: panel, errors: panelErrors } = await openPage(ext.context);
  await panel.setViewportSize({ width: 400, height: 900 }); // about a side panel's size
  const workerErrorsBefore = ext.workerErrors.length;
  // Every request must go to the test server or to the extension's own files.
  const elsewhere = [];
  const onRequest = (r) => {
    if (!r.url().startsWith(`${origin}/`) && !r.url().startsWith(`chrome-extension://${ext.id}/`)) elsewhere.push(r.url());
  };
  ext.context.on('request', onRequest);
  try {
    const response = await page.goto(url);
    assert.equal(response.status(), 200, `${name}.html is served`);
    assert.equal(response.headers()['content-security-policy'], csp, `${name}.html: its Content-Security-Policy`);
    const before = await page.evaluate(pageState);
    assert.deepEqual(before.highlights, [], `${name}.html: no whosaid- highlight before the toggle`);
    const tabId = await tabIdOf(url);
    const panelUrl = `chrome-extension://${ext.id}/panel.html?tab=${tabId}`;

    // Nothing highlighted yet: the panel says so.
    await panel.goto(panelUrl);
    await waitIn(panel, () => document.querySelector('#empty')?.getClientRects().length > 0, null,
      `${name}.html: the panel to show #empty before anything is highlighted`);

    // Highlight.
    assert.equal(await toggle(tabId), 'highlighted', `${name}.html: the first toggle highlights`);
    await waitIn(page, () => [...CSS.highlights.keys()].some((k) => k.startsWith('whosaid-')), null,
      `${name}.html: whosaid- entries in CSS.highlights`);
    const during = await page.evaluate(pageState);
    const analysis = await state(tabId);
    t.diagnostic(`${name}.html: ${analysis?.quotes?.length} quotes, ${analysis?.actors?.length} actors, ` +
      `highlights ${JSON.stringify(during.highlights)} with ${during.rangeTexts.length} ranges`);
    assert.ok(during.highlights.length > 0, `${name}.html: CSS.highlights has whosaid- entries`);
    assert.equal(during.bodyText, before.bodyText, `${name}.html: document.body.textContent unchanged while highlighted`);
    assert.ok(analysis && Array.isArray(analysis.quotes) && Array.isArray(analysis.actors),
      `${name}.html: whosaid.state(tabId) is {quotes, actors} while highlighted`);
    assert.ok(analysis.quotes.length >= 2, `${name}.html: at least 2 quotations found (${analysis.quotes.length})`);
    const ranges = during.rangeTexts.map(squash);
    for (const q of analysis.quotes) {
      assert.ok(ranges.some((r) => r.includes(squash(q.text))),
        `${name}.html: the quotation ${JSON.stringify(q.text)} is inside a highlighted range (ranges: ${JSON.stringify(ranges)})`);
    }
    await screenshot(page, `${name}-highlighted`);

    // The panel lists who said what for this tab.
    await panel.reload();
    await waitIn(panel, () => document.querySelectorAll('#who-said-what button.quote').length >= 2, null,
      `${name}.html: at least 2 button.quote in the panel's #who-said-what`);
    const listed = await panel.evaluate(panelState);
    t.diagnostic(`${name}.html: panel headings ${JSON.stringify(listed.headings)}, ${listed.buttons.length} quotations`);
    assert.ok(listed.listShown, `${name}.html: #who-said-what is shown`);
    assert.ok(!listed.emptyShown, `${name}.html: #empty is not shown while highlighted`);
    assert.ok(listed.buttons.length <= analysis.quotes.length, `${name}.html: no more entries than quotations`);
    // An h2 shows an actor's name (perhaps with more, such as its kind).
    const names = analysis.actors.map((a) => squash(a.name));
    assert.ok(listed.headings.some((h) => names.some((n) => squash(h).includes(n))),
      `${name}.html: an h2 names an actor (headings ${JSON.stringify(listed.headings)}, actors ${JSON.stringify(names)})`);
    const quotes = analysis.quotes.map((q) => squash(q.text));
    for (const b of listed.buttons) {
      // The quotation, possibly shortened with an ellipsis (and perhaps inside quote marks).
      const parts = squash(b).replace(/^[“"‘']+|[”"’']+$/g, '').split('…').map((p) => p.trim()).filter((p) => p !== '');
      assert.ok(parts.length > 0 && quotes.some((q) => parts.every((p) => q.includes(p))),
        `${name}.html: the panel entry ${JSON.stringify(b)} is one of the quotations ${JSON.stringify(quotes)}`);
    }
    await screenshot(panel, `${name}-panel`);
    if (onPanel) await onPanel(page, panel, listed);

    // Clear.
    assert.equal(await toggle(tabId), 'cleared', `${name}.html: the second toggle clears`);
    await waitIn(page, () => ![...CSS.highlights.keys()].some((k) => k.startsWith('whosaid-')), null,
      `${name}.html: no whosaid- entry left in CSS.highlights`);
    const cleared = await page.evaluate(pageState);
    assert.deepEqual(cleared.highlights, [], `${name}.html: no whosaid- highlight after the second toggle`);
    assert.equal(cleared.bodyText, before.bodyText, `${name}.html: document.body.textContent unchanged after clearing`);
    assert.equal(await state(tabId), null, `${name}.html: whosaid.state(tabId) is null once cleared`);
    await panel.reload();
    await waitIn(panel, () => document.querySelector('#empty')?.getClientRects().length > 0, null,
      `${name}.html: the panel to show #empty again once cleared`);

    assert.deepEqual(cleared.violations, [], `${name}.html: no Content-Security-Policy violation`);
    assert.deepEqual(errors, [], `${name}.html: no console error or page error`);
    // (The worker's console messages also reach the panel's console: check the worker first.)
    assert.deepEqual(ext.workerErrors.slice(workerErrorsBefore), [], `${name}.html: no console error in the service worker`);
    assert.deepEqual(panelErrors, [], `${name}.html: no console error or page error in the panel`);
    assert.deepEqual(elsewhere, [], `${name}.html: no request but to the page's server and the extension's files`);
    return analysis;
  } finally {
    ext.context.off('request', onRequest);
    await panel.close();
    await page.close();
  }
}

test('plain.html: highlighted, listed in the panel, cleared', { timeout: 120_000 }, async (t) => {
  const analysis = await exercise(t, 'plain');
  assert.ok(analysis.quotes.some((q) => q.text.includes('rebuilt the pier')), 'the harbour master\'s quotation is found');
});

test('strict.html: a page whose CSP forbids wasm and inline script (the analysis runs in the worker)', { timeout: 120_000 }, async (t) => {
  const analysis = await exercise(t, 'strict', { csp: STRICT_CSP });
  assert.ok(analysis.quotes.some((q) => q.text.includes('galaxies')), 'the director\'s quotation is found');
});

test('long.html: clicking the quotation near the bottom in the panel scrolls the tab to it', { timeout: 120_000 }, async (t) => {
  await exercise(t, 'long', {
    onPanel: async (article, panel, listed) => {
      const wanted = listed.buttons.findIndex((b) => b.includes('lighthouse ledger'));
      assert.ok(wanted >= 0, `an entry for the quotation near the bottom ("The lighthouse ledger …") in ${JSON.stringify(listed.buttons)}`);
      const top = await article.evaluate(() => ({ y: window.scrollY, height: document.documentElement.scrollHeight, view: window.innerHeight }));
      assert.equal(top.y, 0, 'the article starts at the top');
      assert.ok(top.height > 3 * top.view, `the article is several screens tall (${top.height} px, window ${top.view} px)`);
      await panel.locator('#who-said-what button.quote').nth(wanted).click();
      await waitIn(article, () => window.scrollY > 0, null, 'the article to scroll after the click');
      // Smooth scrolling may take a moment: wait until the quotation's paragraph is on screen.
      await waitIn(article, () => {
        const p = [...document.querySelectorAll('p')].find((e) => e.textContent.includes('lighthouse ledger'));
        const r = p.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      }, null, 'the quotation near the bottom to be scrolled into view');
      t.diagnostic(`long.html: scrolled to y = ${await article.evaluate(() => window.scrollY)}`);
      await screenshot(article, 'long-scrolled', { fullPage: false });
    },
  });
});

test('a page with no article: the panel says so and offers the whole page; what was read is shown', { timeout: 120_000 }, async (t) => {
  const url = `${origin}/browser-test/pages/furniture/home.html`;
  const { page, errors } = await openPage(ext.context);
  const { page: panel, errors: panelErrors } = await openPage(ext.context);
  await panel.setViewportSize({ width: 400, height: 900 });
  try {
    await page.goto(url);
    const before = await page.evaluate(pageState);
    const tabId = await tabIdOf(url);
    await panel.goto(`chrome-extension://${ext.id}/panel.html?tab=${tabId}`);
    await waitIn(panel, () => document.querySelector('#empty')?.getClientRects().length > 0, null, 'the panel to say "not highlighted yet"');
    // The toolbar button: no article on a home page.
    assert.equal(await toggle(tabId), 'no-article', 'the toggle on a home page finds no article');
    assert.deepEqual((await page.evaluate(pageState)).highlights, [], 'nothing is highlighted');
    await panel.reload();
    await waitIn(panel, () => document.querySelector('#no-article')?.getClientRects().length > 0, null, 'the panel to say "no article found"');
    const shown = await panel.evaluate(() => ({
      empty: document.querySelector('#empty').getClientRects().length > 0,
      whole: document.querySelector('#whole').getClientRects().length > 0 ? document.querySelector('#whole').textContent : null,
    }));
    assert.equal(shown.empty, false, '"not highlighted yet" is not shown beside "no article found"');
    assert.equal(shown.whole, 'Highlight the whole page', 'the panel offers the whole page');
    await screenshot(panel, 'no-article-panel');
    // The reader takes the whole page.
    await panel.locator('#whole').click();
    await waitIn(page, () => [...CSS.highlights.keys()].some((k) => k.startsWith('whosaid-')), null, 'the whole page to be highlighted');
    await panel.reload();
    await waitIn(panel, () => document.querySelector('#read')?.getClientRects().length > 0, null, 'the panel to say what was read');
    const read = await panel.evaluate(() => document.querySelector('#read').textContent.replace(/\s+/g, ' ').trim());
    assert.equal(read, 'Read: the whole page');
    const during = await page.evaluate(pageState);
    assert.equal(during.bodyText, before.bodyText, 'the page text is as before while highlighted');
    t.diagnostic(`home.html, whole page: ${(await state(tabId))?.quotes?.length} quotations`);
    // The button clears.
    assert.equal(await toggle(tabId), 'cleared');
    assert.deepEqual((await page.evaluate(pageState)).highlights, [], 'cleared');
    assert.deepEqual([...errors, ...panelErrors], [], 'no console error or page error');
  } finally {
    await page.close();
    await panel.close();
  }
});

test('an article with no quotation: the panel tells it apart from "not highlighted yet" and names the article read', { timeout: 120_000 }, async () => {
  const url = `${origin}/extension-test/pages/plain.html`;
  const { page } = await openPage(ext.context);
  const { page: panel } = await openPage(ext.context);
  try {
    await page.goto(url);
    // the page's quotations made plain sentences: an article that quotes no one
    await page.evaluate(() => {
      for (const p of document.querySelectorAll('p')) p.textContent = 'The harbour opened at dawn and the boats went out to sea before the wind rose over the bay.';
    });
    const tabId = await tabIdOf(url);
    assert.equal(await toggle(tabId), 'highlighted');
    await panel.goto(`chrome-extension://${ext.id}/panel.html?tab=${tabId}`);
    await waitIn(panel, () => document.querySelector('#none')?.getClientRects().length > 0, null, 'the panel to say "no quotations in this article"');
    const s = await panel.evaluate(() => ({
      none: document.querySelector('#none').textContent,
      empty: document.querySelector('#empty').getClientRects().length > 0,
      read: document.querySelector('#read').textContent.replace(/\s+/g, ' ').trim(),
      h1: null,
    }));
    assert.equal(s.none, 'No quotations in this article.');
    assert.equal(s.empty, false);
    const h1 = await page.evaluate(() => document.querySelector('h1')?.textContent.replace(/\s+/g, ' ').trim() ?? null);
    assert.equal(s.read, `Read: ${h1}`, 'the panel names the article read by its headline');
    assert.equal(await toggle(tabId), 'cleared');
  } finally {
    await page.close();
    await panel.close();
  }
});

test('one 320 KB sentence of attributions ("he said he said …"): highlighted, its result bounded, the worker alive', { timeout: 180_000 }, async () => {
  const url = `${origin}/extension-test/pages/plain.html`;
  const { page, errors } = await openPage(ext.context);
  try {
    await page.goto(url);
    const length = await page.evaluate(() => {
      const p = document.querySelector('p');
      p.textContent = 'he said '.repeat(40_000);
      return p.textContent.length;
    });
    const tabId = await tabIdOf(url);
    assert.equal(await toggle(tabId), 'highlighted', 'the toggle highlights the page');
    const s = await state(tabId);
    assert.ok(s && s.quotes.length > 0, 'the reports are found');
    const size = JSON.stringify({ quotes: s.quotes, actors: s.actors }).length;
    assert.ok(size <= 20 * length, `the result is ${size} characters for ${length} of text: at most 20 times`);
    assert.equal(await toggle(tabId), 'cleared', 'the worker still answers: the second toggle clears');
    assert.deepEqual(errors, [], 'no console error or page error');
  } finally {
    await page.close();
  }
});
