// whosaid in-page highlighting: marks every quotation (in its speaker's colour) and every
// actor mention of a news page, explains a quotation on hover or keyboard focus, and can list
// who said what in a side panel.
//
// How it works, in one pass each:
//   1. collect: the text nodes of the article root, in document order, skipping what a reader
//      does not see (script, style, form controls, [hidden], [aria-hidden=true], invisible
//      elements, editable regions); a virtual "\n\n" between blocks and "\n" at <br>, so that the
//      analyzer sees one paragraph per line. The page's text is never changed: a newline inside a
//      text node is sent as a space (same length), and every offset maps back to (node, offset).
//   2. analyse: the wasm analyzer (./whosaid.js) on that text; UTF-16 offsets are JS indices.
//   3. mark: with the CSS Custom Highlight API where present (no DOM change at all); otherwise
//      each marked stretch is wrapped in a <whosaid-mark> element, and clear() puts the original
//      text nodes back.
// The overlay and the panel live in shadow roots of their own elements: page CSS cannot reach
// them and their light DOM is empty, so document.body.textContent does not change.
//
// No dependencies; no network access except loading the wasm.

import { analyze, ready } from './whosaid.js';

const PREFIX = 'whosaid-';

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
 * The element holding the article: `article`, `[itemprop=articleBody]`, `main`, else the
 * element whose own paragraphs hold the most text (read-only: nothing on the page changes),
 * else the body.
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
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return style ? style.display === 'none' || style.visibility === 'hidden' : false;
}

/**
 * The text of `root` as the analyzer should see it, with the table from offsets to nodes.
 * @param {Element} root
 * @returns {{text: string, sent: string, segments: Array<{node: Text, start: number, end: number}>}}
 */
export function collect(root) {
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
  const walk = (/** @type {Node} */ node) => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const t = /** @type {Text} */ (child);
        if (t.data.length === 0) continue;
        segments.push({ node: t, start: length, end: length + t.data.length });
        // a line break inside a text node is layout, not a paragraph: sent as a space
        push(t.data, t.data.replace(/[\n\r\u2028\u2029]/g, ' '));
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const el = /** @type {Element} */ (child);
        if (el.tagName.toUpperCase() === 'BR') {
          push('\n', '\n');
          continue;
        }
        if (skipped(el)) continue;
        const block = BLOCKS.has(el.tagName.toUpperCase());
        if (block) separate('\n\n');
        walk(el);
        if (block) separate('\n\n');
      }
    }
  };
  walk(root);
  return { text: parts.join(''), sent: sentParts.join(''), segments };
}

/** Whether the collected segments still match the page (same nodes, same lengths). */
function unchanged(/** @type {ReturnType<typeof collect>} */ c) {
  return c.segments.every((s) => s.node.isConnected && s.node.data.length === s.end - s.start);
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
  const r = a.node.ownerDocument.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset);
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

/** The page-level style sheet for the marks (adopted, so a strict CSP does not block it). */
function markSheet(/** @type {Document} */ doc, /** @type {string[]} */ palette) {
  const rules = [];
  palette.forEach((c, i) => {
    rules.push(`::highlight(${PREFIX}quote-${i}) { background-color: ${c}; color: #111; }`);
    rules.push(`::highlight(${PREFIX}speaker-${i}) { background-color: ${c}; color: #111; text-decoration: underline 2px solid #333; }`);
    rules.push(`::highlight(${PREFIX}mention-${i}) { text-decoration: underline 2px dotted ${shade(c)}; }`);
    rules.push(`whosaid-mark[data-quote="${i}"] { background-color: ${c}; color: #111; }`);
    rules.push(`whosaid-mark[data-speaker="${i}"] { background-color: ${c}; color: #111; text-decoration: underline 2px solid #333; }`);
    rules.push(`whosaid-mark[data-mention="${i}"] { text-decoration: underline 2px dotted ${shade(c)}; }`);
  });
  rules.push(`::highlight(${PREFIX}quote-none) { background-color: #e8e8e8; color: #111; }`);
  rules.push('whosaid-mark[data-quote="none"] { background-color: #e8e8e8; color: #111; }');
  rules.push('whosaid-mark { display: inline; }');
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

/**
 * Highlights quotations and actors in `root` (default: the article of the page).
 * @param {Element} [root]
 * @param {{quotes?: boolean, actors?: boolean, panel?: boolean, mode?: 'auto' | 'highlight-api' | 'wrap', wasm?: unknown, analyze?: (text: string) => Promise<import('./whosaid.js').Result>}} [options]
 */
export async function highlight(root, options = {}) {
  const known = new Set(['quotes', 'actors', 'panel', 'mode', 'wasm', 'analyze', 'colours']);
  for (const k of Object.keys(options)) {
    if (!known.has(k)) throw new TypeError(`whosaid: unknown option "${k}"`);
  }
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
  const doc = root?.ownerDocument ?? document;
  const el = root ?? articleRoot(doc);
  const win = /** @type {Window & typeof globalThis} */ (doc.defaultView ?? window);
  const hasApi = typeof win.Highlight === 'function' && typeof win.CSS?.highlights === 'object';
  const useApi = mode === 'highlight-api' || (mode === 'auto' && hasApi);
  if (useApi && !hasApi) throw new Error('whosaid: this browser has no CSS Custom Highlight API');

  // The analyzer: the wasm here, or the caller's (a browser extension's content script sends
  // the text to its background worker, which owns the wasm).
  const run = options.analyze ?? ((/** @type {string} */ t) => ready(options.wasm).then(() => analyze(t)));
  // The page may change while the analyzer runs: collect again if it did (a few times).
  let collected = collect(el);
  let result = await run(collected.sent);
  for (let tries = 0; tries < 3 && !unchanged(collected); tries++) {
    collected = collect(el);
    result = await run(collected.sent);
  }
  // The texts come from the page's own text (the analyzer saw newlines as spaces).
  const text = collected.text;
  const fix = (/** @type {{start: number, end: number, text: string}} */ s) => {
    s.text = text.slice(s.start, s.end);
  };
  for (const q of result.quotes) {
    fix(q);
    if (q.speaker) fix(q.speaker);
    if (q.cue) fix(q.cue);
  }
  for (const a of result.actors) a.mentions.forEach(fix);

  const what = { quotes: options.quotes ?? true, actors: options.actors ?? true };
  const marks = marksOf(result, what, palette);
  const sheet = markSheet(doc, palette);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  /** @type {Array<() => void>} */
  const undo = [() => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  }];

  /** @type {Array<{kind: Mark['kind'], index: number, range: Range}>} */
  let live = [];
  if (useApi) {
    /** @type {Map<string, Highlight>} */
    const groups = new Map();
    for (const m of marks) {
      const range = rangeOf(collected.segments, m.start, m.end);
      if (!range) continue;
      const name = `${PREFIX}${m.kind}-${m.colour ?? 'none'}`;
      let h = groups.get(name);
      if (!h) {
        h = new win.Highlight();
        // quotes under speakers under mentions
        h.priority = m.kind === 'quote' ? 0 : m.kind === 'speaker' ? 1 : 2;
        groups.set(name, h);
        win.CSS.highlights.set(name, h);
      }
      h.add(range);
      live.push({ kind: m.kind, index: m.index, range });
    }
    undo.push(() => {
      for (const name of groups.keys()) win.CSS.highlights.delete(name);
    });
  } else {
    const wrapped = wrap(doc, collected.segments, marks);
    live = wrapped.marks;
    undo.push(wrapped.unwrap);
  }

  const overlay = explain(doc, collected, result, live);
  undo.push(overlay.remove);
  /** Scrolls quotation `i` into view and explains it. */
  const reveal = (/** @type {number} */ i) => {
    const mark = live.find((m) => m.kind === 'quote' && m.index === i);
    if (!mark) return false;
    const view = doc.defaultView;
    const r = mark.range.getBoundingClientRect();
    view?.scrollTo({ top: (view.scrollY ?? 0) + r.top - (view.innerHeight ?? 600) / 3, behavior: 'instant' });
    overlay.show(i, mark.range.getBoundingClientRect());
    return true;
  };
  if (options.panel) {
    const panel = sidePanel(doc, result, palette, reveal, (i) => {
      const mark = live.find((m) => m.kind === 'quote' && m.index === i);
      if (mark) overlay.show(i, mark.range.getBoundingClientRect());
    });
    undo.push(panel.remove);
  }

  let cleared = false;
  return {
    text,
    quotes: result.quotes,
    actors: result.actors,
    mode: useApi ? 'highlight-api' : 'wrap',
    marks: live,
    reveal,
    clear() {
      if (cleared) return;
      cleared = true;
      for (const f of undo.reverse()) f();
      // Let go of the ranges: a live Range is updated on every later change to the page while
      // anything holds it (the caller's copy of `marks`, a highlight not yet collected), so each
      // is moved into a throwaway document, out of the page's way.
      const sink = doc.implementation.createHTMLDocument('');
      for (const m of live) m.range.selectNodeContents(sink.body);
      live.length = 0;
    },
  };
}

/**
 * Wraps every marked stretch in <whosaid-mark> elements, splitting text nodes at the marks'
 * edges; `unwrap` puts back the original nodes with their original text.
 * @param {Document} doc
 * @param {Array<{node: Text, start: number, end: number}>} segments
 * @param {Mark[]} marks
 */
function wrap(doc, segments, marks) {
  // For each text node, the offsets where a mark starts or ends.
  /** @type {Map<Text, {seg: {node: Text, start: number, end: number}, cuts: Set<number>}>} */
  const cutsOf = new Map();
  const segOf = new Map(segments.map((s) => [s.node, s]));
  const addCut = (/** @type {number} */ at, /** @type {boolean} */ end) => {
    const p = locate(segments, at, end);
    if (!p) return;
    const seg = segOf.get(p.node);
    if (!seg) return;
    let entry = cutsOf.get(p.node);
    if (!entry) cutsOf.set(p.node, (entry = { seg, cuts: new Set() }));
    if (p.offset > 0 && p.offset < p.node.data.length) entry.cuts.add(p.offset);
  };
  for (const m of marks) {
    addCut(m.start, false);
    addCut(m.end, true);
  }
  // Split each node into pieces; remember them to join them back.
  /** @type {Array<{original: Text, pieces: Text[], text: string}>} */
  const split = [];
  /** @type {Array<{node: Text, start: number, end: number}>} */
  const pieces = [];
  for (const seg of segments) {
    const entry = cutsOf.get(seg.node);
    if (!entry || entry.cuts.size === 0) {
      pieces.push(seg);
      continue;
    }
    const offsets = [...entry.cuts].sort((a, b) => a - b);
    const original = seg.node;
    const text = original.data;
    const nodes = [original];
    let node = original;
    let done = 0;
    for (const at of offsets) {
      node = node.splitText(at - done);
      nodes.push(node);
      done = at;
    }
    let start = seg.start;
    for (const n of nodes) {
      pieces.push({ node: n, start, end: start + n.data.length });
      start += n.data.length;
    }
    split.push({ original, pieces: nodes, text });
  }
  // Wrap each piece that a mark covers, once, with every mark's attribute on the wrapper.
  /** @type {Map<Text, HTMLElement>} */
  const wrapperOf = new Map();
  /** @type {Array<{kind: Mark['kind'], index: number, range: Range}>} */
  const live = [];
  /** @type {Array<{m: Mark, first: HTMLElement, last: HTMLElement}>} */
  const spans = [];
  for (const m of marks) {
    /** @type {HTMLElement[]} */
    const covering = [];
    // the first piece that ends after the mark starts (pieces are in text order)
    let lo = 0;
    let hi = pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pieces[mid].end <= m.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < pieces.length && pieces[k].start < m.end; k++) {
      const p = pieces[k];
      if (p.end <= m.start || p.node.data.length === 0) continue;
      let w = wrapperOf.get(p.node);
      if (!w) {
        w = doc.createElement('whosaid-mark');
        p.node.parentNode?.insertBefore(w, p.node);
        w.appendChild(p.node);
        wrapperOf.set(p.node, w);
      }
      w.setAttribute(`data-${m.kind}`, String(m.colour ?? 'none'));
      covering.push(w);
    }
    if (covering.length > 0) spans.push({ m, first: covering[0], last: covering[covering.length - 1] });
  }
  // The ranges last: a live Range is updated on every later DOM change, so making them while
  // still wrapping would cost (ranges x changes).
  for (const { m, first, last } of spans) {
    const a = /** @type {Text} */ (first.firstChild);
    const b = /** @type {Text} */ (last.firstChild);
    const range = doc.createRange();
    range.setStart(a, 0);
    range.setEnd(b, b.data.length);
    live.push({ kind: m.kind, index: m.index, range });
  }
  const unwrap = () => {
    for (const [node, w] of wrapperOf) {
      if (w.parentNode) {
        w.parentNode.insertBefore(node, w);
        w.remove();
      }
    }
    for (const s of split) {
      s.original.data = s.text;
      for (const n of s.pieces.slice(1)) n.remove();
    }
  };
  return { marks: live, unwrap };
}

/**
 * The overlay that explains a quotation: who said it, the cue, the actor's name and titles.
 * Shown on hover over a quotation, or on demand (`show`) for keyboard users.
 * @param {Document} doc
 * @param {ReturnType<typeof collect>} collected
 * @param {import('./whosaid.js').Result} result
 * @param {Array<{kind: string, index: number, range: Range}>} live
 */
function explain(doc, collected, result, live) {
  const { host, shadow } = shadowHost(doc, 'whosaid-overlay', `
    .tip { position: fixed; z-index: 2147483647; max-width: 22rem; padding: .5rem .7rem;
      background: #1d1d1f; color: #fff; font: 14px/1.4 system-ui, sans-serif; border-radius: 6px;
      box-shadow: 0 4px 14px rgba(0,0,0,.3); pointer-events: none; }
    .tip[hidden] { display: none; }
    .who { font-weight: 600; }
    .meta { color: #d0d0d0; }
  `);
  const tip = doc.createElement('div');
  tip.className = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  shadow.appendChild(tip);
  doc.body.appendChild(host);

  const quoteRanges = live.filter((m) => m.kind === 'quote');
  const nodeStart = new Map(collected.segments.map((s) => [s.node, s.start]));

  /** Shows the explanation of quotation `i` near `rect`. */
  const show = (/** @type {number} */ i, /** @type {DOMRect} */ rect) => {
    const q = result.quotes[i];
    const actor = q.actor === null ? null : result.actors[q.actor];
    tip.replaceChildren();
    const who = doc.createElement('div');
    who.className = 'who';
    who.textContent = actor ? actor.name : q.speaker ? q.speaker.text : 'Speaker not found';
    tip.appendChild(who);
    const meta = doc.createElement('div');
    meta.className = 'meta';
    const bits = [];
    if (actor && actor.titles.length > 0) bits.push(actor.titles.join(', '));
    if (actor) bits.push(actor.kind);
    if (q.speaker && actor && q.speaker.text !== actor.name) bits.push(`as “${q.speaker.text}”`);
    if (q.cue) bits.push(`cue: ${q.cue.text}`);
    bits.push(q.kind === 'direct' ? 'direct quotation' : 'reported speech');
    meta.textContent = bits.join(' · ');
    tip.appendChild(meta);
    tip.hidden = false;
    const view = doc.defaultView;
    const top = rect.bottom + 8;
    tip.style.left = `${Math.max(8, Math.min(rect.left, (view?.innerWidth ?? 800) - 360))}px`;
    tip.style.top = `${top > (view?.innerHeight ?? 600) - 80 ? rect.top - 70 : top}px`;
  };
  const hide = () => {
    tip.hidden = true;
  };

  /** The quotation under the pointer, from the caret position there. */
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
  const onMove = (/** @type {MouseEvent} */ e) => {
    const at = caretAt(doc, e.clientX, e.clientY);
    const i = at ? quoteAt(at.node, at.offset) : null;
    if (i === null) hide();
    else show(i, pointRect(e));
  };
  // Keyboard: moving the caret or the selection into a quotation (caret browsing, Shift+arrows)
  // explains it too; Escape hides the explanation.
  const onSelection = () => {
    const sel = doc.getSelection();
    if (!sel || !sel.focusNode || sel.rangeCount === 0) return;
    const i = quoteAt(sel.focusNode, sel.focusOffset);
    if (i === null) return hide();
    show(i, sel.getRangeAt(0).getBoundingClientRect());
  };
  const onKey = (/** @type {KeyboardEvent} */ e) => {
    if (e.key === 'Escape') hide();
  };
  doc.addEventListener('mousemove', onMove, { passive: true });
  doc.addEventListener('selectionchange', onSelection);
  doc.addEventListener('keydown', onKey);
  return {
    show,
    remove() {
      doc.removeEventListener('mousemove', onMove);
      doc.removeEventListener('selectionchange', onSelection);
      doc.removeEventListener('keydown', onKey);
      host.remove();
    },
  };
}

/**
 * An element of ours with an open shadow root styled by `css` (an adopted sheet: page CSS cannot
 * reach inside, and a strict CSP does not block it). Its light DOM stays empty.
 * @param {Document} doc
 * @param {string} tag
 * @param {string} css
 */
function shadowHost(doc, tag, css) {
  const host = doc.createElement(tag);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = new (doc.defaultView ?? window).CSSStyleSheet();
  style.replaceSync(`:host { all: initial; }\n${css}`);
  shadow.adoptedStyleSheets = [style];
  return { host, shadow };
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
 * it and explains it.
 * @param {Document} doc
 * @param {import('./whosaid.js').Result} result
 * @param {string[]} palette
 * @param {(i: number) => void} reveal scrolls to quotation i and explains it
 * @param {(i: number) => void} explainOnly explains quotation i where it is
 */
function sidePanel(doc, result, palette, reveal, explainOnly) {
  const { host, shadow } = shadowHost(doc, 'whosaid-panel', `
    aside { position: fixed; top: 0; right: 0; bottom: 0; width: min(24rem, 40vw); overflow: auto;
      z-index: 2147483646; background: #fff; color: #1d1d1f; border-left: 1px solid #ccc;
      font: 14px/1.45 system-ui, sans-serif; padding: .75rem; box-sizing: border-box;
      box-shadow: -4px 0 14px rgba(0,0,0,.12); }
    h2 { font-size: 15px; margin: 0 0 .5rem; }
    h3 { font-size: 14px; margin: .8rem 0 .3rem; display: flex; gap: .4rem; align-items: center; }
    .swatch { width: .9rem; height: .9rem; border-radius: 3px; border: 1px solid #777; flex: none; }
    .titles { color: #555; font-weight: normal; }
    ul { list-style: none; margin: 0; padding: 0; }
    button { all: unset; display: block; cursor: pointer; padding: .25rem .35rem; border-radius: 4px;
      color: #1d1d1f; }
    button:hover, button:focus-visible { background: #eef3ff; outline: 2px solid #2458d6; }
  `);
  const aside = doc.createElement('aside');
  aside.setAttribute('aria-label', 'Who said what');
  const title = doc.createElement('h2');
  title.textContent = 'Who said what';
  aside.appendChild(title);
  /** @type {Map<number | null, number[]>} */
  const byActor = new Map();
  result.quotes.forEach((q, i) => {
    const list = byActor.get(q.actor) ?? [];
    list.push(i);
    byActor.set(q.actor, list);
  });
  for (const [actor, quotes] of byActor) {
    const a = actor === null ? null : result.actors[actor];
    const h = doc.createElement('h3');
    const sw = doc.createElement('span');
    sw.className = 'swatch';
    sw.style.background = a ? palette[colourOf(a.name, palette.length)] : '#e8e8e8';
    h.appendChild(sw);
    h.appendChild(doc.createTextNode(a ? a.name : 'Speaker not found'));
    if (a && a.titles.length > 0) {
      const t = doc.createElement('span');
      t.className = 'titles';
      t.textContent = `(${a.titles.join(', ')})`;
      h.appendChild(t);
    }
    aside.appendChild(h);
    const ul = doc.createElement('ul');
    for (const i of quotes) {
      const q = result.quotes[i];
      const li = doc.createElement('li');
      const b = doc.createElement('button');
      b.textContent = q.text.length > 140 ? `${q.text.slice(0, 137)}…` : q.text;
      b.addEventListener('click', () => reveal(i));
      b.addEventListener('focus', () => explainOnly(i));
      li.appendChild(b);
      ul.appendChild(li);
    }
    aside.appendChild(ul);
  }
  shadow.appendChild(aside);
  doc.body.appendChild(host);
  return { remove: () => host.remove() };
}
