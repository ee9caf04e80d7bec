// The content script's own part (appended by scripts/build-extension.mjs to a copy of
// highlight.js turned into a classic script): it highlights the page when the background asks,
// with the background's analyzer (the text goes to the extension's service worker, which
// answers with the analysis), and clears on the next request. It reads the page's text, and
// changes nothing of it. It keeps the page's result for the side panel, which asks for it
// (the result is never stored), and tells the extension when it changes.
//
// Messages are accepted only from this extension (its worker and pages: a page cannot send to
// a content script) and only in the shapes below; anything else is answered with `{error}`.

if (!globalThis.__whosaid) {
  /** @type {{clear(): void, reveal(i: number): boolean, quotes: unknown[], actors: unknown[], article: {scope: string}} | null} */
  let current = null;
  /** Why the last try found no article on this page (null when it found one, or none was made). */
  let noArticle = /** @type {string | null} */ (null);

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

  /** Tells the extension (the side panel, if open) that this tab's result changed. */
  const changed = () => {
    chrome.runtime.sendMessage({ type: 'changed' }).catch(() => {});
  };

  /**
   * Highlights the page with the given settings: its article, or the whole page (`scope:
   * 'page'`). Resolves to 'highlighted', or to 'no-article' on a page with no article (a home
   * page, a list), which the side panel offers to highlight whole.
   */
  const start = async (/** @type {{quotes?: boolean, actors?: boolean, palette?: string, scope?: string}} */ o) => {
    try {
      current = await highlight({
        analyze: analyzeInWorker,
        quotes: o.quotes !== false,
        actors: o.actors !== false,
        colours: PALETTES[o.palette === 'strong' ? 'strong' : 'soft'],
        scope: o.scope === 'page' ? 'page' : 'article',
      });
      noArticle = null;
    } catch (e) {
      if (/** @type {Error} */ (e)?.name !== 'NoArticleError') throw e;
      noArticle = String(/** @type {Error} */ (e).message).replace(/^whosaid: /, '').replace(/;.*$/, '');
      changed();
      return 'no-article';
    }
    changed();
    return 'highlighted';
  };

  globalThis.__whosaid = {
    /** Automatic highlighting on a chosen site (auto.js). */
    async auto() {
      if (current) return;
      await start(await chrome.storage.sync.get(['quotes', 'actors', 'palette']));
    },
  };

  /** Whether `o` is the toggle's options: an object of known keys, each of its type. */
  const isOptions = (/** @type {unknown} */ o) =>
    typeof o === 'object' && o !== null && !Array.isArray(o) &&
    Object.entries(o).every(([k, v]) =>
      ((k === 'quotes' || k === 'actors') && typeof v === 'boolean') || (k === 'palette' && (v === 'soft' || v === 'strong')) ||
      (k === 'scope' && (v === 'article' || v === 'page')));

  /** Why a message is refused, or null when it is one of the known shapes. */
  const refusal = (/** @type {any} */ msg, /** @type {chrome.runtime.MessageSender} */ sender) => {
    if (sender.id !== chrome.runtime.id) return 'messages are accepted only from this extension';
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) return 'a message must be an object';
    const keys = Object.keys(msg).sort().join();
    if (msg.type === 'toggle') return keys === 'options,type' && isOptions(msg.options) ? null : 'a "toggle" message is {type, options: {quotes, actors, palette, scope?}}';
    if (msg.type === 'reveal') return keys === 'index,type' && Number.isInteger(msg.index) && msg.index >= 0 ? null : 'a "reveal" message is {type, index: a quotation\'s index}';
    if (msg.type === 'result') return keys === 'type' ? null : 'a "result" message is {type}';
    return `unknown message type ${typeof msg.type === 'string' ? JSON.stringify(msg.type.slice(0, 40)) : `(${typeof msg.type})`}`;
  };

  chrome.runtime.onMessage.addListener((msg, sender, reply) => {
    const refused = refusal(msg, sender);
    if (refused !== null) {
      reply({ error: `whosaid: ${refused}` });
      return false;
    }
    if (msg.type === 'result') {
      reply({
        result: current ? { quotes: current.quotes, actors: current.actors, article: current.article } : null,
        state: current ? 'highlighted' : noArticle !== null ? 'no-article' : 'idle',
        why: noArticle,
      });
      return false;
    }
    if (msg.type === 'reveal') {
      reply(current ? current.reveal(msg.index) : false);
      return false;
    }
    // toggle: clears what is highlighted; a toggle naming another scope than the highlighted
    // one (the panel's "whole page" choice) highlights that instead
    const wanted = msg.options.scope;
    if (current && (wanted === undefined || wanted === current.article.scope)) {
      current.clear();
      current = null;
      changed();
      reply({ state: 'cleared' });
      return false;
    }
    if (current) {
      current.clear();
      current = null;
    }
    start(msg.options).then(
      (state) => reply({ state }),
      (e) => reply({ error: String(e?.message ?? e) }),
    );
    return true;
  });
}
