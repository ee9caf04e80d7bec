// whosaid in-page highlighting: marks every quotation (in its speaker's colour) and every
// actor mention of a news page, explains a quotation on hover or keyboard focus, and can list
// who said what in a side panel.
//
// How it works, in one pass each:
//   0. find the article (when no root is given): ./article.js, loaded then, reads the page as
//      Firefox's Reader View does (@mozilla/readability on a clone) and maps its choice back to
//      the live text nodes; it tells the headline, the byline and photo credits (left out) and
//      captions (blocks of their own). A page with no article is said to have none.
//   1. collect: those text nodes (or all of the root's), in document order, skipping what a
//      reader does not see (script, style, form controls, [hidden], [aria-hidden=true],
//      invisible elements, editable regions); a virtual "\n\n" between blocks and "\n" at <br>,
//      so that the analyzer sees one paragraph per line. The headline comes first, as a block
//      of its own. The page's text is never changed: a newline inside a text node is sent as a
//      space (same length), and every offset maps back to (node, offset).
//   2. analyse: the wasm analyzer (./whosaid.js) on the body's text, and on the headline's
//      apart (a headline is no sentence of the body: its direct quotations are kept, said by
//      the speaker of the body's same words, if any); UTF-16 offsets are JS indices.
//   3. mark: with the CSS Custom Highlight API where present (no DOM change at all); otherwise
//      each marked stretch is wrapped in a <whosaid-mark> element, and clear() puts the original
//      text nodes back.
// The overlay and the panel live in shadow roots of their own elements: page CSS cannot reach
// them and their light DOM is empty, so document.body.textContent does not change.
//
// On hostile pages: the DOM methods that change the page are the ones taken when this module was
// imported (a page may replace its own later); our tag names are changed if the page has defined
// them as custom elements; whatever fails part way, or changes the page's text while we mark,
// makes highlight() undo all it did and reject. Shadow trees and frames are not read.
//
// No network access except loading the wasm and, when the article is to be found, article.js.

import { analyze, ready } from './whosaid.js';

const PREFIX = 'whosaid-';

/**
 * The DOM functions that change the page or make our elements, as they were when this module was
 * imported, called through Reflect.apply (taken then too): a page that replaces them later (a
 * polyfill, a tracker, a hostile script) cannot break highlight() or clear(). (Null outside a
 * browser, where nothing here can run anyway.)
 */
const DOM = typeof Node === 'function' ? pristine() : null;

function pristine() {
  const { apply } = Reflect;
  /** Method `f` as a plain function of (this, ...args). @param {any} f */
  const m = (f) => (/** @type {any} */ self, /** @type {any[]} */ ...args) => apply(f, self, args);
  /** Accessor `k` of `o`. @param {object} o @param {string} k */
  const prop = (o, k) => /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(o, k));
  const registry = typeof CustomElementRegistry === 'function' ? CustomElementRegistry.prototype.get : null;
  return {
    insertBefore: m(Node.prototype.insertBefore),
    removeChild: m(Node.prototype.removeChild),
    parent: m(prop(Node.prototype, 'parentNode').get),
    next: m(prop(Node.prototype, 'nextSibling').get),
    textOf: m(prop(Node.prototype, 'textContent').get),
    setText: m(prop(Node.prototype, 'textContent').set),
    data: m(prop(CharacterData.prototype, 'data').get),
    setData: m(prop(CharacterData.prototype, 'data').set),
    splitText: m(Text.prototype.splitText),
    setAttribute: m(Element.prototype.setAttribute),
    attachShadow: m(Element.prototype.attachShadow),
    createElement: m(Document.prototype.createElement),
    createRange: m(Document.prototype.createRange),
    setStart: m(Range.prototype.setStart),
    setEnd: m(Range.prototype.setEnd),
    getComputedStyle: m(globalThis.getComputedStyle),
    defined: registry ? m(registry) : null,
  };
}
const dom = /** @type {NonNullable<typeof DOM>} */ (DOM);

/**
 * The DOM's prototypes as they were when this module was imported: each prototype with its own
 * properties' descriptors. The article finder (Readability, which reads and rewrites a clone of
 * the page through hundreds of DOM methods) runs with them put back for its synchronous run
 * (see withImportedDom), so that a page that replaced DOM methods later does not stop it.
 */
const PROTOTYPES = typeof Node === 'function' ? importedPrototypes() : null;

function importedPrototypes() {
  const names = ['EventTarget', 'Node', 'Element', 'HTMLElement', 'Document', 'HTMLDocument', 'DocumentFragment',
    'CharacterData', 'Text', 'Attr', 'NamedNodeMap', 'NodeList', 'HTMLCollection', 'DOMTokenList', 'TreeWalker',
    'CSSStyleDeclaration', 'DOMImplementation'];
  /** @type {Array<{proto: object, props: Map<PropertyKey, PropertyDescriptor>}>} */
  const out = [];
  for (const name of names) {
    const ctor = /** @type {any} */ (globalThis)[name];
    if (typeof ctor !== 'function' || typeof ctor.prototype !== 'object') continue;
    const props = new Map();
    for (const key of Reflect.ownKeys(ctor.prototype)) {
      props.set(key, /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(ctor.prototype, key)));
    }
    out.push({ proto: ctor.prototype, props });
  }
  return { list: out, define: Object.defineProperty, describe: Object.getOwnPropertyDescriptor, keys: Reflect.ownKeys, remove: Reflect.deleteProperty };
}

/**
 * Runs `f` (synchronous: no code of the page can run meanwhile) with the DOM's prototypes as
 * they were at import: what the page replaced, added or removed since is put back as it was
 * for the run, then the page's own again, whatever `f` does.
 * @template T
 * @param {() => T} f
 * @returns {T}
 */
function withImportedDom(f) {
  if (PROTOTYPES === null) return f();
  const { list, define, describe, keys, remove } = PROTOTYPES;
  /** @type {Array<[object, PropertyKey, PropertyDescriptor | undefined]>} */
  const changed = [];
  const same = (/** @type {PropertyDescriptor | undefined} */ a, /** @type {PropertyDescriptor | undefined} */ b) =>
    a !== undefined && b !== undefined && a.value === b.value && a.get === b.get && a.set === b.set;
  try {
    for (let i = 0; i < list.length; i++) {
      const { proto, props } = list[i];
      for (const [key, then] of props) {
        const now = describe(proto, key);
        if (same(now, then)) continue;
        changed[changed.length] = [proto, key, now];
        define(proto, key, then);
      }
      const own = keys(proto);
      for (let k = 0; k < own.length; k++) {
        if (props.has(own[k])) continue;
        changed[changed.length] = [proto, own[k], describe(proto, own[k])];
        remove(proto, own[k]);
      }
    }
    return f();
  } finally {
    for (let i = changed.length - 1; i >= 0; i--) {
      const [proto, key, now] = changed[i];
      try {
        if (now === undefined) remove(proto, key);
        else define(proto, key, now);
      } catch {
        // a property the page made unconfigurable: it stays as the run left it
      }
    }
  }
}

/** `f` as an event listener that never throws into the page, whatever the page did since. */
function quietly(/** @type {(e: any) => void} */ f, onError = () => {}) {
  return (/** @type {Event} */ e) => {
    try {
      f(e);
    } catch {
      onError();
    }
  };
}

/** Elements whose text a reader does not see, or that are not article text. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH', 'AUDIO', 'VIDEO', 'HEAD', 'TITLE',
  'WHOSAID-OVERLAY', 'WHOSAID-PANEL',
]);

/** Elements that start a paragraph of their own. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE',
  'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION',
]);

/** Readable background colours (dark text on each has a contrast ratio above 7:1). */
export const PALETTE = [
  '#ffe08a', '#b8e1ff', '#c7f2c4', '#ffc9de', '#e2d4ff',
  '#ffd8b0', '#bff0ec', '#f3f0a8', '#d6e4f0', '#f5cfc4',
];

/**
 * A quick guess at the element holding the article, without reading it: `article`,
 * `[itemprop=articleBody]`, `main`, else the element whose own paragraphs hold the most text
 * (read-only: nothing on the page changes), else the body. highlight() does not use it: it
 * finds the article as Firefox's Reader View does (article.js); a caller may pass this as a
 * root to skip that (the benchmark's baseline).
 * @param {Document} doc
 * @returns {Element}
 */
export function articleRoot(doc = document) {
  return (
    doc.querySelector('article') ??
    doc.querySelector('[itemprop=articleBody]') ??
    doc.querySelector('main') ??
    densest(doc) ??
    doc.body
  );
}

/** The parent of the paragraphs that hold the most text, if it holds at least three. */
function densest(/** @type {Document} */ doc) {
  /** @type {Map<Element, {text: number, count: number}>} */
  const score = new Map();
  for (const p of doc.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (!parent) continue;
    const s = score.get(parent) ?? { text: 0, count: 0 };
    s.text += (p.textContent ?? '').trim().length;
    s.count += 1;
    score.set(parent, s);
  }
  let best = null;
  let most = 0;
  for (const [el, s] of score) {
    if (s.count >= 3 && s.text > most) {
      best = el;
      most = s.text;
    }
  }
  return best;
}

/**
 * Whether an element's text is out of the reader's sight or not article text.
 * @param {Element} el
 */
function skipped(el) {
  if (SKIPPED.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (el.isContentEditable && el.getAttribute('contenteditable') !== null) return true;
  if (typeof el.checkVisibility === 'function') {
    return !el.checkVisibility({ checkVisibilityCSS: true });
  }
  const view = el.ownerDocument.defaultView;
  const style = view ? dom.getComputedStyle(view, el) : null;
  return style ? style.display === 'none' || style.visibility === 'hidden' : false;
}

/** The nodes below `root` that hold one of `nodes` (each ancestor once). */
function holdersOf(/** @type {Set<Text>} */ nodes, /** @type {Node} */ root) {
  /** @type {Set<Node>} */
  const holders = new Set();
  for (const t of nodes) {
    for (let n = t.parentNode; n !== null && n !== root && !holders.has(n); n = n.parentNode) holders.add(n);
  }
  return holders;
}

/**
 * What of a root to read: only the text nodes `nodes` (and the elements holding them), and the
 * elements `blocks` as blocks of their own beside the usual ones (captions).
 * @typedef {{nodes: Set<Text>, blocks?: Set<Element>}} Only
 */

/**
 * The text of `root` as the analyzer should see it, with the table from offsets to nodes.
 * With `only`, just those text nodes are read (block breaks still come from the whole page).
 * @param {Element} root
 * @param {Only} [only]
 * @returns {{text: string, sent: string, segments: Array<{node: Text, start: number, end: number}>}}
 */
export function collect(root, only) {
  // the elements holding a text node to read: the only ones entered
  const holders = only ? holdersOf(only.nodes, root) : null;
  const extra = only?.blocks;
  /** @type {string[]} */
  const parts = [];
  /** @type {string[]} */
  const sentParts = [];
  /** @type {Array<{node: Text, start: number, end: number}>} */
  const segments = [];
  let length = 0;
  let tail = ''; // the last two characters collected, to avoid doubling separators
  const push = (/** @type {string} */ s, /** @type {string} */ sent) => {
    parts.push(s);
    sentParts.push(sent);
    length += s.length;
    tail = (tail + s).slice(-2);
  };
  const separate = (/** @type {string} */ sep) => {
    if (length === 0) return;
    if (sep === '\n\n' && tail.endsWith('\n\n')) return;
    if (sep === '\n\n' && tail.endsWith('\n')) {
      push('\n', '\n');
      return;
    }
    push(sep, sep);
  };
  // Depth first in document order, without recursion (a page may nest elements thousands deep).
  // For each element entered: whether it is a block, and whether it hosts an open shadow root,
  // which shows only the children it slots (the others are never seen). The shadow trees
  // themselves are not read: their text is a component's own, like a frame's.
  const entered = [{ block: false, hosted: root.shadowRoot !== null }];
  // an editable root (inside a contenteditable region, or in design mode): nothing to read
  let node = root.isContentEditable ? null : root.firstChild;
  while (node !== null) {
    /** @type {Node | null} */
    let down = null;
    if (entered[entered.length - 1].hosted && /** @type {Element | Text} */ (node).assignedSlot === null) {
      // not slotted: not shown
    } else if (node.nodeType === Node.TEXT_NODE) {
      const t = /** @type {Text} */ (node);
      if (t.data.length > 0 && (only === undefined || only.nodes.has(t))) {
        segments.push({ node: t, start: length, end: length + t.data.length });
        // a line break inside a text node is layout, not a paragraph: sent as a space
        push(t.data, t.data.replace(/[\n\r\u2028\u2029]/g, ' '));
      }
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const el = /** @type {Element} */ (node);
      const tag = el.tagName.toUpperCase();
      if (tag === 'BR') {
        push('\n', '\n');
      } else if (holders !== null && !holders.has(el)) {
        // nothing to read inside: a block there still breaks the text
        if (BLOCKS.has(tag)) separate('\n\n');
      } else if (!skipped(el)) {
        const block = BLOCKS.has(tag) || (extra !== undefined && extra.has(el));
        if (block) separate('\n\n');
        if (el.firstChild !== null) {
          entered.push({ block, hosted: el.shadowRoot !== null });
          down = el.firstChild;
        } else if (block) {
          separate('\n\n');
        }
      }
    }
    if (down !== null) {
      node = down;
      continue;
    }
    // the next sibling, else that of the nearest ancestor that has one (leaving each element)
    while (node !== null && node.nextSibling === null) {
      node = node.parentNode;
      if (node === root || node === null || entered.length === 1) node = null;
      else if (/** @type {{block: boolean}} */ (entered.pop()).block) separate('\n\n');
    }
    if (node !== null) node = node.nextSibling;
  }
  return { text: parts.join(''), sent: sentParts.join(''), segments };
}

/** For each collected segment, whether its node is still in the page with the same text. */
function freshness(/** @type {ReturnType<typeof collect>} */ c) {
  return c.segments.map((s) => s.node.isConnected && s.node.data === c.text.slice(s.start, s.end));
}

/**
 * The index of the first of `list` (sorted, not overlapping) that ends after `at`.
 * @param {Array<{start: number, end: number}>} list
 * @param {number} at
 */
function firstEndingAfter(list, at) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The (node, offset) of collected offset `at`. `end`: an offset that ends a range prefers the
 * end of the node before it to the start of the next one.
 * @param {Array<{node: Text, start: number, end: number}>} segments
 * @param {number} at
 * @param {boolean} end
 * @returns {{node: Text, offset: number} | null}
 */
function locate(segments, at, end) {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (end ? s.end < at : s.end <= at) lo = mid + 1;
    else hi = mid;
  }
  const s = segments[lo];
  if (!s) return null;
  if (at < s.start) {
    // inside a virtual separator: the next node's start, or the previous node's end
    if (end) {
      const prev = segments[lo - 1];
      return prev ? { node: prev.node, offset: prev.node.data.length } : null;
    }
    return { node: s.node, offset: 0 };
  }
  return { node: s.node, offset: Math.min(at - s.start, s.node.data.length) };
}

/**
 * A DOM range over collected offsets `start..end`.
 * @param {Array<{node: Text, start: number, end: number}>} segments
 */
function rangeOf(segments, /** @type {number} */ start, /** @type {number} */ end) {
  const a = locate(segments, start, false);
  const b = locate(segments, end, true);
  if (!a || !b) return null;
  const r = dom.createRange(a.node.ownerDocument);
  dom.setStart(r, a.node, a.offset);
  dom.setEnd(r, b.node, b.offset);
  return r;
}

/** A stable colour index for an actor, from its name, in a palette of `size` colours. */
function colourOf(/** @type {string} */ name, size = PALETTE.length) {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % size;
}

/**
 * The page-level style sheet for the marks (adopted, so a strict CSP does not block it); `tag` is
 * the wrappers' (see freeName).
 */
function markSheet(/** @type {Document} */ doc, /** @type {string[]} */ palette, /** @type {string} */ tag) {
  const rules = [];
  palette.forEach((c, i) => {
    rules.push(`::highlight(${PREFIX}quote-${i}) { background-color: ${c}; color: #111; }`);
    rules.push(`::highlight(${PREFIX}speaker-${i}) { background-color: ${c}; color: #111; text-decoration: underline 2px solid #333; }`);
    rules.push(`::highlight(${PREFIX}mention-${i}) { text-decoration: underline 2px dotted ${shade(c)}; }`);
    rules.push(`${tag}[data-quote="${i}"] { background-color: ${c}; color: #111; }`);
    rules.push(`${tag}[data-speaker="${i}"] { background-color: ${c}; color: #111; text-decoration: underline 2px solid #333; }`);
    rules.push(`${tag}[data-mention="${i}"] { text-decoration: underline 2px dotted ${shade(c)}; }`);
  });
  rules.push(`::highlight(${PREFIX}quote-none) { background-color: #e8e8e8; color: #111; }`);
  rules.push(`${tag}[data-quote="none"] { background-color: #e8e8e8; color: #111; }`);
  // whatever the page's CSS says of our tag: inline, shown, no text of its own
  rules.push(`${tag} { display: inline !important; visibility: inherit !important; }`);
  rules.push(`${tag}::before, ${tag}::after { content: none !important; }`);
  const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
  sheet.replaceSync(rules.join('\n'));
  return sheet;
}

/** A darker tone of a palette colour, for underlines. */
function shade(/** @type {string} */ hex) {
  const n = parseInt(hex.slice(1), 16);
  const f = (/** @type {number} */ v) => Math.round(v * 0.45).toString(16).padStart(2, '0');
  return `#${f((n >> 16) & 255)}${f((n >> 8) & 255)}${f(n & 255)}`;
}

/**
 * @typedef {{kind: 'quote' | 'speaker' | 'mention', index: number, colour: number | null, start: number, end: number}} Mark
 */

/**
 * The marks to draw: quotations in their speaker's colour, speaker mentions, actor mentions.
 * @param {import('./whosaid.js').Result} result
 * @param {{quotes: boolean, actors: boolean}} what
 * @param {string[]} palette
 * @returns {Mark[]}
 */
function marksOf(result, what, /** @type {string[]} */ palette) {
  const colours = result.actors.map((a) => colourOf(a.name, palette.length));
  /** @type {Mark[]} */
  const marks = [];
  if (what.quotes) {
    result.quotes.forEach((q, i) => {
      const colour = q.actor === null ? null : colours[q.actor];
      marks.push({ kind: 'quote', index: i, colour, start: q.start, end: q.end });
      if (q.speaker) marks.push({ kind: 'speaker', index: i, colour, start: q.speaker.start, end: q.speaker.end });
    });
  }
  if (what.actors) {
    result.actors.forEach((a, i) => {
      for (const m of a.mentions) {
        marks.push({ kind: 'mention', index: i, colour: colours[i], start: m.start, end: m.end });
      }
    });
  }
  return marks;
}

/** The options highlight() takes. */
const OPTIONS = ['quotes', 'actors', 'panel', 'mode', 'wasm', 'analyze', 'worker', 'colours', 'scope'];

/** How a value is named in an error message. */
function described(/** @type {unknown} */ x) {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') {
    const n = /** @type {any} */ (x).nodeType;
    if (typeof n === 'number') return `a ${String(/** @type {any} */ (x).nodeName ?? 'DOM')} node`;
    return `an object of class ${Object.getPrototypeOf(x)?.constructor?.name ?? '(none)'}`;
  }
  if (typeof x === 'string') return `the string ${JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x)}`;
  return `${typeof x} ${String(x)}`;
}

/** Whether `x` is a DOM node (of any window: a root may be inside a same-origin frame). */
const isNode = (/** @type {unknown} */ x) =>
  typeof x === 'object' && x !== null && typeof (/** @type {any} */ (x).nodeType) === 'number' && 'ownerDocument' in x;

/** Whether `x` is a plain options object ({…}, or made with a null prototype). */
const isPlain = (/** @type {unknown} */ x) => {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || isNode(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
};

/**
 * highlight()'s arguments as (root, options): `(root?, options?)`, `(options)` or
 * `(document, options?)`; anything else is a TypeError that says what was wrong.
 * @returns {{root: Element | null, doc: Document | null, options: Record<string, any>}}
 */
function argumentsOf(/** @type {unknown} */ first, /** @type {unknown} */ second) {
  const usage = 'highlight(options?) or highlight(root, options?), root an element of the page';
  /** @type {Element | null} */
  let root = null;
  /** @type {Document | null} */
  let doc = null;
  let options = second;
  if (first === undefined || first === null) {
    // no root: the page's article
  } else if (isNode(first)) {
    const n = /** @type {Node} */ (first);
    if (n.nodeType === 9) doc = /** @type {Document} */ (n);
    else if (n.nodeType === 1) root = /** @type {Element} */ (n);
    else throw new TypeError(`whosaid: ${usage}; the root given is ${described(first)}, not an element`);
  } else if (isPlain(first) && second === undefined) {
    options = first;
  } else if (isPlain(first)) {
    throw new TypeError(`whosaid: ${usage}; given two options objects (the first argument must be an element, or the options alone)`);
  } else {
    throw new TypeError(`whosaid: ${usage}; the first argument is ${described(first)}`);
  }
  if (options === undefined || options === null) options = {};
  if (!isPlain(options)) throw new TypeError(`whosaid: ${usage}; the options must be an object, not ${described(options)}`);
  const o = /** @type {Record<string, any>} */ (options);
  for (const k of Object.keys(o)) {
    if (!OPTIONS.includes(k)) throw new TypeError(`whosaid: unknown option "${k}" (known options: ${OPTIONS.join(', ')})`);
  }
  if (o.scope !== undefined && o.scope !== 'article' && o.scope !== 'page') {
    throw new TypeError(`whosaid: option "scope" must be "article" or "page", not ${JSON.stringify(o.scope)}`);
  }
  if (o.scope !== undefined && root !== null) {
    throw new TypeError('whosaid: option "scope" is for highlight() without a root (a root is read whole)');
  }
  return { root, doc, options: o };
}

/** The error for a page with no article (name "NoArticleError"), saying how to read it all. */
function noArticle(/** @type {string} */ why) {
  const e = new Error(`whosaid: ${why}; highlight({scope: "page"}) highlights the whole page`);
  e.name = 'NoArticleError';
  return e;
}

/**
 * The article finder, loaded the first time a page's article is to be found (a caller that
 * gives a root never loads it).
 * @type {Promise<typeof import('./article.js')> | null}
 */
let finder = null;
const loadFinder = () => (finder ??= import('./article.js'));

/**
 * The last reading of each document, and the number of elements it had then: the article is
 * found again only when that number changed or a node of the reading left the page.
 * @type {WeakMap<Document, {reading: import('./article.js').Reading, elements: number}>}
 */
const readings = new WeakMap();

/** The reading of `doc`'s article: the last one while the page is as it was, else anew. */
async function readingOf(/** @type {Document} */ doc) {
  const { findArticle } = await loadFinder();
  const elements = doc.getElementsByTagName('*').length;
  const last = readings.get(doc);
  if (last && last.elements === elements && (last.reading.headline === null || last.reading.headline.isConnected)) {
    let connected = true;
    for (const n of last.reading.body) {
      if (!n.isConnected) {
        connected = false;
        break;
      }
    }
    if (connected) return last.reading;
  }
  const reading = withImportedDom(() => findArticle(doc));
  readings.set(doc, { reading, elements });
  return reading;
}

/**
 * What to read: each part's root and, for an article found, the text nodes to read in it.
 * @typedef {{role: 'headline' | 'body', root: Element, only?: Only}} Part
 * @typedef {{scope: 'root' | 'page' | 'article', parts: Part[], reading: import('./article.js').Reading | null, container: Element}} Plan
 */

/**
 * The plan for `root`, or for the page's article (or the whole page) when there is no root.
 * Rejects with a NoArticleError on a page with no article.
 * @returns {Promise<Plan>}
 */
async function planOf(/** @type {Element | null} */ root, /** @type {Document} */ doc, /** @type {string | undefined} */ scope) {
  if (root !== null) return { scope: 'root', parts: [{ role: 'body', root }], reading: null, container: root };
  const body = doc.body ?? doc.documentElement;
  if (scope === 'page') return { scope: 'page', parts: [{ role: 'body', root: body }], reading: null, container: body };
  const reading = await readingOf(doc);
  if (!reading.found) throw noArticle(reading.why);
  /** @type {Part[]} */
  const parts = [];
  if (reading.headline !== null) parts.push({ role: 'headline', root: reading.headline });
  parts.push({ role: 'body', root: body, only: { nodes: reading.body, blocks: reading.captions } });
  return { scope: 'article', parts, reading, container: body };
}

/**
 * The text of a plan's parts, one after the other with a paragraph break between them, and
 * where each part is in it.
 */
function collectPlan(/** @type {Plan} */ plan) {
  const texts = [];
  const sents = [];
  /** @type {Array<{node: Text, start: number, end: number}>} */
  const segments = [];
  /** @type {Array<{role: Part['role'], start: number, end: number, sent: string}>} */
  const parts = [];
  let at = 0;
  for (const part of plan.parts) {
    const c = collect(part.root, part.only);
    if (c.text.length === 0) continue;
    if (at > 0) {
      texts.push('\n\n');
      sents.push('\n\n');
      at += 2;
    }
    for (const s of c.segments) segments.push({ node: s.node, start: s.start + at, end: s.end + at });
    parts.push({ role: part.role, start: at, end: at + c.text.length, sent: c.sent });
    texts.push(c.text);
    sents.push(c.sent);
    at += c.text.length;
  }
  return { text: texts.join(''), sent: sents.join(''), segments, parts };
}

/** Moves every offset of an analysis by `by` (a part's start in the whole text). */
function shift(/** @type {import('./whosaid.js').Result} */ r, /** @type {number} */ by) {
  if (by === 0) return;
  const move = (/** @type {{start: number, end: number}} */ s) => {
    s.start += by;
    s.end += by;
  };
  for (const q of r.quotes) {
    move(q);
    if (q.speaker) move(q.speaker);
    if (q.cue) move(q.cue);
  }
  for (const a of r.actors) a.mentions.forEach(move);
}

/** Letters and digits of a text, lower-cased, as words. */
const wordsOf = (/** @type {string} */ s) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Whether a headline's quotation says the words of a body quotation (most of them, in it). */
function sameWords(/** @type {string} */ headline, /** @type {string} */ body) {
  const h = wordsOf(headline);
  if (h.length === 0) return false;
  const b = wordsOf(body);
  if (` ${b.join(' ')} `.includes(` ${h.join(' ')} `)) return true;
  const have = new Set(b);
  return h.length >= 3 && h.filter((w) => have.has(w)).length >= 0.75 * h.length;
}

/**
 * The analysis of the body with the headline's merged in, before it: the headline's direct
 * quotations (`headline: true`), said by the speaker of the body's quotation with the same
 * words, if any, else by no one; its reported speech dropped (a headline is no sentence);
 * its actors joined to the body's actors of the same name.
 * @param {import('./whosaid.js').Result} body
 * @param {import('./whosaid.js').Result} head
 * @returns {import('./whosaid.js').Result}
 */
function withHeadline(body, head) {
  const quotes = [];
  for (const q of head.quotes) {
    if (q.kind !== 'direct') continue;
    // (a direct quotation of the same words before a report that paraphrases them)
    const said = (/** @type {import('./whosaid.js').Quote} */ b) => sameWords(q.text, b.text) && (b.actor !== null || b.speaker !== null);
    const same = body.quotes.find((b) => b.kind === 'direct' && said(b)) ?? body.quotes.find(said);
    quotes.push({ ...q, headline: true, speaker: same ? same.speaker : null, actor: same ? same.actor : null, cue: same ? same.cue : null, group: quotes.length });
  }
  const k = quotes.length;
  const actors = body.actors.map((a) => ({ ...a, mentions: [...a.mentions], quotes: a.quotes.map((i) => i + k) }));
  quotes.forEach((q, i) => {
    if (q.actor !== null) actors[q.actor].quotes.unshift(i);
  });
  for (const q of body.quotes) quotes.push({ ...q, group: q.group + k });
  for (const a of head.actors) {
    let i = actors.findIndex((b) => b.name === a.name);
    if (i < 0) {
      i = actors.length;
      actors.push({ ...a, id: i, mentions: [], quotes: [] });
    }
    actors[i].mentions.unshift(...a.mentions);
  }
  return { ...body, quotes, actors };
}

/** Runs of whitespace (and any line break or tab) as one space: text from the HTML's layout. */
const oneSpaced = (/** @type {string} */ s) => s.replace(/\s{2,}|[^\S \u00a0]/g, ' ');

/**
 * Highlights quotations and actors in `root` (default: the article of the page, found as
 * Firefox's Reader View finds it). Rejects, with the page as it was, if marking fails part way
 * or the page's text changes while it is being marked; with a NoArticleError on a page that
 * has no article (a home page, a list: `{scope: 'page'}` reads the whole page).
 * Called as `highlight(options?)` or `highlight(root, options?)`.
 * @param {Element | Document | Record<string, any>} [first] the root, or the options
 * @param {{quotes?: boolean, actors?: boolean, panel?: boolean, mode?: 'auto' | 'highlight-api' | 'wrap', scope?: 'article' | 'page', wasm?: unknown, worker?: boolean, analyze?: (text: string) => Promise<import('./whosaid.js').Result>}} [second] the options
 */
export async function highlight(first, second) {
  const { root, doc: given, options } = argumentsOf(first, second);
  const mode = options.mode ?? 'auto';
  if (!['auto', 'highlight-api', 'wrap'].includes(mode)) {
    throw new TypeError(`whosaid: option "mode" must be "auto", "highlight-api" or "wrap", not ${JSON.stringify(mode)}`);
  }
  const palette = options.colours ?? PALETTE;
  if (
    !Array.isArray(palette) ||
    palette.length === 0 ||
    !palette.every((c) => typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c))
  ) {
    throw new TypeError('whosaid: option "colours" must be a non-empty list of "#rrggbb" colours');
  }
  for (const k of ['quotes', 'actors', 'panel']) {
    if (options[k] !== undefined && typeof options[k] !== 'boolean') {
      throw new TypeError(`whosaid: option "${k}" must be a boolean, not ${described(options[k])}`);
    }
  }
  if (options.analyze !== undefined && typeof options.analyze !== 'function') {
    throw new TypeError(`whosaid: option "analyze" must be a function, not ${described(options.analyze)}`);
  }
  if (options.worker !== undefined && typeof options.worker !== 'boolean') {
    throw new TypeError(`whosaid: option "worker" must be a boolean, not ${described(options.worker)}`);
  }
  const doc = root?.ownerDocument ?? given ?? document;
  const win = /** @type {Window & typeof globalThis} */ (doc.defaultView ?? window);
  const hasApi = typeof win.Highlight === 'function' && typeof win.CSS?.highlights === 'object';
  const useApi = mode === 'highlight-api' || (mode === 'auto' && hasApi);
  if (useApi && !hasApi) throw new Error('whosaid: this browser has no CSS Custom Highlight API');
  /** @type {(i: number) => boolean} */
  let reveal = () => false;

  // The analyzer: the wasm here, or the caller's (a browser extension's content script sends
  // the text to its background worker, which owns the wasm). The wasm loads while the article
  // is being found.
  // With `worker: true`, the analyzer runs in a Web Worker (./worker.js), off the main thread.
  const inWorker = !options.analyze && options.worker === true ? import('./worker.js') : null;
  const loading = options.analyze ? null : inWorker ? inWorker.then((w) => w.ready(options.wasm)) : ready(options.wasm);
  loading?.catch(() => {}); // (its failure is the analysis's, below)
  const run =
    options.analyze ??
    ((/** @type {string} */ t) =>
      /** @type {Promise<void>} */ (loading).then(() => (inWorker ? inWorker.then((w) => w.analyze(t)) : analyze(t))));
  /** Analyses each part of the collected text on its own; the parts' results as one. */
  const analyse = async (/** @type {ReturnType<typeof collectPlan>} */ c) => {
    /** @type {import('./whosaid.js').Result | null} */
    let body = null;
    /** @type {import('./whosaid.js').Result | null} */
    let head = null;
    for (const part of c.parts) {
      const r = await run(part.sent);
      shift(r, part.start);
      if (part.role === 'headline') head = r;
      else body = r;
    }
    const empty = { quotes: [], actors: [] };
    const result = body ?? /** @type {import('./whosaid.js').Result} */ (empty);
    return head ? withHeadline(result, head) : result;
  };
  // The page may change while the analyzer runs: collect again if it did (a few times).
  let plan = await planOf(root, doc, options.scope);
  let collected = collectPlan(plan);
  let result = await analyse(collected);
  let fresh = freshness(collected);
  for (let tries = 0; tries < 3 && fresh.includes(false); tries++) {
    // a page that re-rendered its article: found again (when the root is ours to pick)
    plan = await planOf(root, doc, options.scope);
    collected = collectPlan(plan);
    result = await analyse(collected);
    fresh = freshness(collected);
  }
  const el = plan.container;
  // The texts come from the page's own text (the analyzer saw newlines as spaces), with the
  // HTML's layout (runs of spaces, line breaks) read as one space.
  const text = collected.text;
  const fix = (/** @type {{start: number, end: number, text: string}} */ s) => {
    s.text = oneSpaced(text.slice(s.start, s.end));
  };
  for (const q of result.quotes) {
    fix(q);
    if (q.speaker) fix(q.speaker);
    if (q.cue) fix(q.cue);
  }
  // (actor names and titles come one-spaced from the analyzer: chars::one_spaced)
  for (const a of result.actors) a.mentions.forEach(fix);
  const headlinePart = collected.parts.find((p) => p.role === 'headline');
  /** What was read: the article (its headline, byline, date), the whole page, or the root. */
  const article = {
    scope: plan.scope,
    title: plan.reading?.title ?? null,
    byline: plan.reading?.byline ?? null,
    published: plan.reading?.published ?? null,
    headline: headlinePart ? { start: headlinePart.start, end: headlinePart.end, text: oneSpaced(text.slice(headlinePart.start, headlinePart.end)) } : null,
  };

  // Only what can be drawn right: offsets inside the text, over nodes that still hold the text
  // analysed (a page that kept changing leaves its changed parts unmarked).
  const { segments } = collected;
  const drawable = (/** @type {Mark} */ m) => {
    if (!(Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.start < m.end && m.end <= text.length)) return false;
    let k = firstEndingAfter(segments, m.start);
    if (k >= segments.length || segments[k].start >= m.end) return false;
    for (; k < segments.length && segments[k].start < m.end; k++) if (!fresh[k]) return false;
    return true;
  };
  const what = { quotes: options.quotes ?? true, actors: options.actors ?? true };
  const marks = marksOf(result, what, palette).filter(drawable);

  // From here on the page changes: each change is followed by its undoing in `undo`, and if
  // anything fails, or the page's text is not what it was at the end, all is undone and the
  // error thrown (a page that replaced DOM methods before this module was imported, or runs code
  // of its own on our elements, can make highlight() fail, never leave the page half-marked).
  // Nothing here awaits: the page's own scripts cannot run in between.
  /** @type {Array<() => void>} */
  const undo = [];
  const pageText = () => `${dom.textOf(doc.documentElement)}\u0000${dom.textOf(el)}`;
  const before = pageText();
  /** @type {Array<{kind: Mark['kind'], index: number, range: Range}>} */
  let live = [];
  try {
    const tag = useApi ? `${PREFIX}mark` : freeName(doc, `${PREFIX}mark`);
    const sheet = markSheet(doc, palette, tag);
    // the page's, and the shadow root's when the root is inside one (page sheets do not reach in)
    const scope = el.getRootNode();
    for (const at of scope === doc || !('adoptedStyleSheets' in scope) ? [doc] : [doc, /** @type {ShadowRoot} */ (scope)]) {
      at.adoptedStyleSheets = [...at.adoptedStyleSheets, sheet];
      undo.push(() => {
        at.adoptedStyleSheets = without(at.adoptedStyleSheets, sheet);
      });
    }

    if (useApi) {
      /** @type {Map<string, Highlight>} */
      const groups = new Map();
      /** @type {string[]} */
      const names = [];
      undo.push(() => {
        for (let i = 0; i < names.length; i++) win.CSS.highlights.delete(names[i]);
      });
      for (const m of marks) {
        const range = rangeOf(segments, m.start, m.end);
        if (!range) continue;
        const name = `${PREFIX}${m.kind}-${m.colour ?? 'none'}`;
        let h = groups.get(name);
        if (!h) {
          h = new win.Highlight();
          // quotes under speakers under mentions
          h.priority = m.kind === 'quote' ? 0 : m.kind === 'speaker' ? 1 : 2;
          groups.set(name, h);
          names.push(name);
          win.CSS.highlights.set(name, h);
        }
        h.add(range);
        live.push({ kind: m.kind, index: m.index, range });
      }
    } else {
      live = wrap(doc, segments, marks, tag, undo);
    }

    const overlay = explain(doc, collected, result, live, undo);
    /** Scrolls quotation `i` into view and explains it. */
    reveal = (/** @type {number} */ i) => {
      const mark = live.find((m) => m.kind === 'quote' && m.index === i);
      if (!mark) return false;
      const view = doc.defaultView;
      const r = mark.range.getBoundingClientRect();
      view?.scrollTo({ top: (view.scrollY ?? 0) + r.top - (view.innerHeight ?? 600) / 3, behavior: 'instant' });
      overlay.show(i, mark.range.getBoundingClientRect());
      return true;
    };
    if (options.panel) {
      sidePanel(doc, result, palette, reveal, (i) => {
        const mark = live.find((m) => m.kind === 'quote' && m.index === i);
        if (mark) overlay.show(i, mark.range.getBoundingClientRect());
      }, article, undo);
    }
    if (pageText() !== before) {
      throw new Error('whosaid: the page\'s text changed while it was being marked (a script of the page interfered); nothing is marked');
    }
  } catch (e) {
    undoAll(undo);
    throw e;
  }

  let cleared = false;
  return {
    text,
    quotes: result.quotes,
    actors: result.actors,
    article,
    mode: useApi ? 'highlight-api' : 'wrap',
    marks: live,
    reveal,
    clear() {
      if (cleared) return;
      cleared = true;
      undoAll(undo);
      // Let go of the ranges: a live Range is updated on every later change to the page while
      // anything holds it (the caller's copy of `marks`, a highlight not yet collected), so each
      // is moved into a throwaway document, out of the page's way.
      try {
        const sink = doc.implementation.createHTMLDocument('');
        for (let i = 0; i < live.length; i++) live[i].range.selectNodeContents(sink.body);
      } catch {
        // a page that broke these: the ranges stay where they are, harmless
      }
      live.length = 0;
    },
  };
}

/**
 * Runs the undo steps, last first, each on its own: one that fails (the page removed what it
 * undoes, or broke a method it needs) does not stop the others. No array methods: the page may
 * have replaced them since.
 */
function undoAll(/** @type {Array<() => void>} */ undo) {
  for (let i = undo.length - 1; i >= 0; i--) {
    try {
      undo[i]();
    } catch {
      // nothing more can be done for this step
    }
  }
  undo.length = 0;
}

/** `list` without `x`, by index (no array methods, which the page may have replaced). */
function without(/** @type {ArrayLike<any>} */ list, /** @type {any} */ x) {
  const out = [];
  for (let i = 0; i < list.length; i++) if (list[i] !== x) out[out.length] = list[i];
  return out;
}

/**
 * `name`, or `name-2`, `name-3`, …: the first that the page has not defined as a custom element
 * of its own, whose code would run on our elements (and could replace their text). Where the
 * registry cannot be seen (an extension's isolated world), `name`.
 * @param {Document} doc
 * @param {string} name
 */
function freeName(doc, name) {
  const registry = doc.defaultView?.customElements;
  if (!registry || !dom.defined) return name;
  let free = name;
  for (let n = 2; dom.defined(registry, free) !== undefined; n++) free = `${name}-${n}`;
  return free;
}

/**
 * Wraps every marked stretch in `tag` elements (<whosaid-mark>), splitting text nodes at the
 * marks' edges. Its undoing goes into `undo` before the first change, and undoes whatever was
 * done, even part of it: wrapped pieces are put back, split nodes joined again.
 * @param {Document} doc
 * @param {Array<{node: Text, start: number, end: number}>} segments
 * @param {Mark[]} marks
 * @param {string} tag
 * @param {Array<() => void>} undo
 * @returns {Array<{kind: Mark['kind'], index: number, range: Range}>}
 */
function wrap(doc, segments, marks, tag, undo) {
  // What was done, for the undoing (read by index only: see undoAll).
  /** @type {Array<{original: Text, pieces: Text[]}>} */
  const split = [];
  /** @type {Array<{node: Text, w: Element}>} */
  const wrapped = [];
  undo.push(() => {
    for (let i = wrapped.length - 1; i >= 0; i--) {
      const { node, w } = wrapped[i];
      const parent = dom.parent(w);
      if (parent === null) continue; // removed by the page: it stays removed
      // the text back where the wrapper is: from inside it, or from nowhere if the page's code
      // emptied it (not if the page moved the text elsewhere)
      const at = dom.parent(node);
      if (at === w || at === null) dom.insertBefore(parent, node, w);
      dom.removeChild(parent, w);
    }
    // Each split node takes back the text of the pieces still right after it, as they are now
    // (the page's own later changes are kept; a piece it removed stays removed).
    for (let i = 0; i < split.length; i++) {
      const { original, pieces } = split[i];
      const parent = dom.parent(original);
      if (parent === null) continue;
      let joined = dom.data(original);
      let last = 0;
      for (let k = 1; k < pieces.length && dom.next(pieces[k - 1]) === pieces[k]; k++) {
        joined += dom.data(pieces[k]);
        last = k;
      }
      dom.setData(original, joined);
      for (let k = 1; k <= last; k++) dom.removeChild(parent, pieces[k]);
    }
  });

  // For each text node, the offsets where a mark starts or ends.
  /** @type {Map<Text, Set<number>>} */
  const cutsOf = new Map();
  const addCut = (/** @type {number} */ at, /** @type {boolean} */ end) => {
    const p = locate(segments, at, end);
    if (!p || p.offset <= 0 || p.offset >= p.node.data.length) return;
    let cuts = cutsOf.get(p.node);
    if (!cuts) cutsOf.set(p.node, (cuts = new Set()));
    cuts.add(p.offset);
  };
  for (const m of marks) {
    addCut(m.start, false);
    addCut(m.end, true);
  }
  // Split each node into pieces.
  /** @type {Array<{node: Text, start: number, end: number}>} */
  const pieces = [];
  for (const seg of segments) {
    const cuts = cutsOf.get(seg.node);
    if (!cuts) {
      pieces.push(seg);
      continue;
    }
    const original = seg.node;
    const entry = { original, pieces: [original] };
    split.push(entry);
    const parent = dom.parent(original);
    let node = original;
    let done = 0;
    for (const at of [...cuts].sort((a, b) => a - b)) {
      const next = dom.splitText(node, at - done);
      entry.pieces.push(next);
      // a page's own splitText may answer without splitting: nothing right can be done then
      if (dom.next(node) !== next || dom.parent(next) !== parent || dom.data(node).length !== at - done) {
        throw new Error('whosaid: Text.splitText did not split (the page replaced it?)');
      }
      pieces.push({ node, start: seg.start + done, end: seg.start + at });
      node = next;
      done = at;
    }
    pieces.push({ node, start: seg.start + done, end: seg.end });
  }
  // Wrap each piece that a mark covers, once, with every mark's attribute on the wrapper.
  /** @type {Map<Text, Element>} */
  const wrapperOf = new Map();
  /** @type {Array<{m: Mark, first: Text, last: Text}>} */
  const spans = [];
  for (const m of marks) {
    /** @type {Text[]} */
    const covering = [];
    for (let k = firstEndingAfter(pieces, m.start); k < pieces.length && pieces[k].start < m.end; k++) {
      const p = pieces[k];
      if (p.node.data.length === 0) continue;
      let w = wrapperOf.get(p.node);
      if (!w) {
        w = dom.createElement(doc, tag);
        const parent = dom.parent(p.node);
        // the wrapper goes in first, empty, then the text moves in: the text is never out
        dom.insertBefore(parent, w, p.node);
        wrapped.push({ node: p.node, w });
        dom.insertBefore(w, p.node, null);
        if (dom.parent(p.node) !== w) throw new Error('whosaid: a wrapper did not take its text (the page interfered?)');
        wrapperOf.set(p.node, w);
      }
      dom.setAttribute(w, `data-${m.kind}`, String(m.colour ?? 'none'));
      covering.push(p.node);
    }
    if (covering.length > 0) spans.push({ m, first: covering[0], last: covering[covering.length - 1] });
  }
  // The ranges last: a live Range is updated on every later DOM change, so making them while
  // still wrapping would cost (ranges x changes).
  return spans.map(({ m, first, last }) => {
    const range = dom.createRange(doc);
    dom.setStart(range, first, 0);
    dom.setEnd(range, last, dom.data(last).length);
    return { kind: m.kind, index: m.index, range };
  });
}

/**
 * The overlay that explains a quotation: who said it, the cue, the actor's name and titles.
 * Shown on hover over a quotation, or on demand (`show`) for keyboard users.
 * @param {Document} doc
 * @param {ReturnType<typeof collect>} collected
 * @param {import('./whosaid.js').Result} result
 * @param {Array<{kind: string, index: number, range: Range}>} live
 * @param {Array<() => void>} undo gets the overlay's removal
 */
function explain(doc, collected, result, live, undo) {
  const shadow = shadowHost(doc, 'whosaid-overlay', `
    .tip { position: fixed; z-index: 2147483647; max-width: 22rem; padding: .5rem .7rem;
      background: #1d1d1f; color: #fff; font: 14px/1.4 system-ui, sans-serif; border-radius: 6px;
      box-shadow: 0 4px 14px rgba(0,0,0,.3); pointer-events: none; }
    .tip[hidden] { display: none; }
    .who { font-weight: 600; }
    .meta { color: #d0d0d0; }
  `, undo);
  const who = make(doc, 'div', 'who');
  const meta = make(doc, 'div', 'meta');
  const tip = add(make(doc, 'div', 'tip'), who, meta);
  dom.setAttribute(tip, 'role', 'tooltip');
  tip.hidden = true;
  add(shadow, tip);

  const quoteRanges = live.filter((m) => m.kind === 'quote');
  const nodeStart = new Map(collected.segments.map((s) => [s.node, s.start]));

  /** Shows the explanation of quotation `i` near `rect`. */
  const show = (/** @type {number} */ i, /** @type {DOMRect} */ rect) => {
    const q = result.quotes[i];
    const actor = q.actor === null ? null : result.actors[q.actor];
    dom.setText(who, actor ? actor.name : q.speaker ? q.speaker.text : 'Speaker not found');
    const bits = [];
    if (actor && actor.titles.length > 0) bits.push(actor.titles.join(', '));
    if (actor) bits.push(actor.kind);
    if (q.speaker && actor && q.speaker.text !== actor.name) bits.push(`as “${q.speaker.text}”`);
    if (q.cue) bits.push(`cue: ${q.cue.text}`);
    bits.push(q.headline ? 'quotation in the headline' : q.kind === 'direct' ? 'direct quotation' : 'reported speech');
    dom.setText(meta, bits.join(' · '));
    tip.hidden = false;
    const view = doc.defaultView;
    const top = rect.bottom + 8;
    tip.style.left = `${Math.max(8, Math.min(rect.left, (view?.innerWidth ?? 800) - 360))}px`;
    tip.style.top = `${top > (view?.innerHeight ?? 600) - 80 ? rect.top - 70 : top}px`;
  };
  const hide = () => {
    tip.hidden = true;
  };

  /** The index of the quotation at a point of the text, if any. */
  const quoteAt = (/** @type {Node} */ node, /** @type {number} */ at) => {
    const base = nodeStart.get(/** @type {Text} */ (node));
    if (base === undefined) {
      // wrap mode: the pieces are new nodes; find the quotation by its ranges
      return quoteRanges.find((m) => m.range.isPointInRange(node, at))?.index ?? null;
    }
    const offset = base + at;
    const hit = quoteRanges.find((m) => {
      const q = result.quotes[m.index];
      return q.start <= offset && offset < q.end;
    });
    return hit ? hit.index : null;
  };
  const onMove = quietly((/** @type {MouseEvent} */ e) => {
    const at = caretAt(doc, e.clientX, e.clientY);
    const i = at ? quoteAt(at.node, at.offset) : null;
    if (i === null) hide();
    else show(i, pointRect(e));
  }, hide);
  // Keyboard: moving the caret or the selection into a quotation (caret browsing, Shift+arrows)
  // explains it too; Escape hides the explanation.
  const onSelection = quietly(() => {
    const sel = doc.getSelection();
    if (!sel || !sel.focusNode || sel.rangeCount === 0) return;
    const i = quoteAt(sel.focusNode, sel.focusOffset);
    if (i === null) return hide();
    show(i, sel.getRangeAt(0).getBoundingClientRect());
  }, hide);
  const onKey = quietly((/** @type {KeyboardEvent} */ e) => {
    if (e.key === 'Escape') hide();
  });
  doc.addEventListener('mousemove', onMove, { passive: true });
  undo.push(() => doc.removeEventListener('mousemove', onMove));
  doc.addEventListener('selectionchange', onSelection);
  undo.push(() => doc.removeEventListener('selectionchange', onSelection));
  doc.addEventListener('keydown', onKey);
  undo.push(() => doc.removeEventListener('keydown', onKey));
  return { show };
}

/**
 * An element of ours, put at the end of the body (its removal goes into `undo`), with an open
 * shadow root styled by `css` (an adopted sheet: page CSS cannot reach inside, and a strict CSP
 * does not block it). Its light DOM stays empty. Its tag is `tag` unless the page has defined
 * that name (see freeName).
 * @param {Document} doc
 * @param {string} tag
 * @param {string} css
 * @param {Array<() => void>} undo
 */
function shadowHost(doc, tag, css, undo) {
  const host = dom.createElement(doc, freeName(doc, tag));
  const shadow = /** @type {ShadowRoot} */ (dom.attachShadow(host, { mode: 'open' }));
  const style = new (doc.defaultView ?? window).CSSStyleSheet();
  style.replaceSync(`:host { all: initial; }\n${css}`);
  shadow.adoptedStyleSheets = [style];
  const body = doc.body ?? doc.documentElement;
  dom.insertBefore(body, host, null);
  undo.push(() => {
    const parent = dom.parent(host);
    if (parent !== null) dom.removeChild(parent, host);
  });
  return shadow;
}

/** A new element of ours: `tag`, of class `cls`, holding `text` (as text, never as HTML). */
function make(/** @type {Document} */ doc, /** @type {string} */ tag, cls = '', text = '') {
  const el = dom.createElement(doc, tag);
  if (cls) dom.setAttribute(el, 'class', cls);
  if (text) dom.setText(el, text);
  return el;
}

/** Appends `children` to `parent`; returns `parent`. */
function add(/** @type {Node} */ parent, /** @type {Node[]} */ ...children) {
  for (let i = 0; i < children.length; i++) dom.insertBefore(parent, children[i], null);
  return parent;
}

/** A small rectangle at the pointer. */
function pointRect(/** @type {MouseEvent} */ e) {
  return new DOMRect(e.clientX, e.clientY, 1, 16);
}

/**
 * The text node and offset under a point.
 * @returns {{node: Node, offset: number} | null}
 */
function caretAt(/** @type {Document} */ doc, /** @type {number} */ x, /** @type {number} */ y) {
  const d = /** @type {any} */ (doc);
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/**
 * The side panel: who said what, grouped by actor; a click (or Enter) on a quotation scrolls to
 * it and explains it. It says what was read (the article's headline, or the whole page), makes
 * room for itself at the right of the page (the page's own margin is left as it was on
 * clear()), and folds into a narrow strip (its button, or Escape inside it) to give the page
 * all its width back.
 * @param {Document} doc
 * @param {import('./whosaid.js').Result} result
 * @param {string[]} palette
 * @param {(i: number) => void} reveal scrolls to quotation i and explains it
 * @param {(i: number) => void} explainOnly explains quotation i where it is
 * @param {{scope: string, title: string | null, headline: {text: string} | null}} article what was read
 * @param {Array<() => void>} undo gets the panel's removal
 */
function sidePanel(doc, result, palette, reveal, explainOnly, article, undo) {
  const WIDTH = 'min(24rem, 40vw)';
  const shadow = shadowHost(doc, 'whosaid-panel', `
    aside { position: fixed; top: 0; right: 0; bottom: 0; width: ${WIDTH}; overflow: auto;
      z-index: 2147483646; background: #fff; color: #1d1d1f; border-left: 1px solid #ccc;
      font: 14px/1.45 system-ui, sans-serif; padding: .75rem; box-sizing: border-box;
      box-shadow: -4px 0 14px rgba(0,0,0,.12); }
    aside.folded { width: 2.5rem; padding: .5rem .25rem; overflow: hidden; }
    aside.folded .body, aside.folded h2 { display: none; }
    header { display: flex; align-items: center; justify-content: space-between; gap: .5rem; }
    h2 { font-size: 15px; margin: 0; }
    .read { color: #444; margin: .35rem 0 .2rem; }
    .read strong { font-weight: 600; color: #1d1d1f; }
    .count { color: #555; margin: 0 0 .4rem; }
    h3 { font-size: 14px; margin: .8rem 0 .3rem; display: flex; gap: .4rem; align-items: center; }
    .swatch { width: .9rem; height: .9rem; border-radius: 3px; border: 1px solid #777; flex: none; }
    .titles { color: #555; font-weight: normal; }
    ul { list-style: none; margin: 0; padding: 0; }
    button { all: unset; display: block; cursor: pointer; padding: .25rem .35rem; border-radius: 4px;
      color: #1d1d1f; }
    button.fold { flex: none; border: 1px solid #999; padding: 0 .45rem; font-size: 16px; line-height: 1.5; }
    button:hover, button:focus-visible { background: #eef3ff; outline: 2px solid #2458d6; }
  `, undo);
  // Room for the panel: the page's root gets a right margin as wide as the panel (an adopted
  // sheet, removed on fold and on clear()).
  const room = new (doc.defaultView ?? window).CSSStyleSheet();
  room.replaceSync(`html { margin-right: ${WIDTH} !important; }`);
  const makeRoom = (/** @type {boolean} */ on) => {
    const rest = without(doc.adoptedStyleSheets, room);
    doc.adoptedStyleSheets = on ? [...rest, room] : rest;
  };
  undo.push(() => makeRoom(false));
  makeRoom(true);

  const fold = make(doc, 'button', 'fold', '⟩');
  dom.setAttribute(fold, 'aria-label', 'Fold the panel');
  dom.setAttribute(fold, 'aria-expanded', 'true');
  const aside = make(doc, 'aside');
  add(aside, add(make(doc, 'header'), make(doc, 'h2', '', 'Who said what'), fold));
  dom.setAttribute(aside, 'aria-label', 'Who said what');
  const body = make(doc, 'div', 'body');
  add(aside, body);
  const setFolded = (/** @type {boolean} */ folded) => {
    dom.setAttribute(aside, 'class', folded ? 'folded' : '');
    dom.setAttribute(fold, 'aria-expanded', folded ? 'false' : 'true');
    dom.setAttribute(fold, 'aria-label', folded ? 'Open the panel' : 'Fold the panel');
    dom.setText(fold, folded ? '⟨' : '⟩');
    makeRoom(!folded);
  };
  fold.addEventListener('click', quietly(() => setFolded(aside.getAttribute('class') !== 'folded')));
  aside.addEventListener('keydown', quietly((/** @type {KeyboardEvent} */ e) => {
    if (e.key === 'Escape') setFolded(true);
  }));

  // What was read
  if (article.scope === 'article') {
    const read = add(make(doc, 'p', 'read', 'Read: '), make(doc, 'strong', '', article.headline?.text ?? article.title ?? 'the article'));
    add(body, read);
  } else if (article.scope === 'page') {
    add(body, make(doc, 'p', 'read', 'Read: the whole page'));
  }
  const firsts = result.quotes.filter((q, i) => q.group === i);
  const speakers = new Set(firsts.filter((q) => q.actor !== null).map((q) => q.actor)).size;
  const where = article.scope === 'article' ? 'in this article' : article.scope === 'page' ? 'on this page' : 'here';
  add(body, make(doc, 'p', 'count', firsts.length === 0
    ? `No quotations ${where}.`
    : `${firsts.length} quotation${firsts.length === 1 ? '' : 's'}, ${speakers} speaker${speakers === 1 ? '' : 's'} found.`));

  /** @type {Map<number | null, number[]>} */
  const byActor = new Map();
  result.quotes.forEach((q, i) => {
    const list = byActor.get(q.actor) ?? [];
    list.push(i);
    byActor.set(q.actor, list);
  });
  for (const [actor, quotes] of byActor) {
    const a = actor === null ? null : result.actors[actor];
    const sw = make(doc, 'span', 'swatch');
    sw.style.background = a ? palette[colourOf(a.name, palette.length)] : '#e8e8e8';
    const h = add(make(doc, 'h3'), sw, make(doc, 'span', '', a ? a.name : 'Speaker not found'));
    if (a && a.titles.length > 0) add(h, make(doc, 'span', 'titles', `(${a.titles.join(', ')})`));
    const ul = make(doc, 'ul');
    for (const i of quotes) {
      const q = result.quotes[i];
      const b = make(doc, 'button', '', q.text.length > 140 ? `${q.text.slice(0, 137)}…` : q.text);
      b.addEventListener('click', quietly(() => reveal(i)));
      b.addEventListener('focus', quietly(() => explainOnly(i)));
      add(ul, add(make(doc, 'li'), b));
    }
    add(body, h, ul);
  }
  add(shadow, aside);
}
