// Hostile text from JavaScript (issue 8): strings that are not valid Unicode (lone surrogates),
// NUL bytes, right-to-left text with bidirectional controls, unbalanced and deeply nested quote
// marks, and long runs of quote marks. analyze() must resolve for each, never trap (the instance
// count stays 1), and every offset must be a UTF-16 index into the string as JavaScript holds
// it: `text.slice(start, end)` is the span and its `text`, lone surrogates included (they have
// no UTF-8 form and reach the analyzer as U+FFFD, one code unit for one; the loader gives every
// span's `text` from the caller's own string: issue 16).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { ready, analyze, instanceCount } from '../whosaid.js';
import { spans } from './spans.mjs';

await ready(await readFile(new URL('../pkg/whosaid_bg.wasm', import.meta.url)));

async function check(name, text) {
  const result = await analyze(text);
  for (const [where, s] of spans(result)) {
    assert.ok(0 <= s.start && s.start < s.end && s.end <= text.length, `${name}: ${where} ${s.start}..${s.end} in range`);
    assert.equal(s.text, text.slice(s.start, s.end), `${name}: ${where} is its slice of the text`);
  }
  for (const q of result.quotes) {
    assert.ok(q.actor === null || (q.actor >= 0 && q.actor < result.actors.length), `${name}: actor index`);
  }
  return result;
}

test('lone surrogates are one code unit each, and offsets after them stay right', async () => {
  const lone = ['\uD800', '\uDFFF', '\uDBFF\uDBFF', '\uDC00\uD800'];
  for (const s of lone) {
    const text = `${s} "We will rebuild the bridge," Mayor Alma Reyes said. ${s}"Not soon," she added.`;
    const result = await check(`lone ${escape(s)}`, text);
    const q = result.quotes.find((x) => x.text.includes('rebuild'));
    assert.ok(q, 'the quotation after the lone surrogate is found');
    assert.equal(text.slice(q.start, q.end), q.text, 'its offsets are those of the JS string');
    // inside a quotation: its text is the caller's, surrogate and all
    const inside = `"We will ${s} rebuild the bridge," Mayor Alma Reyes said.`;
    const [r] = (await check(`inside ${escape(s)}`, inside)).quotes;
    assert.ok(r.text.includes(s), 'the quotation holds the lone surrogate, not U+FFFD');
    assert.equal(r.text, inside.slice(r.start, r.end));
  }
});

test('NUL bytes and other control characters', async () => {
  await check('nul', '\0"Yes,\0" the mayor\0said.\0\n\n\u0001\u0007\u001b[31m"No," he said.');
  await check('only nul', '\0'.repeat(10_000));
});

test('right-to-left text and bidirectional controls', async () => {
  const text =
    '\u201C\u0645\u0631\u062D\u0628\u0627,\u201D said \u202B\u05E9\u05DC\u05D5\u05DD\u202C Cohen. ' +
    '\u2067\u0627\u0644\u0648\u0632\u064A\u0631\u2069 told reporters the talks \u200Fwould go on\u200E.\n\n' +
    '\u05D0\u05DE\u05E8 "\u05DC\u05D0" \u05D4\u05D9\u05D5\u05DD.';
  await check('rtl', text);
});

test('unbalanced, nested and long runs of quote marks', async () => {
  await check('unbalanced', '"Open and never closed, the mayor said. \u201CAnother \u2018one. \u00AB And \u2039 more');
  await check('closing only', 'The mayor said." And then." \u201D\u201D\u2019\u00BB');
  const opens = ['\u201C', '\u2018', '"', "'", '\u00AB'];
  const closes = ['\u201D', '\u2019', '"', "'", '\u00BB'];
  let nested = 'The mayor said ';
  for (let d = 0; d < 10_000; d++) nested += `${opens[d % 5]}we said `;
  nested += 'enough';
  for (let d = 9_999; d >= 0; d--) nested += closes[d % 5];
  await check('nested 10,000 deep', `${nested}, she said.`);
  await check('a million quote marks', '"\u201C\u201D\'\u2018\u2019\u00AB\u00BB'.repeat(125_000));
});

test('combining marks and emoji sequences', async () => {
  await check('combining', `"${'e\u0301\u0302\u0303'.repeat(50_000)}," the mayor said.`);
  await check('emoji', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467} "We are \u{1F389} ready," said \u{1F1FA}\u{1F1F8} Ana Ruiz.');
});

test('one sentence of 40,000 attributions ("he said he said …"): resolves, and the result is at most 20 times the text', async () => {
  const text = 'he said '.repeat(40_000);
  const result = await check('he said x 40,000', text);
  assert.ok(result.quotes.length > 0, 'the reports are found');
  const size = JSON.stringify(result).length;
  assert.ok(size <= 20 * text.length, `${size} characters of result for ${text.length} of text`);
});

test('no call trapped', () => {
  assert.equal(instanceCount(), 1, 'still the first instance');
});
