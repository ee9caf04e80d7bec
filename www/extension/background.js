// whosaid extension, background service worker. It owns the analyzer: the wasm runs here, where
// the extension's own CSP allows it ('wasm-unsafe-eval'), so that pages whose CSP forbids wasm
// or inline script are highlighted all the same. It injects the content script into the current
// tab when the toolbar action (or its shortcut) is used, answers the content script's requests
// for analysis, and registers the content script on the sites the user chose for automatic
// highlighting.
//
// Trust (see SECURITY.md): the content script runs inside the page's process, so what it sends
// is checked here as untrusted input: the sender must be this extension's content script, the
// message one of the two known shapes, the text a string within MAX_TEXT. Anything else gets a
// clear `{error}` answer, never an exception. Nothing from other extensions or web pages reaches
// this worker (the manifest has no `externally_connectable` and no `onMessageExternal` listener
// is registered). Nothing here, or anywhere in the extension, makes a network request: the text
// never leaves the machine, and the extension's CSP (connect-src) would block it if it tried.
// The page's text is never stored: a tab's result lives in its content script, which the side
// panel asks; storage holds the settings only.

import { analyze, ready } from './whosaid.js';

/**
 * The longest text analysed, in UTF-16 code units. A long news article is under 100,000; this
 * is about a 1,000-page book, analysed in about 1.5 s. (10,000,000 took 7 s and its answer was
 * 66 MB, over the browser's 64 MiB limit on a message.)
 */
const MAX_TEXT = 2_000_000;
/** The content script registered for the automatic sites. */
const AUTO_ID = 'whosaid-auto';
/** Default settings; the options page changes them (storage.sync). */
const DEFAULTS = { quotes: true, actors: true, palette: 'soft', sites: [] };

const wasm = ready(chrome.runtime.getURL('pkg/whosaid_bg.wasm'));

/**
 * The settings, with defaults for what was never set or has the wrong type (storage.sync is
 * shared by the user's browsers, perhaps with another version of the extension).
 */
async function settings() {
  const s = await chrome.storage.sync.get(Object.keys(DEFAULTS));
  return {
    quotes: s.quotes !== false,
    actors: s.actors !== false,
    palette: s.palette === 'strong' ? 'strong' : 'soft',
    sites: Array.isArray(s.sites) ? s.sites.filter((p) => typeof p === 'string') : [],
  };
}

/**
 * Highlights the tab's article, or clears it when it is highlighted: the toolbar action and its
 * shortcut. With `scope` 'page', highlights the whole page (the side panel's choice on a page
 * with no article, or instead of the article). Resolves to what the tab now is: 'no-article'
 * on a page with no article (the side panel says so and offers the whole page).
 * @param {number} tabId
 * @param {'article' | 'page'} [scope]
 * @returns {Promise<'highlighted' | 'cleared' | 'no-article'>}
 */
async function toggle(tabId, scope) {
  await chrome.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  const s = await settings();
  const answer = await chrome.tabs.sendMessage(tabId, {
    type: 'toggle',
    options: { quotes: s.quotes, actors: s.actors, palette: s.palette, ...(scope ? { scope } : {}) },
  });
  if (answer?.state !== 'highlighted' && answer?.state !== 'cleared' && answer?.state !== 'no-article') {
    throw new Error(typeof answer?.error === 'string' ? answer.error : 'whosaid: the page did not answer');
  }
  return answer.state;
}

/**
 * A tab's result, as its content script holds it (null when nothing is highlighted or the
 * content script is not there). The side panel asks the content script the same way.
 */
async function state(/** @type {number} */ tabId) {
  const answer = await chrome.tabs.sendMessage(tabId, { type: 'result' }).catch(() => null);
  return answer?.result ?? null;
}

// For the tests, which cannot click the toolbar: the same functions the action calls, and the
// text limit.
globalThis.whosaid = { toggle, state, maxText: MAX_TEXT };

chrome.action.onClicked.addListener((tab) => {
  if (tab.id === undefined) return;
  // (the side panel can only be opened right in the click's handler)
  chrome.sidePanel?.open({ tabId: tab.id }).catch(() => {});
  toggle(tab.id).catch((e) => console.warn('whosaid:', e));
});

/** The origin of this extension's own pages (chrome-extension://id/ or moz-extension://uuid/). */
const OWN_PAGES = chrome.runtime.getURL('');

/**
 * Whether `sender` is this extension's content script: this extension (the browser sets
 * `sender.id`; a page cannot), in the top frame of a tab (where the content script is
 * injected), and not one of the extension's own pages (which may also be shown in a tab).
 * @param {chrome.runtime.MessageSender} sender
 */
function fromContentScript(sender) {
  return (
    sender.id === chrome.runtime.id &&
    Number.isInteger(sender.tab?.id) &&
    sender.frameId === 0 &&
    typeof sender.url === 'string' &&
    !sender.url.startsWith(OWN_PAGES)
  );
}

/** The messages this worker accepts, by type: their keys, exactly. */
const SHAPES = {
  /** Analyse `text`; answered with `{result}` (the analysis) or `{error}`. */
  analyze: ['text', 'type'],
  /** The tab's highlighting changed: for the side panel, which listens too; answered `{ok}`. */
  changed: ['type'],
};

/**
 * Why the message is refused, or null when it is accepted.
 * @param {unknown} msg
 * @param {chrome.runtime.MessageSender} sender
 * @returns {string | null}
 */
function refusal(msg, sender) {
  if (sender.id !== chrome.runtime.id) return 'messages are accepted only from this extension';
  if (!fromContentScript(sender)) return "messages are accepted only from whosaid's content script in a tab";
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) return `a message must be an object, not ${msg === null ? 'null' : Array.isArray(msg) ? 'an array' : typeof msg}`;
  const m = /** @type {Record<string, unknown>} */ (msg);
  if (typeof m.type !== 'string' || !Object.hasOwn(SHAPES, m.type)) {
    return `unknown message type ${typeof m.type === 'string' ? JSON.stringify(m.type.slice(0, 40)) : `(${typeof m.type})`}`;
  }
  const keys = Object.keys(m).sort();
  if (keys.join() !== SHAPES[/** @type {keyof typeof SHAPES} */ (m.type)].join()) {
    return `the "${m.type}" message has exactly the keys ${SHAPES[/** @type {keyof typeof SHAPES} */ (m.type)].join(', ')} (got ${keys.slice(0, 10).join(', ')})`;
  }
  if (m.type === 'analyze') {
    if (typeof m.text !== 'string') return `the text to analyse must be a string, not ${m.text === null ? 'null' : typeof m.text}`;
    if (m.text.length > MAX_TEXT) return `the text is too long to analyse: ${m.text.length} characters, at most ${MAX_TEXT}`;
  }
  return null;
}

/** Sends an answer; one that cannot be sent (the sender went away, too large) is only logged. */
function answer(/** @type {(value: unknown) => void} */ reply, /** @type {unknown} */ value) {
  try {
    reply(value);
  } catch (e) {
    console.warn('whosaid: an answer could not be sent:', e);
  }
}

chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  const refused = refusal(msg, sender);
  if (refused !== null) {
    answer(reply, { error: `whosaid: ${refused}` });
    return false;
  }
  if (msg.type === 'changed') {
    answer(reply, { ok: true });
    return false;
  }
  // analyze
  wasm
    .then(() => analyze(msg.text))
    .then(
      (result) => answer(reply, { result }),
      (e) => answer(reply, { error: `whosaid: the analysis failed: ${e?.message ?? e}` }),
    );
  return true; // the answer comes later
});

/** Registers the content script on the automatic sites the user granted. */
async function registerAuto() {
  const { sites } = await settings();
  const granted = [];
  for (const pattern of sites) {
    // (a malformed pattern makes contains() throw: skip it, keep the others)
    if (await chrome.permissions.contains({ origins: [pattern] }).catch(() => false)) granted.push(pattern);
  }
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [AUTO_ID] });
  if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [AUTO_ID] });
  if (granted.length > 0) {
    await chrome.scripting.registerContentScripts([
      { id: AUTO_ID, matches: granted, js: ['content.js', 'auto.js'], runAt: 'document_idle' },
    ]);
  }
}

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && 'sites' in changes) registerAuto().catch((e) => console.warn('whosaid:', e));
});
chrome.permissions.onAdded.addListener(() => registerAuto().catch(() => {}));
chrome.permissions.onRemoved.addListener(() => registerAuto().catch(() => {}));
chrome.runtime.onInstalled.addListener(() => registerAuto().catch(() => {}));
