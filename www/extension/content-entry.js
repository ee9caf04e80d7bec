// The content script's own part (appended by scripts/build-extension.mjs to a copy of
// highlight.js turned into a classic script): it highlights the page when the background asks,
// with the background's analyzer (the text goes to the extension's service worker, which
// answers with the analysis), and clears on the next request. It reads the page's text, and
// changes nothing of it. Messages are accepted only from this extension.

if (!globalThis.__whosaid) {
  /** @type {{clear(): void, reveal(i: number): boolean, quotes: unknown[], actors: unknown[]} | null} */
  let current = null;

  /** Palettes the options page offers (see options.js). */
  const PALETTES = {
    soft: PALETTE,
    strong: ['#ffd23f', '#7cc6fe', '#8fe388', '#ff8fab', '#c3a6ff', '#ffb86b', '#5fe0d2', '#e9e36b', '#a9c6e8', '#f2a48f'],
  };

  /** Asks the background worker to analyse `text`. */
  const analyzeInWorker = async (/** @type {string} */ text) => {
    const answer = await chrome.runtime.sendMessage({ type: 'analyze', text });
    if (!answer || answer.error || !answer.result) throw new Error(answer?.error ?? 'whosaid: no answer from the extension');
    return answer.result;
  };

  /** Highlights the page with the given settings. */
  const start = async (/** @type {{quotes?: boolean, actors?: boolean, palette?: string}} */ o) => {
    current = await highlight(undefined, {
      analyze: analyzeInWorker,
      quotes: o.quotes !== false,
      actors: o.actors !== false,
      colours: PALETTES[o.palette === 'strong' ? 'strong' : 'soft'],
    });
    return current;
  };

  globalThis.__whosaid = {
    /** Automatic highlighting on a chosen site (auto.js). */
    async auto() {
      if (current) return;
      const o = await chrome.storage.sync.get(['quotes', 'actors', 'palette']);
      const h = await start(o);
      chrome.runtime.sendMessage({ type: 'highlighted', quotes: h.quotes, actors: h.actors });
    },
  };

  chrome.runtime.onMessage.addListener((msg, sender, reply) => {
    if (sender.id !== chrome.runtime.id || typeof msg !== 'object' || msg === null) return false;
    if (msg.type === 'toggle') {
      if (current) {
        current.clear();
        current = null;
        reply({ state: 'cleared' });
        return false;
      }
      const o = typeof msg.options === 'object' && msg.options !== null ? msg.options : {};
      start(o).then(
        (h) => reply({ state: 'highlighted', quotes: h.quotes, actors: h.actors }),
        (e) => reply({ error: String(e?.message ?? e) }),
      );
      return true;
    }
    if (msg.type === 'reveal' && Number.isInteger(msg.index)) {
      reply(current ? current.reveal(msg.index) : false);
      return false;
    }
    return false;
  });
}
