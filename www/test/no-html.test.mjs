// The code that touches pages never turns text into HTML: no innerHTML, outerHTML or
// insertAdjacentHTML assignment, no document.write, in the shipped modules (the highlighter,
// the loader, the demo pages). Page and analysed text go into the DOM as text nodes only.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const SHIPPED = ['highlight.js', 'whosaid.js', 'demo/demo.js', 'offline/demo.mjs'];
const HTML_SINKS = /\.(innerHTML|outerHTML)\s*(\+?=)|insertAdjacentHTML|document\.write|createContextualFragment|srcdoc\s*=/;

for (const file of SHIPPED) {
  test(`${file} inserts no text as HTML`, async () => {
    const src = await readFile(new URL(`../${file}`, import.meta.url), 'utf8');
    const hits = src
      .split('\n')
      .map((line, i) => ({ line: line.trim(), at: i + 1 }))
      .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*') && HTML_SINKS.test(line));
    assert.deepEqual(hits, [], `${file} uses an HTML sink`);
  });
}
