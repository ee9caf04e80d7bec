// whosaid side panel: who said what in a tab, grouped by actor, from the result the background
// keeps for that tab (storage.session). Clicking an entry scrolls the page to the quotation.
// The tab is `?tab=<id>` when given, else the active tab of this window. Text goes into the
// panel as text nodes only.

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

/** Shows a tab's result. */
function render(/** @type {number} */ tabId, /** @type {{quotes: any[], actors: any[]} | null} */ result) {
  list.replaceChildren();
  empty.hidden = result !== null && result.quotes.length > 0;
  if (!result) return;
  /** @type {Map<number | null, number[]>} */
  const byActor = new Map();
  result.quotes.forEach((q, i) => {
    // one entry per quotation: the later parts of a quotation over paragraphs go with the first
    if (typeof q.group === 'number' && q.group !== i) return;
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
      b.addEventListener('click', () => chrome.runtime.sendMessage({ type: 'reveal', tabId, index: i }));
      const li = el('li');
      li.append(b);
      ul.append(li);
    }
    list.append(ul);
  }
}

const tabId = await tabOf();
if (tabId !== null) {
  const key = `tab:${tabId}`;
  render(tabId, (await chrome.storage.session.get(key))[key] ?? null);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && key in changes) render(tabId, changes[key].newValue ?? null);
  });
}
