// Assertions shared by the browser tests, on the reports of in-page.mjs: the marks match the
// analysis, the page's text never changes, clear() leaves the page as it was.

import assert from 'node:assert/strict';

/**
 * Checks one highlight() run while the page is highlighted.
 * @param {any} run the parsed report of in-page.mjs's highlightInPage()
 * @param {{mode: 'highlight-api' | 'wrap', options?: object, label: string}} expect
 */
export function checkHighlighted(run, { mode, options = {}, label }) {
  const at = (what) => `${label}: ${what}`;
  assert.equal(run.mode, mode, at('mode'));
  assert.ok(run.hasClear, at('the result has clear()'));
  assert.equal(typeof run.text, 'string', at('text is a string'));
  checkMarks(run, { mode, label });

  // What is marked: every quotation (with quotes), every mention of every actor (with actors).
  const kinds = (kind) => run.marks.filter((m) => m.kind === kind);
  if (options.quotes === false) {
    assert.equal(kinds('quote').length, 0, at('quotes: false marks no quotation'));
  } else {
    const marked = new Set(kinds('quote').map((m) => m.index));
    const missing = run.quotes.map((q, i) => i).filter((i) => !marked.has(i));
    assert.deepEqual(missing, [], at('every quotation has a quote mark'));
  }
  if (options.actors === false) {
    assert.equal(kinds('mention').length, 0, at('actors: false marks no mention'));
  } else {
    const counts = (texts) => texts.reduce((c, x) => ({ ...c, [x]: (c[x] ?? 0) + 1 }), {});
    const byActor = run.actors.map(() => []);
    for (const m of kinds('mention')) byActor[m.index]?.push(m.text);
    for (const [i, a] of run.actors.entries()) {
      assert.deepEqual(counts(byActor[i]), counts(a.mentions.map((x) => x.text)),
        at(`every mention of actors[${i}] (${a.name}) is marked once (mention text: count)`));
    }
  }

  const d = run.during;
  assert.equal(d.bodyText, run.before.bodyText, at('document.body.textContent unchanged while highlighted'));
  if (run.marks.length > 0) {
    if (mode === 'highlight-api') {
      assert.ok(d.highlightNames.length > 0, at('CSS.highlights has whosaid- entries'));
      assert.equal(d.wrappers, 0, at('no <whosaid-mark> in highlight-api mode'));
    } else {
      assert.ok(d.wrappers > 0, at('<whosaid-mark> elements exist'));
    }
  }
  assert.ok(d.overlays <= 1, at('at most one <whosaid-overlay>'));
  assert.equal(d.panels, options.panel ? 1 : 0, at('one <whosaid-panel> with panel: true, none without'));
  if (options.panel) {
    assert.ok(d.panelSize[0] > 0 && d.panelSize[1] > 0, at(`the panel is shown (size ${d.panelSize})`));
  }
  assert.equal(d.overlayPanelLightChildren, 0, at('overlay and panel have no light DOM'));
  assert.deepEqual(d.violations, [], at('no Content-Security-Policy violation'));
}

/**
 * Checks each mark of a highlight() run: its range's text is that of its quotation, speaker or
 * actor mention, it touches no forbidden element, and it is drawn (registered or wrapped). Every
 * quotation's text is text.slice(start, end). (Part of checkHighlighted; alone, for pages whose
 * text changes, where not every quotation can be marked.)
 * @param {any} run the parsed report of in-page.mjs's highlightInPage()
 * @param {{mode: 'highlight-api' | 'wrap', label: string}} expect
 */
export function checkMarks(run, { mode, label }) {
  const at = (what) => `${label}: ${what}`;
  for (const [i, q] of run.quotes.entries()) {
    assert.equal(run.text.slice(q.start, q.end), q.text, at(`quotes[${i}] is text.slice(start, end)`));
  }

  for (const m of run.marks) {
    const where = at(`${m.kind} mark of ${m.kind === 'mention' ? 'actors' : 'quotes'}[${m.index}]`);
    assert.ok(m.isRange, `${where}: range is a Range`);
    if (m.kind === 'quote') {
      assert.ok(run.quotes[m.index], `${where}: index in range`);
      assert.equal(m.text, run.quotes[m.index].text, `${where}: range.toString() === quotes[index].text`);
    } else if (m.kind === 'speaker') {
      assert.ok(run.quotes[m.index]?.speaker, `${where}: that quote has a speaker`);
      assert.equal(m.text, run.quotes[m.index].speaker.text, `${where}: range.toString() === the speaker's text`);
    } else {
      assert.equal(m.kind, 'mention', `${where}: kind is quote, speaker or mention`);
      const mentions = run.actors[m.index]?.mentions.map((x) => x.text) ?? [];
      assert.ok(mentions.includes(m.text), `${where}: "${m.text}" is one of the actor's mentions ${JSON.stringify(mentions)}`);
    }
    assert.deepEqual(m.touches, [], `${where}: touches no hidden, script or outside element`);
    if (mode === 'highlight-api') {
      assert.ok(m.registered, `${where}: its Range is in a whosaid- highlight of CSS.highlights`);
    } else {
      assert.deepEqual(m.unwrapped, [], `${where}: all its text is inside <whosaid-mark>`);
    }
  }
}

/** Checks the page after clear(): as before highlight(), with nothing of whosaid left. */
export function checkCleared(run, after, label) {
  assert.equal(after.bodyText, run.before.bodyText, `${label}: document.body.textContent unchanged after clear()`);
  assert.equal(after.leftovers, 0, `${label}: no whosaid-mark, whosaid-overlay or whosaid-panel after clear()`);
  assert.deepEqual(after.highlightNames, [], `${label}: no whosaid- entry in CSS.highlights after clear()`);
  if (after.html !== run.before.html) {
    let i = 0;
    while (after.html[i] === run.before.html[i]) i++;
    const around = (s) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
    assert.fail(`${label}: the document's HTML after clear() differs from before highlight() at ${i}:\n` +
      `  before: ${around(run.before.html)}\n  after:  ${around(after.html)}`);
  }
  assert.deepEqual(after.violations, [], `${label}: no Content-Security-Policy violation`);
}

/**
 * Checks that `text` holds exactly `lines` (the page's visible blocks, in order), one per line,
 * if given, and none of the `absent` words.
 */
export function checkText(text, { lines, absent = [] }, label) {
  if (lines) {
    const got = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    assert.deepEqual(got, lines.map((l) => l.trim()), `${label}: text is the visible blocks, one per line`);
  }
  for (const word of absent) assert.ok(!text.includes(word), `${label}: "${word}" is not in text`);
}
