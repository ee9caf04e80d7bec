// whosaid side panel: who said what in a tab, grouped by actor, from the result the tab's
// content script holds (asked for, never stored). Clicking an entry scrolls the page to the
// quotation. The tab is `?tab=<id>` when given, else the active tab of this window.
// The result comes from a script running in the page's process, so it is treated as untrusted
// input: its shape is checked, and its text goes into the panel as text nodes only.

const list = /** @type {HTMLElement} */ (document.getElementById('who-said-what'));
/** The status lines: one of them is shown, by the tab's state. */
const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const empty = byId('empty');
const noArticle = byId('no-article');
const read = byId('read');
const readWhat = byId('read-what');
const none = byId('none');
const whole = /** @type {HTMLButtonElement} */ (byId('whole'));

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
 * What was read, from a result of unknown shape: the article (its headline), the whole page.
 * @param {any} a
 * @returns {{scope: 'article' | 'page' | 'root', headline: string | null}}
 */
function checkedArticle(a) {
  const scope = a?.scope === 'page' || a?.scope === 'root' ? a.scope : 'article';
  const headline = typeof a?.headline?.text === 'string' ? a.headline.text : typeof a?.title === 'string' ? a.title : null;
  return { scope, headline };
}

/**
 * The fields the panel shows, from a result of unknown shape: null unless it has the lists
 * `quotes` and `actors`; a field of the wrong type becomes empty (or no actor).
 * @param {any} r
 * @returns {{quotes: Quote[], actors: Actor[], article: ReturnType<typeof checkedArticle>} | null}
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
  return { quotes, actors, article: checkedArticle(r.article) };
}

/**
 * Shows a tab's state and result: not highlighted yet; no article on the page (with the
 * whole-page choice); what was read (the article's headline, or the whole page) and who said
 * what in it, or that it has no quotations.
 * @param {number} tabId
 * @param {'idle' | 'no-article' | 'highlighted'} state
 * @param {ReturnType<typeof checked>} result
 */
function render(tabId, state, result) {
  list.replaceChildren();
  if (state === 'highlighted' && result === null) state = 'idle';
  empty.hidden = state !== 'idle';
  noArticle.hidden = state !== 'no-article';
  read.hidden = state !== 'highlighted';
  none.hidden = !(state === 'highlighted' && result !== null && result.quotes.length === 0);
  whole.hidden = !(state === 'no-article' || (state === 'highlighted' && result?.article.scope === 'article'));
  whole.textContent = state === 'no-article' ? 'Highlight the whole page' : 'Highlight the whole page instead';
  whole.onclick = () => {
    highlightWhole(tabId).catch(() => {});
  };
  if (state !== 'highlighted' || !result) return;
  readWhat.textContent = result.article.scope === 'page' ? 'the whole page' : result.article.headline ?? 'the article';
  none.textContent = result.article.scope === 'page' ? 'No quotations on this page.' : 'No quotations in this article.';
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

/** Asks the tab's content script for its state and result and shows them (not highlighted
 *  when it is not there). */
async function refresh(/** @type {number} */ tabId) {
  const n = ++asked;
  const answer = await chrome.tabs.sendMessage(tabId, { type: 'result' }).catch(() => null);
  const state = answer?.state === 'no-article' || answer?.state === 'highlighted' ? answer.state : 'idle';
  if (n === asked) render(tabId, state, checked(answer?.result));
}

/** Highlights the tab's whole page (with the user's settings), instead of its article. */
async function highlightWhole(/** @type {number} */ tabId) {
  const s = await chrome.storage.sync.get(['quotes', 'actors', 'palette']);
  await chrome.tabs.sendMessage(tabId, {
    type: 'toggle',
    options: { quotes: s.quotes !== false, actors: s.actors !== false, palette: s.palette === 'strong' ? 'strong' : 'soft', scope: 'page' },
  });
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
