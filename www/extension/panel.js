// whosaid side panel: who said what in a tab, grouped by actor, from the result the tab's
// content script holds (asked for, never stored). Clicking an entry scrolls the page to the
// quotation. The tab is `?tab=<id>` when given, else the active tab of this window.
// The result comes from a script running in the page's process, so it is treated as untrusted
// input: its shape is checked, and its text goes into the panel as text nodes only.

const list = /** @type {HTMLElement} */ (document.getElementById('who-said-what'));
const empty = /** @type {HTMLElement} */ (document.getElementById('empty'));

/** The tab this panel describes. */
async function tabOf() {
  const given = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(given) && given > 0) return given;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** An element with text. */
function el(/** @type {string} */ tag, /** @type {string} */ text = '', /** @type {string} */ cls = '') {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/**
 * @typedef {{text: string, kind: string, actor: number | null, group: number}} Quote
 * @typedef {{name: string, kind: string, titles: string[]}} Actor
 */

/**
 * The fields the panel shows, from a result of unknown shape: null unless it has the lists
 * `quotes` and `actors`; a field of the wrong type becomes empty (or no actor).
 * @param {any} r
 * @returns {{quotes: Quote[], actors: Actor[]} | null}
 */
function checked(r) {
  if (typeof r !== 'object' || r === null || !Array.isArray(r.quotes) || !Array.isArray(r.actors)) return null;
  const str = (/** @type {unknown} */ s) => (typeof s === 'string' ? s : '');
  const actors = r.actors.map((/** @type {any} */ a) => ({
    name: str(a?.name),
    kind: str(a?.kind),
    titles: Array.isArray(a?.titles) ? a.titles.filter((/** @type {unknown} */ t) => typeof t === 'string') : [],
  }));
  const quotes = r.quotes.map((/** @type {any} */ q, /** @type {number} */ i) => ({
    text: str(q?.text),
    kind: str(q?.kind),
    actor: Number.isInteger(q?.actor) && q.actor >= 0 && q.actor < actors.length ? q.actor : null,
    group: Number.isInteger(q?.group) ? q.group : i,
  }));
  return { quotes, actors };
}

/** Shows a tab's result. */
function render(/** @type {number} */ tabId, /** @type {{quotes: Quote[], actors: Actor[]} | null} */ result) {
  list.replaceChildren();
  empty.hidden = result !== null && result.quotes.length > 0;
  if (!result) return;
  /** @type {Map<number | null, number[]>} */
  const byActor = new Map();
  result.quotes.forEach((q, i) => {
    // one entry per quotation: the later parts of a quotation over paragraphs go with the first
    if (q.group !== i) return;
    const l = byActor.get(q.actor) ?? [];
    l.push(i);
    byActor.set(q.actor, l);
  });
  for (const [actor, quotes] of byActor) {
    const a = actor === null ? null : result.actors[actor];
    const h = el('h2', a ? a.name : 'Speaker not found');
    if (a && a.titles.length > 0) h.append(el('span', `(${a.titles.join(', ')})`, 'meta'));
    if (a) h.append(el('span', a.kind, 'meta'));
    list.append(h);
    const ul = el('ul');
    for (const i of quotes) {
      const q = result.quotes[i];
      const b = /** @type {HTMLButtonElement} */ (el('button', q.text.length > 160 ? `${q.text.slice(0, 157)}…` : q.text, 'quote'));
      if (q.kind !== 'direct') b.classList.add('reported');
      b.type = 'button';
      b.addEventListener('click', () => {
        chrome.tabs.sendMessage(tabId, { type: 'reveal', index: i }).catch(() => {});
      });
      const li = el('li');
      li.append(b);
      ul.append(li);
    }
    list.append(ul);
  }
}

/** The number of the latest refresh: an older one's answer, arriving late, is dropped. */
let asked = 0;

/** Asks the tab's content script for its result and shows it (nothing when it is not there). */
async function refresh(/** @type {number} */ tabId) {
  const n = ++asked;
  const answer = await chrome.tabs.sendMessage(tabId, { type: 'result' }).catch(() => null);
  if (n === asked) render(tabId, checked(answer?.result));
}

const tabId = await tabOf();
if (tabId !== null) {
  await refresh(tabId);
  // The tab's content script says when its result changes (highlighted, cleared).
  chrome.runtime.onMessage.addListener((msg, sender) => {
    if (sender.id === chrome.runtime.id && sender.tab?.id === tabId && msg?.type === 'changed') refresh(tabId);
    return false; // never answers: the background does
  });
  // A page loading in the tab replaces the content script (and its result).
  chrome.tabs.onUpdated.addListener((id, info) => {
    if (id === tabId && info.status !== undefined) refresh(tabId);
  });
}
