// Functions that the browser tests run inside the page (page.evaluate serialises them, so each
// is self-contained). They call highlight() and clear() and report, as plain data, what the
// page looks like: the marks' texts and where they are, the DOM and the registered highlights.

/**
 * Imports /highlight.js, records the page, highlights (the handle stays in `window.__h`) and
 * reports the result and the page while highlighted, as JSON.
 * @param {{root?: string, options?: object, forbidden?: string, analyzeWith?: string}} arg
 *   root: a selector for highlight()'s root (none: its own choice); forbidden: a selector of
 *   elements that no mark may touch; analyzeWith: the name of a function of the page's `window`
 *   to pass as the `analyze` option (functions cannot be sent to the page as data).
 */
export async function highlightInPage({ root, options, forbidden, analyzeWith }) {
  window.__violations ??= [];
  if (!window.__listening) {
    window.__listening = true;
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.effectiveDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  }
  const { highlight } = await import('/highlight.js');
  const before = { bodyText: document.body.textContent, html: document.documentElement.outerHTML };
  if (analyzeWith) options = { ...options, analyze: window[analyzeWith] };
  const t0 = performance.now();
  const h = await highlight(root === undefined ? undefined : document.querySelector(root), options);
  const ms = performance.now() - t0;
  window.__h = h;

  /** whosaid's elements: <whosaid-mark> etc., or the same name with a suffix (whosaid-mark-2) when
   *  the page has defined the name as a custom element of its own. */
  const ours = (name) => [...document.querySelectorAll('*')].filter((el) => el.localName === name || el.localName.startsWith(`${name}-`));
  const inWrapper = (n) => {
    for (let el = n.parentElement; el; el = el.parentElement) if (el.localName.startsWith('whosaid-mark')) return true;
    return false;
  };
  /** The text nodes that a range covers at least in part. */
  function textNodesIn(range) {
    const top = range.commonAncestorContainer;
    if (top.nodeType === Node.TEXT_NODE) return range.startOffset < range.endOffset ? [top] : [];
    const out = [];
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!range.intersectsNode(n)) continue;
      const start = n === range.startContainer ? range.startOffset : 0;
      const end = n === range.endContainer ? range.endOffset : n.length;
      if (start < end) out.push(n);
    }
    return out;
  }
  /** The names of the elements inside a range that hold some of its text (e.g. a link inside a quote). */
  function elementsIn(range, nodes) {
    const names = new Set();
    for (const n of nodes) {
      for (let el = n.parentElement; el && el !== range.commonAncestorContainer; el = el.parentElement) names.add(el.localName);
    }
    return [...names];
  }
  const paragraphs = new Map([...document.querySelectorAll('p')].map((p, i) => [p, i]));
  const forbiddenElements = forbidden ? [...document.querySelectorAll(forbidden)] : [];
  const registered = [...CSS.highlights].filter(([name]) => name.startsWith('whosaid-')).map(([, hl]) => hl);
  const marks = h.marks.map(({ kind, index, range }) => {
    const nodes = textNodesIn(range);
    const first = nodes[0]?.parentElement;
    return {
      kind,
      index,
      text: range.toString(),
      isRange: range instanceof Range,
      paragraph: paragraphs.get(first?.closest('p')) ?? -1,
      elements: elementsIn(range, nodes),
      registered: registered.some((hl) => hl.has(range)),
      unwrapped: nodes.filter((n) => !inWrapper(n)).map((n) => n.data),
      touches: forbiddenElements.filter((el) => range.intersectsNode(el)).map((el) => el.outerHTML.slice(0, 80)),
    };
  });
  const lightChildren = (elements) => elements.reduce((n, el) => n + el.childNodes.length, 0);
  // The panel's size on screen: its host's box, or the largest box inside an open shadow root
  // (a host may stay 0×0 around fixed-position content).
  const [panel] = ours('whosaid-panel');
  const panelRect = panel && [panel, ...(panel.shadowRoot?.querySelectorAll('*') ?? [])]
    .map((el) => el.getBoundingClientRect())
    .reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  // As a JSON string: much faster than Playwright's serialisation for thousands of marks.
  return JSON.stringify({
    before,
    ms,
    mode: h.mode,
    text: h.text,
    quotes: h.quotes,
    actors: h.actors,
    marks,
    hasClear: typeof h.clear === 'function',
    during: {
      bodyText: document.body.textContent,
      highlightNames: [...CSS.highlights.keys()].filter((k) => k.startsWith('whosaid-')),
      wrappers: ours('whosaid-mark').length,
      overlays: ours('whosaid-overlay').length,
      panels: ours('whosaid-panel').length,
      overlayPanelLightChildren: lightChildren([...ours('whosaid-overlay'), ...ours('whosaid-panel')]),
      panelSize: panelRect ? [panelRect.width, panelRect.height] : null,
      violations: [...window.__violations],
    },
  });
}

/** Calls clear() on `window.__h` and reports the page afterwards. */
export function clearInPage() {
  window.__h.clear();
  window.__h = undefined;
  return {
    bodyText: document.body.textContent,
    html: document.documentElement.outerHTML,
    // whosaid-mark, whosaid-overlay, whosaid-panel, or those names with a suffix (see ours())
    leftovers: [...document.querySelectorAll('*')].filter((el) => /^whosaid-(mark|overlay|panel)(-|$)/.test(el.localName)).length,
    highlightNames: [...CSS.highlights.keys()].filter((k) => k.startsWith('whosaid-')),
    violations: [...window.__violations],
  };
}
