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
 * @property {{byline: number, credit: number, furniture: number}} left text nodes left out, by
 *   reason (furniture: galleries, lists of other stories, forms, widgets Readability kept)
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
/**
 * A class or id word of page furniture (a word between the separators "-", "_" of a class
 * name: "c-gallery__slide", "share-tools", "most-read"): galleries and carousels, lists of
 * other stories (related, most read, recommended, trending, promos, teasers, tags), newsletter
 * and comment forms, share and follow widgets, video players and their controls, cookie
 * notices, ads, paywalls.
 */
const FURNITURE_WORD =
  /(?:^|[-_])(?:newsletters?|signup|sign[-_]up|subscribe|subscription|most[-_]?(?:read|popular|viewed|shared)|popular|trending|related|recommend\w*|more[-_](?:stories|news|from)|read[-_]?more|promo\w*|teasers?|tags|share|sharing|share[-_]?tools|social|follow|video[-_]?player|player|vjs|jw|playback|cookie\w*|consent|gdpr|outbrain|taboola|comments?|disqus|ads?|advert\w*|ad[-_]?slot|sponsor\w*|paywall|toolbar|breadcrumbs?)(?:$|[-_])/i;
/**
 * A class or id word of a gallery: furniture when it holds many pictures (GALLERY_SLIDES or
 * more: a gallery of other stories, of readers' photos), the story's own when it holds a few
 * (the lead photo's slideshow).
 */
const GALLERY_WORD = /(?:^|[-_])(?:gallery|galleries|slideshow|slides|carousel)(?:$|[-_])/i;
const GALLERY_SLIDES = 6;
/** Elements and ARIA roles of furniture: navigation, forms, asides, footers, dialogs, menus. */
const FURNITURE_TAGS = new Set(['nav', 'form', 'footer', 'aside', 'dialog', 'menu', 'button', 'select', 'label']);
const FURNITURE_ROLES = new Set(['navigation', 'dialog', 'alertdialog', 'complementary', 'contentinfo', 'search', 'banner', 'menu', 'menubar', 'toolbar', 'form']);
/** A block holding more than this share of the story's text is the story, whatever its name. */
const STORY_SHARE = 0.5;

/** Elements that are a page's headline when their text is the declared title. */
const HEADLINES = 'h1, [itemprop~="headline"], h2';
/** schema.org types of an article (JSON-LD `@type`, microdata `itemtype`). */
const ARTICLE_TYPES = /(?:^|\/)(?:\w*Article|BlogPosting|Report|LiveBlogPosting)$/;

/** `s` with runs of whitespace as one space, trimmed. */
const squash = (/** @type {string} */ s) => s.replace(/\s+/g, ' ').trim();

/** The longest text a rule here reads of an element. */
const LONG = 600;

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
    left: { byline: 0, credit: 0, furniture: 0 },
  };
  const content = /** @type {Element | null} */ (parsed?.content ?? null);
  if (!content) {
    reading.why = 'no article found on this page';
    return reading;
  }
  const texts = new Texts();
  const listing = looksLikeListing(content, texts);
  if (listing && !declaresArticle(doc)) {
    reading.why = `no article found on this page (${listing})`;
    return reading;
  }
  const nodes = withLeadCaptions(liveNodesOf(content, pairs));
  reading.headline = headlineOf(doc, reading.title);
  const furniture = furnitureIn(nodes, texts);
  for (const node of nodes) {
    if (reading.headline?.contains(node)) continue;
    if (furniture(node)) {
      reading.left.furniture++;
      continue;
    }
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
  /** @type {Map<Text, number>} */
  const index = new Map();
  const a = live.createTreeWalker(live, NodeFilter.SHOW_TEXT);
  const b = clone.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
  for (let x = a.nextNode(), y = b.nextNode(); x !== null; x = a.nextNode(), y = b.nextNode()) {
    index.set(/** @type {Text} */ (x), order.length);
    order.push(/** @type {Text} */ (x));
    if (y !== null) liveOf.set(y, /** @type {Text} */ (x));
  }
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
 * The story's text nodes and, in document order among them, those of the captions of the
 * photos of its own <article> (or `articleBody`) element that Readability left out (a lead
 * photo above the body's block).
 * @param {Text[]} nodes
 * @returns {Text[]}
 */
function withLeadCaptions(nodes) {
  if (nodes.length === 0) return nodes;
  let top = nodes[0].parentElement;
  const last = nodes[nodes.length - 1];
  while (top !== null && !top.contains(last)) top = top.parentElement;
  const story = top?.closest('article') ?? top?.closest('[itemprop~="articleBody"]');
  if (!story) return nodes;
  const have = new Set(nodes);
  /** @type {Text[]} */
  const more = [];
  for (const caption of story.querySelectorAll('figure figcaption')) {
    const w = /** @type {Document} */ (caption.ownerDocument).createTreeWalker(caption, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n !== null; n = w.nextNode()) if (!have.has(/** @type {Text} */ (n))) more.push(/** @type {Text} */ (n));
  }
  if (more.length === 0) return nodes;
  const all = [...nodes, ...more];
  // document order (compareDocumentPosition's bit 4: the other node follows)
  all.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
  return all;
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
 * a story): headline links (teasers, search results) for half its paragraphs of prose or more,
 * or next to no text at all. A short story is a story.
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
  if (headlineLinks >= 3 && headlineLinks * 2 >= prose) return `${headlineLinks} headline links, ${prose} paragraphs of prose`;
  if (prose === 0 && proseChars === 0 && texts.of(content).length < 100) return 'too little text';
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
 * Which of the story's text nodes are in page furniture that Readability kept: an element
 * below the story's own blocks whose tag, ARIA role or class names it furniture (see
 * FURNITURE_WORD), or a list of three or more items that are mostly links (other stories).
 * An element holding more than half the story's text is never furniture (a story container
 * may be named "share-enabled" or "player-article").
 * @param {Text[]} nodes the story's live text nodes
 * @param {Texts} texts
 * @returns {(node: Text) => boolean}
 */
function furnitureIn(nodes, texts) {
  /** @type {Map<Element, number>} */
  const chars = new Map();
  let total = 0;
  for (const n of nodes) {
    const k = n.data.length;
    total += k;
    for (let el = n.parentElement; el !== null; el = el.parentElement) chars.set(el, (chars.get(el) ?? 0) + k);
  }
  /** @type {Map<Element, boolean>} */
  const memo = new Map();
  const isFurniture = (/** @type {Element} */ el) => {
    let f = memo.get(el);
    if (f === undefined) {
      f = ((chars.get(el) ?? 0) <= STORY_SHARE * total && (namedFurniture(el) || linkList(el, texts))) || gallery(el);
      memo.set(el, f);
    }
    return f;
  };
  return (node) => {
    for (let el = node.parentElement; el !== null && el.localName !== 'body'; el = el.parentElement) {
      if (isFurniture(el)) return true;
    }
    return false;
  };
}

/** The words of an element's class and id. */
const classWords = (/** @type {Element} */ el) => `${el.getAttribute('class') ?? ''} ${el.id}`.split(/\s+/).filter((w) => w !== '');

/** Whether an element is furniture by its tag, its ARIA role or a class or id word. */
function namedFurniture(/** @type {Element} */ el) {
  const role = el.getAttribute('role');
  if (FURNITURE_TAGS.has(el.localName) || (role !== null && FURNITURE_ROLES.has(role))) return true;
  return classWords(el).some((w) => FURNITURE_WORD.test(w));
}

/**
 * Whether an element is a gallery of many pictures (GALLERY_SLIDES or more) whose text is
 * mostly their captions: a gallery of other stories or of readers' photos, however much of
 * the reading it is. A story's own slideshow of a few photos, and a story whose container is
 * named for the gallery it holds (its paragraphs are most of its text), are not.
 */
function gallery(/** @type {Element} */ el) {
  if (!classWords(el).some((w) => GALLERY_WORD.test(w))) return false;
  if (el.querySelectorAll('figure, img, svg, li').length < GALLERY_SLIDES) return false;
  let prose = 0;
  for (const p of el.querySelectorAll('p')) if (p.closest('figure, figcaption') === null) prose += squash(p.textContent ?? '').length;
  return prose < 0.5 * squash(el.textContent ?? '').length;
}

/** Whether a list is a list of links: three items or more, four fifths of its text linked. */
function linkList(/** @type {Element} */ list, /** @type {Texts} */ texts) {
  if (list.localName !== 'ul' && list.localName !== 'ol') return false;
  const items = list.querySelectorAll(':scope > li');
  if (items.length < 3) return false;
  const all = squash(list.textContent ?? '').length;
  let linked = 0;
  for (const a of list.querySelectorAll('a')) linked += texts.of(a).length;
  return all > 0 && linked >= 0.8 * all;
}

/**
 * The live element showing the headline: the first `h1`, `[itemprop=headline]` or `h2` whose
 * words are the declared title's, or nearly (Readability's own measure, by which it drops a
 * heading that repeats the title: at most a quarter of the heading's text in words the title
 * lacks, as "within weeks" in "Velmar crossing to reopen within weeks, ministers say" beside
 * the title "Velmar crossing to reopen, ministers say").
 * @param {Document} doc
 * @param {string | null} title
 * @returns {Element | null}
 */
function headlineOf(doc, title) {
  if (!title || bare(title).length < 8) return null;
  let best = null;
  let score = 0.75;
  for (const el of [...doc.querySelectorAll(HEADLINES)].slice(0, 40)) {
    const s = similarity(title, squash(el.textContent ?? ''));
    if (s > score) {
      best = el;
      score = s;
    }
  }
  return best;
}

/** How much of `b`'s text is in words that `a` has too (0 to 1; Readability's _textSimilarity). */
function similarity(/** @type {string} */ a, /** @type {string} */ b) {
  const words = (/** @type {string} */ s) => s.toLowerCase().split(/\W+/u).filter(Boolean);
  const inA = new Set(words(a));
  const wb = words(b);
  if (wb.length === 0) return 0;
  const unique = wb.filter((w) => !inA.has(w));
  return 1 - unique.join(' ').length / wb.join(' ').length;
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
