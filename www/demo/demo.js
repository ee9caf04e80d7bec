// whosaid demo page: analyses the textarea and shows the quotes as a table and as marked text.
// All text goes into the DOM as text nodes (textContent), never as HTML.

/** @type {typeof import('../whosaid.js') | null} The loader, imported at start-up. */
let whosaid = null;

const form = /** @type {HTMLFormElement} */ (document.getElementById('form'));
const textarea = /** @type {HTMLTextAreaElement} */ (document.getElementById('text'));
const button = /** @type {HTMLButtonElement} */ (document.getElementById('analyse'));
const rejectedBox = /** @type {HTMLInputElement} */ (document.getElementById('rejected'));
const statusLine = /** @type {HTMLElement} */ (document.getElementById('status'));
const tbody = /** @type {HTMLTableSectionElement} */ (document.querySelector('#quotes tbody'));
const marked = /** @type {HTMLElement} */ (document.getElementById('marked'));
const rejectedSection = /** @type {HTMLElement} */ (document.getElementById('rejected-section'));
const rejectedList = /** @type {HTMLElement} */ (document.getElementById('rejected-list'));

/**
 * Creates an element with a class and text content.
 * @param {string} tag
 * @param {string} [className]
 * @param {string} [text]
 */
function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** @param {number} n @param {string} one @param {string} many */
function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Fills the quotes table.
 * @param {import('../whosaid.js').Result} result
 */
function renderTable(result) {
  tbody.replaceChildren();
  if (result.quotes.length === 0) {
    const row = el('tr');
    const cell = /** @type {HTMLTableCellElement} */ (el('td', 'empty', 'No quotes found.'));
    cell.colSpan = 5;
    row.append(cell);
    tbody.append(row);
    return;
  }
  result.quotes.forEach((q, i) => {
    const row = el('tr');
    const actor = q.actor === null ? null : result.actors[q.actor];
    const quoteCell = el('td', 'quote-text', q.text);
    if (q.kind !== 'direct') quoteCell.append(' ', el('span', 'tag', q.kind));
    // A quotation over several paragraphs comes as one part per paragraph.
    if (typeof q.group === 'number' && q.group !== i) {
      quoteCell.append(' ', el('span', 'tag', `continues ${q.group + 1}`));
    }
    row.append(
      el('th', 'num', String(i + 1)),
      quoteCell,
      el('td', q.speaker ? '' : 'none', q.speaker ? q.speaker.text : '—'),
      el('td', q.cue ? '' : 'none', q.cue ? q.cue.text : '—'),
      el('td', actor ? '' : 'none', actor ? `${actor.name} (${actor.kind})` : '—'),
    );
    row.firstElementChild?.setAttribute('scope', 'row');
    tbody.append(row);
  });
}

/**
 * Builds the marked view of `text` from slices: the text is cut at every span boundary and each
 * piece becomes a text node, wrapped in an element when a span covers it. The pieces put back
 * together are exactly `text`.
 * @param {string} text
 * @param {import('../whosaid.js').Result} result
 */
function renderMarked(text, result) {
  /** @type {{start: number, end: number, kind: string, n?: number}[]} */
  const spans = [];
  result.quotes.forEach((q, i) => {
    spans.push({ start: q.start, end: q.end, kind: 'quote', n: i + 1 });
    if (q.speaker) spans.push({ ...q.speaker, kind: 'speaker' });
    if (q.cue) spans.push({ ...q.cue, kind: 'cue' });
  });
  for (const r of result.rejected ?? []) spans.push({ ...r, kind: 'rejected' });

  const clamp = (/** @type {number} */ x) => Math.max(0, Math.min(text.length, x));
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(clamp(s.start));
    cuts.add(clamp(s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);

  const fragment = document.createDocumentFragment();
  /** @type {Set<number>} quote numbers already labelled */
  const labelled = new Set();
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && b <= s.end);
    if (covering.length === 0) {
      fragment.append(document.createTextNode(piece));
      continue;
    }
    const quote = covering.find((s) => s.kind === 'quote');
    const node = document.createElement(quote ? 'mark' : 'span');
    node.className = [...new Set(covering.map((s) => s.kind))].join(' ');
    if (quote && quote.n !== undefined && !labelled.has(quote.n)) {
      // The number is CSS generated content (::before), so it is not part of the text.
      node.dataset.n = String(quote.n);
      labelled.add(quote.n);
    }
    node.append(document.createTextNode(piece));
    fragment.append(node);
  }
  marked.replaceChildren(fragment);
  if (marked.textContent !== text) {
    console.error('whosaid demo: the marked view does not reproduce the text');
  }
}

/**
 * Lists the quoted phrases judged not to be speech, or hides the section.
 * @param {import('../whosaid.js').Result} result
 */
function renderRejected(result) {
  rejectedList.replaceChildren();
  rejectedSection.hidden = !result.rejected;
  for (const r of result.rejected ?? []) {
    const item = el('li');
    item.append(el('span', 'rejected', r.text), ` — ${r.reason}`);
    rejectedList.append(item);
  }
  if (result.rejected && result.rejected.length === 0) {
    rejectedList.append(el('li', 'none', 'None.'));
  }
}

/** Analyses the textarea and shows the result. */
async function run() {
  const text = textarea.value;
  button.disabled = true;
  statusLine.className = '';
  statusLine.textContent = 'Analysing…';
  try {
    const options = rejectedBox.checked ? { rejected: true } : undefined;
    const { result, ms } = await whosaid.analyzeWithTiming(text, options);
    renderTable(result);
    renderMarked(text, result);
    renderRejected(result);
    const time = ms < 0.1 ? 'under 0.1 ms' : `${ms.toFixed(1)} ms`;
    statusLine.textContent =
      `Analysed ${plural(text.length, 'character', 'characters')} in ${time}: ` +
      `${plural(result.quotes.length, 'quote', 'quotes')}, ${plural(result.actors.length, 'actor', 'actors')}.`;
  } catch (e) {
    statusLine.className = 'error';
    statusLine.textContent = `Analysis failed: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    button.disabled = false;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});

textarea.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    if (!button.disabled) run();
  }
});

/** Loads the loader and the wasm, then analyses the sample text. */
async function start() {
  try {
    // Imported here rather than statically so that a missing www/pkg shows as an error message.
    whosaid = await import('../whosaid.js');
    await whosaid.ready();
    document.getElementById('version').textContent = `whosaid ${whosaid.version()}`;
  } catch (e) {
    statusLine.className = 'error';
    statusLine.textContent =
      `Could not load the analyzer: ${e instanceof Error ? e.message : String(e)}. ` +
      'The page must be served over http (for example: python3 -m http.server -b 127.0.0.1 8000 -d www, ' +
      'then open http://127.0.0.1:8000/demo/) with www/pkg built.';
    return;
  }
  await run();
}

start();
