// whosaid article finder: which of a page's text nodes are the story a reader reads, and what
// the page says of its structure (headline, byline, captions, photo credits).
//
// The story is found the way Firefox's Reader View finds it: @mozilla/readability (Apache-2.0)
// runs on a clone of the document (it rewrites the tree it reads), and its choice is mapped
// back to the live page's text nodes: the clone's text nodes are paired with the live ones by
// walking both trees in step; where Readability had to rebuild its tree from HTML (it retries
// so when a first pass finds too little text), its nodes are new, and are paired by their text,
// in order. The live page is never changed here.
//
// Then what the page declares, before any guess: schema.org JSON-LD and microdata, Open Graph
// (Readability reads these for the title and the byline), rel="author", itemprop="author",
// <figcaption>, <time>. Out of the text to analyse go the byline (its author must never be the
// antecedent of a pronoun) and photo credits ("Photo: Reuters", "Provided"); the headline is
// read apart from the body; captions are blocks of their own.
//
// `readability.js` beside this file is generated from the npm package by scripts/minify.mjs
// (it is not the project's code, so it is not in the repository).

import { Readability } from './vendor/readability.js';

/**
 * A page's reading, in live nodes.
 * @typedef {object} Reading
 * @property {boolean} found whether the page has an article (false for a home page, a list of
 *   stories, search results)
 * @property {string} why when not found, why (for the reader); else ''
 * @property {string | null} title the article's headline as the page declares it
 * @property {string | null} byline the author line as the page declares it
 * @property {string | null} published the publication date as the page declares it
 * @property {Element | null} headline the live element showing the headline, if any
 * @property {Set<Text>} body the live text nodes of the story (headline, byline and credits out)
 * @property {Set<Element>} captions live caption elements, each a block of its own
 * @property {{byline: number, credit: number}} left text nodes left out, by reason
 */

/** Class or id words of bylines and datelines (Readability's own list). */
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
/** Class or id words of captions. */
const CAPTION = /caption|cutline|image-?desc|media-?desc|photo-?desc/i;
/** Class or id words of photo credits. */
const CREDIT = /credit|copyright|courtesy|photographer|attribution/i;
/**
 * What a credit says: "Photo: Reuters", "Image by …", "© …", "Credit: …", "Courtesy of …",
 * "AP Photo/…", "Provided", "Handout", "File photo".
 */
const CREDIT_TEXT =
  /^(?:(?:[A-Z]{2,6}\s+)?(?:photo(?:graph)?|image|picture|pic|illustration|video|graphic|footage)s?(?:\s+(?:by|credit|courtesy(?:\s+of)?))?\s*[:|/©]|(?:©|\(c\)\s|copyright\b)|credits?\s*:|courtesy\s+(?:of\s+)?\S|(?:provided|handout|supplied|file\s+photo|contributed)(?:\s+(?:photo|image|picture))?\s*[.)]?$)/i;
/** Elements that are a page's headline when their text is the declared title. */
const HEADLINES = 'h1, [itemprop~="headline"], h2';
/** schema.org types of an article (JSON-LD `@type`, microdata `itemtype`). */
const ARTICLE_TYPES = /(?:^|\/)(?:\w*Article|BlogPosting|Report|LiveBlogPosting)$/;

/** `s` with runs of whitespace as one space, trimmed. */
const squash = (/** @type {string} */ s) => s.replace(/\s+/g, ' ').trim();

/**
 * The text of elements, one space for each run of whitespace, each element's read once (many
 * nodes share ancestors). Texts longer than `LONG` are cut there: no rule here reads further.
 */
class Texts {
  constructor() {
    /** @type {Map<Element, string>} */
    this.seen = new Map();
  }

  /** The text of `el`, squashed (its first LONG characters). */
  of(/** @type {Element} */ el) {
    let t = this.seen.get(el);
    if (t === undefined) {
      const raw = el.textContent ?? '';
      t = squash(raw.length > LONG ? raw.slice(0, LONG) : raw);
      this.seen.set(el, t);
    }
    return t;
  }
}
/** The longest text a rule here reads of an element. */
const LONG = 600;
/** `s` as letters and digits only, lower-cased: for comparing titles. */
const bare = (/** @type {string} */ s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Finds the article of `doc`, as Firefox's Reader View would, in the live page's nodes.
 * Never changes the page. Throws only if the document cannot be cloned at all.
 * @param {Document} [doc]
 * @returns {Reading}
 */
export function findArticle(doc = document) {
  const clone = /** @type {Document} */ (doc.cloneNode(true));
  const pairs = pairTexts(doc, clone);
  const declared = declaresArticle(doc);
  /** @type {ReturnType<Readability['parse']> | null} */
  let parsed = null;
  try {
    parsed = new Readability(clone, { serializer: (/** @type {Element} */ el) => el }).parse();
  } catch {
    parsed = null;
  }
  /** @type {Reading} */
  const reading = {
    found: false,
    why: '',
    title: parsed?.title ? squash(parsed.title) : null,
    byline: parsed?.byline ? squash(parsed.byline) : null,
    published: parsed?.publishedTime ?? null,
    headline: null,
    body: new Set(),
    captions: new Set(),
    left: { byline: 0, credit: 0 },
  };
  const content = /** @type {Element | null} */ (parsed?.content ?? null);
  if (!content) {
    reading.why = 'no article found on this page';
    return reading;
  }
  const texts = new Texts();
  const listing = looksLikeListing(content, texts);
  if (listing && !declared) {
    reading.why = `no article found on this page (${listing})`;
    return reading;
  }
  const nodes = liveNodesOf(content, pairs);
  reading.headline = headlineOf(doc, reading.title);
  for (const node of nodes) {
    if (reading.headline?.contains(node)) continue;
    const role = roleOf(node, reading.byline, texts);
    if (role === 'byline' || role === 'credit') {
      reading.left[role]++;
      continue;
    }
    if (role instanceof Element) reading.captions.add(role);
    reading.body.add(node);
  }
  reading.found = reading.body.size > 0;
  if (!reading.found) reading.why = 'no article found on this page';
  return reading;
}

/**
 * The clone's text nodes paired with the live ones, walking both trees in step (a deep clone
 * has the same nodes in the same order), and the live ones in order with their indices.
 * @param {Document} live
 * @param {Document} clone
 */
function pairTexts(live, clone) {
  /** @type {Map<Node, Text>} */
  const liveOf = new Map();
  /** @type {Text[]} */
  const order = [];
  const a = live.createTreeWalker(live, NodeFilter.SHOW_TEXT);
  const b = clone.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
  for (let x = a.nextNode(), y = b.nextNode(); x !== null; x = a.nextNode(), y = b.nextNode()) {
    order.push(/** @type {Text} */ (x));
    if (y !== null) liveOf.set(y, /** @type {Text} */ (x));
  }
  /** @type {Map<Text, number>} */
  const index = new Map();
  for (let i = 0; i < order.length; i++) index.set(order[i], i);
  return { liveOf, order, index };
}

/** How far ahead of the last paired node a node is looked for by its text. */
const TEXT_WINDOW = 4000;

/**
 * The live text nodes of Readability's article `content`, in order: each clone node's live twin,
 * or (for nodes Readability rebuilt from HTML) the next live node with the same text.
 * @param {Element} content
 * @param {ReturnType<typeof pairTexts>} pairs
 * @returns {Text[]}
 */
function liveNodesOf(content, { liveOf, order, index }) {
  /** @type {Text[]} */
  const out = [];
  let cursor = 0;
  const w = /** @type {Document} */ (content.ownerDocument).createTreeWalker(content, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n !== null; n = w.nextNode()) {
    const twin = liveOf.get(n);
    if (twin !== undefined) {
      out.push(twin);
      cursor = /** @type {number} */ (index.get(twin)) + 1;
      continue;
    }
    const data = /** @type {Text} */ (n).data;
    if (data.trim() === '') continue;
    const end = Math.min(order.length, cursor + TEXT_WINDOW);
    for (let i = cursor; i < end; i++) {
      if (order[i].data === data) {
        out.push(order[i]);
        cursor = i + 1;
        break;
      }
    }
  }
  return out;
}

/**
 * Whether the page declares itself an article: schema.org JSON-LD or microdata of an article
 * type, an `articleBody`, or Open Graph's `og:type` "article".
 * @param {Document} doc
 */
export function declaresArticle(doc) {
  if (/^article$/i.test(doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim() ?? '')) return true;
  if (doc.querySelector('[itemprop~="articleBody"]')) return true;
  for (const el of doc.querySelectorAll('[itemtype]')) {
    if (ARTICLE_TYPES.test((el.getAttribute('itemtype') ?? '').trim())) return true;
  }
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data;
    try {
      data = JSON.parse(s.textContent ?? '');
    } catch {
      continue;
    }
    if (hasArticleType(data, 0)) return true;
  }
  return false;
}

/** Whether JSON-LD `data` (an object, a list, a @graph) holds an item of an article type. */
function hasArticleType(/** @type {unknown} */ data, /** @type {number} */ depth) {
  if (depth > 4 || data === null || typeof data !== 'object') return false;
  if (Array.isArray(data)) return data.some((d) => hasArticleType(d, depth + 1));
  const o = /** @type {Record<string, unknown>} */ (data);
  const types = Array.isArray(o['@type']) ? o['@type'] : [o['@type']];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return true;
  return hasArticleType(o['@graph'], depth + 1);
}

/**
 * Why Readability's `content` is a list of stories rather than a story (null when it reads as
 * a story): too little prose, or more headline links (teasers, search results) than half its
 * paragraphs of prose.
 * @param {Element} content
 * @returns {string | null}
 */
function looksLikeListing(content, /** @type {Texts} */ texts) {
  let prose = 0;
  let proseChars = 0;
  for (const p of content.querySelectorAll('p, li, blockquote, pre, dd')) {
    if (p.querySelector('p, li, blockquote, pre, dd')) continue; // the innermost blocks only
    const all = squash(p.textContent ?? '').length;
    let linked = 0;
    for (const a of p.querySelectorAll('a')) linked += texts.of(a).length;
    if (all - linked >= 100 && linked < all / 2) {
      prose++;
      proseChars += all - linked;
    }
  }
  let headlineLinks = 0;
  for (const a of content.querySelectorAll('a')) {
    if (texts.of(a).length >= 20 && startsItsBlock(a, texts)) headlineLinks++;
  }
  if (prose < 2 || proseChars < 400) return 'too little prose';
  if (headlineLinks >= 3 && headlineLinks * 2 >= prose) return `${headlineLinks} headline links, ${prose} paragraphs`;
  return null;
}

/** Whether link `a` opens the block it is in (a heading, a teaser's title), not a sentence. */
function startsItsBlock(/** @type {Element} */ a, /** @type {Texts} */ texts) {
  if (a.closest('h1, h2, h3, h4, h5, h6')) return true;
  const block = a.parentElement?.closest('p, li, div, article, section, dd, dt');
  if (!block) return false;
  return texts.of(block).startsWith(texts.of(a));
}

/**
 * The live element showing the headline: the first `h1`, `[itemprop=headline]` or `h2` whose
 * text is the declared title, or holds it, or is held by it (a title with the site's name).
 * @param {Document} doc
 * @param {string | null} title
 * @returns {Element | null}
 */
function headlineOf(doc, title) {
  if (!title) return null;
  const want = bare(title);
  if (want.length < 8) return null;
  const candidates = [...doc.querySelectorAll(HEADLINES)].slice(0, 40);
  const bareOf = new Map(candidates.map((el) => [el, bare(el.textContent ?? '')]));
  return (
    candidates.find((el) => bareOf.get(el) === want) ??
    candidates.find((el) => {
      const has = /** @type {string} */ (bareOf.get(el));
      return has.length >= 8 && (want.includes(has) || has.includes(want)) && Math.min(has.length, want.length) >= 0.6 * Math.max(has.length, want.length);
    }) ??
    null
  );
}

/**
 * What a text node of the story is part of: 'byline', 'credit', a caption element (a block of
 * its own), or 'body'.
 * @param {Text} node
 * @param {string | null} byline the declared byline
 * @param {Texts} texts
 * @returns {'byline' | 'credit' | 'body' | Element}
 */
function roleOf(node, byline, /** @type {Texts} */ texts) {
  /** @type {Element | null} */
  let caption = null;
  let depth = 0;
  for (let el = node.parentElement; el !== null && el.localName !== 'body' && depth < 16; el = el.parentElement, depth++) {
    const words = `${el.getAttribute('class') ?? ''} ${el.id}`;
    const short = () => texts.of(el).length < 100;
    if (el.getAttribute('rel') === 'author' || /(?:^|\s)author(?:\s|$)/.test(el.getAttribute('itemprop') ?? '')) return 'byline';
    if (BYLINE.test(words) && short()) return 'byline';
    if (CREDIT.test(words) && short()) return 'credit';
    if (el.localName === 'p' || el.localName === 'div' || el.localName === 'span' || el.localName === 'small') {
      // a block (or a piece) that is a byline or a credit as a whole
      const text = texts.of(el);
      if (text.length <= 120) {
        if (isCreditText(text) && (el.localName !== 'p' || caption !== null || el.closest('figure') !== null || text.length <= 40)) return 'credit';
        if (byline !== null && isBylineText(text, byline)) return 'byline';
      }
    }
    if (caption === null && (el.localName === 'figcaption' || CAPTION.test(words))) caption = el;
  }
  if (caption !== null) return caption;
  return 'body';
}

/** Whether a block's whole text is a photo credit ("Photo: …", "Provided", "© …"). */
function isCreditText(/** @type {string} */ text) {
  return text.length > 0 && text.length <= 100 && CREDIT_TEXT.test(text);
}

/** Whether a block's whole text is the byline: "By" and the declared author, short. */
function isBylineText(/** @type {string} */ text, /** @type {string} */ byline) {
  if (text.length > 120) return false;
  const t = bare(text);
  const b = bare(byline.replace(/^by\s+/i, ''));
  return b.length >= 4 && (t === b || t === `by${b}` || (/^by\s/i.test(text) && t.includes(b)));
}
