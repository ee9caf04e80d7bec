// ready() with a Response and with a compiled WebAssembly.Module, as a browser or an extension
// would pass them. In its own file so that this process's loader starts uninitialised.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { ready, analyze, instanceCount } from '../whosaid.js';

const wasmBytes = await readFile(new URL('../pkg/whosaid_bg.wasm', import.meta.url));

test('ready() accepts a promise of a Response served as application/wasm', async (t) => {
  let streamed = 0;
  const { compileStreaming } = WebAssembly;
  t.mock.method(WebAssembly, 'compileStreaming', (...args) => {
    streamed += 1;
    return compileStreaming.apply(WebAssembly, args);
  });
  const response = new Response(wasmBytes, { headers: { 'Content-Type': 'application/wasm' } });
  await ready(Promise.resolve(response));
  assert.equal(streamed, 1, 'compiled while streaming');
  assert.equal(instanceCount(), 1);
  const text = '"The bridge is open," said Ana Ruiz.';
  const result = await analyze(text);
  for (const q of result.quotes) assert.equal(text.slice(q.start, q.end), q.text);
});

test('a failed ready() can be retried', async () => {
  // A fresh copy of the loader, whose state is uninitialised. (It shares the glue of the first
  // test, already initialised, so the success at the end runs on that instance.)
  const loader = await import(`../whosaid.js?fresh=${Date.now()}`);
  await assert.rejects(loader.ready(new Response('nope', { status: 404, statusText: 'Not Found' })), /404/);
  await assert.rejects(loader.ready(42), TypeError);
  const module = await WebAssembly.compile(wasmBytes);
  await loader.ready({ module_or_path: module });
  const result = await loader.analyze('"Yes," she said.');
  assert.ok(Array.isArray(result.quotes));
});
