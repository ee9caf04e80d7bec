// Browser tests of the article finder (www/article.js, through highlight() without a root) on
// pages written for the project that are built like real news sites (pages/furniture/, see its
// README): the story is read whole, across sibling blocks, and nothing of the furniture around
// or inside it (teasers, galleries, related and most-read lists, forms, share widgets, video
// players, cookie notices, footers); the headline is read apart and no reported speech comes of
// it; the byline and photo credits are left out (the author is never a speaker); captions are
// blocks of their own; pages with no article say so, and {scope: 'page'} reads them whole.
// Also: highlight()'s two signatures and its errors for bad arguments.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openPage, useBrowser } from './browser.mjs';

const env = useBrowser();

/**
 * Runs in the page: highlight() with no root, and what the test checks, as plain data.
 * @param {{options: object}} arg
 */
async function readPage({ options }) {
  const { highlight } = await import('/highlight.js');
  const squash = (s) => s.replace(/\s+/g, ' ').trim();
  const before = document.body.textContent;
  const texts = (sel) => [...document.querySelectorAll(sel)].map((el) => squash(el.textContent));
  /** The text nodes of an element of furniture long enough to be told apart (20 characters). */
  const furniture = [...document.querySelectorAll('[data-expect=skip]')].flatMap((el) => {
    const out = [];
    const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) if (squash(n.data).length >= 20) out.push(squash(n.data));
    return out;
  });
  const expect = document.querySelector('meta[name=whosaid-expect]')?.getAttribute('content');
  let h;
  try {
    h = await highlight(options);
  } catch (e) {
    return { expect, error: { name: e.name, message: e.message }, intact: document.body.textContent === before };
  }
  const skipEls = [...document.querySelectorAll('[data-expect=skip], [data-expect=byline], [data-expect=credit]')];
  const inSkip = (range) => skipEls.some((el) => range.intersectsNode(el) && el.contains(range.startContainer));
  const out = {
    expect,
    text: h.text,
    article: h.article,
    read: texts('[data-expect=read]'),
    captions: texts('[data-expect=caption]'),
    headline: texts('[data-expect=headline]')[0] ?? null,
    bylines: texts('[data-expect=byline]'),
    credits: texts('[data-expect=credit]'),
    furniture,
    quotes: h.quotes.map((q) => ({ text: q.text, kind: q.kind, headline: !!q.headline, speaker: q.speaker?.text ?? null, actor: q.actor === null ? null : h.actors[q.actor].name })),
    actors: h.actors.map((a) => a.name),
    marksInFurniture: h.marks.filter((m) => inSkip(m.range)).map((m) => m.range.toString().slice(0, 60)),
  };
  const panel = [...document.querySelectorAll('*')].find((el) => el.localName.startsWith('whosaid-panel'));
  out.panelText = panel?.shadowRoot?.textContent ?? null;
  h.clear();
  out.intact = document.body.textContent === before;
  return out;
}

/** Opens pages/furniture/NAME.html and reads it (see readPage). */
async function read(name, options = { panel: true }) {
  const { page, context, errors } = await openPage(env.browser);
  try {
    const response = await page.goto(`${env.origin}/browser-test/pages/furniture/${name}.html`);
    assert.equal(response.status(), 200, `${name}.html is served`);
    const r = await page.evaluate(readPage, { options });
    assert.deepEqual(errors, [], `${name}.html: no console error or page error`);
    assert.ok(r.intact, `${name}.html: the page's text is as before after clear()`);
    return r;
  } finally {
    await context.close();
  }
}

/** The checks every article page must pass. */
function checkArticle(name, r) {
  assert.equal(r.expect, 'article', `${name}.html declares an article`);
  assert.equal(r.error, undefined, `${name}.html: highlight() found the article (${r.error?.message})`);
  const lines = new Set(r.text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()));
  const flat = r.text.replace(/\s+/g, ' ');
  for (const p of r.read) assert.ok(flat.includes(p), `${name}.html: the story's block is read: ${p.slice(0, 80)}`);
  for (const c of r.captions) assert.ok(lines.has(c), `${name}.html: a caption is read as a block of its own: ${c.slice(0, 80)}`);
  for (const f of r.furniture) assert.ok(!flat.includes(f), `${name}.html: furniture is not read: ${f.slice(0, 80)}`);
  assert.deepEqual(r.marksInFurniture, [], `${name}.html: no mark in furniture, bylines or credits`);
  for (const b of r.bylines) {
    assert.ok(!flat.includes(b), `${name}.html: the byline is not read: ${b}`);
    for (const q of r.quotes) {
      for (const who of [q.speaker, q.actor]) {
        if (who) assert.ok(!b.includes(who) || who.length < 4, `${name}.html: the byline's author is no speaker ("${who}" in "${b}")`);
      }
    }
  }
  for (const c of r.credits) assert.ok(!lines.has(c), `${name}.html: a credit is not read as a block: ${c}`);
  if (r.headline) {
    assert.equal(r.article.headline?.text, r.headline, `${name}.html: the headline is read apart, as itself`);
    assert.ok(r.text.startsWith(`${r.headline}`) || r.text.replace(/\s+/g, ' ').startsWith(r.headline), `${name}.html: the headline opens the text`);
    const end = r.article.headline ? r.headline.length : 0;
    for (const q of r.quotes.filter((x) => x.headline)) {
      assert.equal(q.kind, 'direct', `${name}.html: a headline quotation is direct, never reported speech`);
    }
    assert.ok(end > 0);
  }
  assert.match(r.panelText ?? '', /Read: /, `${name}.html: the panel says what was read`);
  assert.equal(r.article.scope, 'article');
}

for (const name of ['teaser-first', 'sibling-blocks', 'gallery', 'widgets', 'byline-captions', 'json-ld']) {
  test(`furniture/${name}.html: the story is read whole, the furniture left out`, { timeout: 60_000 }, async (t) => {
    const r = await read(name);
    t.diagnostic(`${name}.html: ${r.text.length} chars, ${r.quotes.length} quotes, ${r.actors.length} actors; headline ${JSON.stringify(r.article.headline?.text ?? null)}`);
    checkArticle(name, r);
  });
}

test('sibling blocks: the speaker keeps her first, full mention', { timeout: 60_000 }, async () => {
  const r = await read('sibling-blocks');
  const okafor = r.quotes.filter((q) => q.actor && /Okafor/.test(q.actor));
  assert.ok(okafor.length >= 2, `quotations said by Okafor: ${JSON.stringify(r.quotes)}`);
  assert.ok(r.actors.includes('Amara Okafor'), `the actor has her full name: ${JSON.stringify(r.actors)}`);
});

test('byline and captions: "he said" is the quoted man, never the byline\'s author', { timeout: 60_000 }, async () => {
  const r = await read('byline-captions');
  const he = r.quotes.filter((q) => q.speaker === 'he');
  assert.ok(he.length >= 1, `a quotation said by "he": ${JSON.stringify(r.quotes)}`);
  for (const q of he) assert.equal(q.actor, 'Gerald Pike', `"he" is Gerald Pike: ${JSON.stringify(q)}`);
  assert.ok(!r.actors.some((a) => /Reyes|Northwind|Provided/.test(a)), `no actor from the byline or the credits: ${JSON.stringify(r.actors)}`);
});

test('json-ld: the headline\'s quotation is said by the body\'s speaker of the same words', { timeout: 60_000 }, async () => {
  const r = await read('json-ld');
  const head = r.quotes.filter((q) => q.headline);
  assert.equal(head.length, 1, `one headline quotation: ${JSON.stringify(r.quotes)}`);
  assert.equal(head[0].actor, 'Daniela Lin');
  assert.match(r.article.title, /bridge will reopen/);
  assert.ok(r.article.byline, 'the declared author is known');
  assert.ok(!r.quotes.some((q) => q.kind === 'indirect' && /want you to know/.test(q.text)), 'the dek is not reported speech');
});

for (const name of ['home', 'search']) {
  test(`furniture/${name}.html: no article is found, and the page says so; {scope: 'page'} reads it all`, { timeout: 60_000 }, async () => {
    const r = await read(name);
    assert.equal(r.expect, 'no-article');
    assert.equal(r.error?.name, 'NoArticleError', `highlight() rejects with a NoArticleError: ${JSON.stringify(r.error ?? r.article)}`);
    assert.match(r.error.message, /no article found on this page/);
    assert.match(r.error.message, /scope: "page"/, 'the message says how to highlight the whole page');
    const whole = await read(name, { scope: 'page' });
    assert.equal(whole.error, undefined, `{scope: 'page'} highlights: ${whole.error?.message}`);
    assert.equal(whole.article.scope, 'page');
    assert.ok(whole.text.length > 1000, 'the whole page is read');
  });
}

/** Runs in the page: highlight() called with `args` (described: see below), how it ends. */
async function callWith({ args }) {
  const { highlight } = await import('/highlight.js');
  const real = args.map((a) => (a === '#article' ? document.querySelector('article') : a === '#text' ? document.querySelector('p').firstChild : a === '#document' ? document : a));
  try {
    const h = await highlight(...real);
    const r = { ok: true, quotes: h.quotes.length, scope: h.article.scope };
    h.clear();
    return r;
  } catch (e) {
    return { ok: false, name: e.name, message: e.message };
  }
}

test('highlight(options) and highlight(root, options) both work; bad arguments get a TypeError naming them', { timeout: 60_000 }, async () => {
  const { page, context } = await openPage(env.browser);
  try {
    await page.goto(`${env.origin}/browser-test/pages/furniture/widgets.html`);
    const call = (...args) => page.evaluate(callWith, { args });
    const asOptions = await call({ panel: true });
    assert.equal(asOptions.ok, true, `highlight({panel: true}): ${asOptions.message}`);
    assert.equal(asOptions.scope, 'article');
    const both = await call('#article', { panel: true });
    assert.equal(both.ok, true, `highlight(root, {panel: true}): ${both.message}`);
    assert.equal(both.scope, 'root');
    assert.equal((await call()).ok, true, 'highlight()');
    assert.equal((await call('#document')).scope, 'article', 'highlight(document): its article');
    for (const [args, what] of [
      [['p.story'], /the first argument is the string "p\.story"/],
      [[42], /the first argument is number 42/],
      [['#text'], /a #text node, not an element/],
      [[{ panel: true }, { quotes: true }], /two options objects/],
      [['#article', 'wrap'], /the options must be an object, not the string "wrap"/],
      [[{ pannel: true }], /unknown option "pannel"/],
      [[{ scope: 'everything' }], /"scope" must be "article" or "page"/],
      [[{ panel: 'yes' }], /"panel" must be a boolean/],
    ]) {
      const r = await call(...args);
      assert.equal(r.ok, false, `highlight(${JSON.stringify(args)}) is refused`);
      assert.equal(r.name, 'TypeError', `highlight(${JSON.stringify(args)}): a TypeError (${r.message})`);
      assert.match(r.message, what);
    }
  } finally {
    await context.close();
  }
});

test('the in-page panel makes room for itself beside the article, folds, and leaves the page as it was', { timeout: 60_000 }, async () => {
  const { page, context, errors } = await openPage(env.browser);
  try {
    await page.goto(`${env.origin}/browser-test/pages/furniture/byline-captions.html`);
    const r = await page.evaluate(async () => {
      const { highlight } = await import('/highlight.js');
      const margin = () => getComputedStyle(document.documentElement).marginRight;
      const para = document.querySelector('[data-expect=read]');
      const out = { before: margin(), width: para.getBoundingClientRect().right };
      const h = await highlight({ panel: true });
      const host = [...document.querySelectorAll('*')].find((el) => el.localName.startsWith('whosaid-panel'));
      const aside = host.shadowRoot.querySelector('aside');
      out.open = margin();
      out.panelLeft = aside.getBoundingClientRect().left;
      out.textRight = para.getBoundingClientRect().right;
      host.shadowRoot.querySelector('button.fold').click();
      out.folded = margin();
      out.foldedWidth = aside.getBoundingClientRect().width;
      out.expanded = host.shadowRoot.querySelector('button.fold').getAttribute('aria-expanded');
      host.shadowRoot.querySelector('button.fold').click();
      out.reopened = margin();
      h.clear();
      out.after = margin();
      return out;
    });
    assert.equal(r.before, '0px');
    assert.notEqual(r.open, '0px', 'the page gets a right margin as wide as the panel');
    assert.ok(r.textRight <= r.panelLeft + 1, `the article's text ends left of the panel (${r.textRight} <= ${r.panelLeft})`);
    assert.equal(r.folded, '0px', 'folded, the page has all its width back');
    assert.ok(r.foldedWidth < 60, `folded, the panel is a strip (${r.foldedWidth} px)`);
    assert.equal(r.expanded, 'false');
    assert.equal(r.reopened, r.open, 'opened again, it makes room again');
    assert.equal(r.after, '0px', 'clear() leaves the page\'s margin as it was');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
