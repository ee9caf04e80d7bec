// whosaid extension, background service worker. It owns the analyzer: the wasm runs here, where
// the extension's own CSP allows it ('wasm-unsafe-eval'), so that pages whose CSP forbids wasm
// or inline script are highlighted all the same. It injects the content script into the current
// tab when the toolbar action (or its shortcut) is used, answers the content script's requests
// for analysis, keeps each tab's result for the side panel, and registers the content script
// on the sites the user chose for automatic highlighting.
//
// Messages are accepted only from this extension's own scripts, and checked for type and shape.
// Nothing here, or anywhere in the extension, makes a network request: the text never leaves the
// machine.

import { analyze, ready } from './whosaid.js';

/** The longest text analysed, in UTF-16 code units (a 10 MB page). */
const MAX_TEXT = 10_000_000;
/** The content script registered for the automatic sites. */
const AUTO_ID = 'whosaid-auto';
/** Default settings; the options page changes them (storage.sync). */
const DEFAULTS = { quotes: true, actors: true, palette: 'soft', sites: [] };

const wasm = ready(chrome.runtime.getURL('pkg/whosaid_bg.wasm'));

/** The settings, with defaults for what was never set. */
async function settings() {
  return { ...DEFAULTS, ...(await chrome.storage.sync.get(Object.keys(DEFAULTS))) };
}

/** Where a tab's result is kept for the side panel. */
const keyOf = (/** @type {number} */ tabId) => `tab:${tabId}`;

/**
 * Highlights the tab, or clears it when it is highlighted: the toolbar action and its
 * shortcut. Resolves to what the tab now is.
 * @param {number} tabId
 * @returns {Promise<'highlighted' | 'cleared'>}
 */
async function toggle(tabId) {
  await chrome.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  const s = await settings();
  const answer = await chrome.tabs.sendMessage(tabId, {
    type: 'toggle',
    options: { quotes: s.quotes, actors: s.actors, palette: s.palette },
  });
  if (!answer || typeof answer.state !== 'string') throw new Error(answer?.error ?? 'the page did not answer');
  if (answer.state === 'highlighted') {
    await chrome.storage.session.set({ [keyOf(tabId)]: { quotes: answer.quotes, actors: answer.actors } });
  } else {
    await chrome.storage.session.remove(keyOf(tabId));
  }
  return answer.state;
}

/** A tab's result, as the side panel shows it (null when nothing is highlighted). */
async function state(/** @type {number} */ tabId) {
  return (await chrome.storage.session.get(keyOf(tabId)))[keyOf(tabId)] ?? null;
}

// For the tests, which cannot click the toolbar: the same functions the action calls.
globalThis.whosaid = { toggle, state };

chrome.action.onClicked.addListener((tab) => {
  if (tab.id === undefined) return;
  // (the side panel can only be opened right in the click's handler)
  chrome.sidePanel?.open({ tabId: tab.id }).catch(() => {});
  toggle(tab.id).catch((e) => console.warn('whosaid:', e));
});

chrome.tabs.onRemoved.addListener((tabId) => {
  chrome.storage.session.remove(keyOf(tabId));
});

/** Whether a message comes from this extension's own scripts. */
function ours(/** @type {chrome.runtime.MessageSender} */ sender) {
  return sender.id === chrome.runtime.id;
}

chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  if (!ours(sender) || typeof msg !== 'object' || msg === null) return false;
  if (msg.type === 'analyze') {
    if (typeof msg.text !== 'string' || msg.text.length > MAX_TEXT) {
      reply({ error: 'whosaid: the text must be a string of at most 10,000,000 characters' });
      return false;
    }
    wasm
      .then(() => analyze(msg.text))
      .then((result) => reply({ result }), (e) => reply({ error: String(e?.message ?? e) }));
    return true; // the reply comes later
  }
  if (msg.type === 'highlighted' && sender.tab?.id !== undefined) {
    // the automatic highlighting of a chosen site reports its result for the side panel
    if (Array.isArray(msg.quotes) && Array.isArray(msg.actors)) {
      chrome.storage.session.set({ [keyOf(sender.tab.id)]: { quotes: msg.quotes, actors: msg.actors } });
    }
    return false;
  }
  if (msg.type === 'reveal' && Number.isInteger(msg.tabId) && Number.isInteger(msg.index)) {
    // from the side panel: scroll the tab to a quotation
    chrome.tabs.sendMessage(msg.tabId, { type: 'reveal', index: msg.index }).then(reply, () => reply(false));
    return true;
  }
  return false;
});

/** Registers the content script on the automatic sites the user granted. */
async function registerAuto() {
  const { sites } = await settings();
  const granted = [];
  for (const pattern of Array.isArray(sites) ? sites : []) {
    if (typeof pattern === 'string' && (await chrome.permissions.contains({ origins: [pattern] }))) {
      granted.push(pattern);
    }
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
