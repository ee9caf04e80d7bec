// Tests of the loader (../whosaid.js) against the real built pkg (../pkg, from
// scripts/build-wasm.sh). Node runs each test file in its own process, but the tests in this file
// share one loader and run in order: the first one must be the first to call ready().

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import {
  ready,
  analyze,
  analyzeWithTiming,
  version,
  instanceCount,
  TrapError,
  ResultTooLargeError,
} from '../whosaid.js';
// The same module record as the loader's first instance (same URL), used only to reach the live
// instance's memory in the trap test: `initSync()` returns the exports once initialised.
import { initSync as firstGlueExports } from '../pkg/whosaid.js';
import { spans } from './spans.mjs';

const WASM_URL = new URL('../pkg/whosaid_bg.wasm', import.meta.url);
const wasmBytes = await readFile(WASM_URL);

const ARTICLE =
  'Mayor Ana Ruiz opened the bridge on Monday. "We kept our promise," she said.\n\n' +
  'Council member Tom Okafor said: "The work is not over. We still need a second crossing."\n\n' +
  'So-called "experts" had warned that the river would not cooperate, but engineers don\'t agree.';

/** Whether a source given to WebAssembly.compile is our wasm (not, say, undici's). */
function isOurs(source) {
  return source instanceof WebAssembly.Module || source?.byteLength === wasmBytes.byteLength;
}

/** Checks that every span is in range, non-empty, and that its text is the slice of `text`. */
function assertSpansMatch(text, result) {
  for (const [where, s] of spans(result)) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${where}: integer offsets`);
    assert.ok(0 <= s.start && s.start < s.end && s.end <= text.length, `${where}: ${s.start}..${s.end} in range`);
    assert.equal(text.slice(s.start, s.end), s.text, `${where}: text.slice(start, end) === text`);
  }
}

/** Checks the JSON contract: fields present (null, never missing), types, order, actor indices. */
function assertShape(text, result) {
  assert.ok(Array.isArray(result.quotes), 'quotes is an array');
  assert.ok(Array.isArray(result.actors), 'actors is an array');
  for (const [i, q] of result.quotes.entries()) {
    for (const field of ['start', 'end', 'text', 'kind', 'speaker', 'actor', 'cue']) {
      assert.ok(field in q, `quotes[${i}] has ${field}`);
    }
    assert.ok(q.kind === 'direct' || q.kind === 'indirect', `quotes[${i}].kind is ${q.kind}`);
    assert.ok(
      q.actor === null || (Number.isInteger(q.actor) && q.actor >= 0 && q.actor < result.actors.length),
      `quotes[${i}].actor ${q.actor} indexes actors`,
    );
    if (i > 0) assert.ok(result.quotes[i - 1].start <= q.start, 'quotes sorted by start');
  }
  for (const [i, a] of result.actors.entries()) {
    assert.equal(a.id, i, `actors[${i}].id is its index`);
    assert.equal(typeof a.name, 'string');
    assert.ok(['person', 'organization', 'place'].includes(a.kind), `actors[${i}].kind is ${a.kind}`);
    assert.ok(Array.isArray(a.mentions));
    for (let j = 1; j < a.mentions.length; j++) {
      assert.ok(a.mentions[j - 1].start <= a.mentions[j].start, `actors[${i}].mentions sorted`);
    }
  }
  // A result is plain JSON: it survives a round trip unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
  assertSpansMatch(text, result);
}

test('version() before ready() throws', () => {
  assert.throws(() => version(), /before ready/);
});

test('ready() called twice concurrently compiles and instantiates once', async (t) => {
  let compiles = 0;
  let instantiations = 0;
  const { compile, instantiate } = WebAssembly;
  // Count only our module: Node's fetch (undici) compiles its own wasm the first time a
  // Response is touched.
  t.mock.method(WebAssembly, 'compile', (...args) => {
    if (isOurs(args[0])) compiles += 1;
    return compile.apply(WebAssembly, args);
  });
  t.mock.method(WebAssembly, 'instantiate', (...args) => {
    if (args[1] && './whosaid_bg.js' in args[1]) instantiations += 1;
    return instantiate.apply(WebAssembly, args);
  });
  const first = ready(wasmBytes);
  const second = ready(wasmBytes);
  await Promise.all([first, second]);
  assert.equal(compiles, 1, 'WebAssembly.compile calls');
  assert.equal(instantiations, 1, 'WebAssembly.instantiate calls');
  assert.equal(instanceCount(), 1);
  // Once ready, a later call (whatever its source) changes nothing.
  await ready(new Uint8Array([0, 1, 2]));
  assert.equal(compiles + instantiations, 2);
});

test('version() returns a non-empty string', () => {
  const v = version();
  assert.equal(typeof v, 'string');
  assert.ok(v.length > 0);
});

test('analyze() returns the documented shape', async () => {
  const result = await analyze(ARTICLE);
  assertShape(ARTICLE, result);
  assert.ok(!('rejected' in result), 'no rejected list unless asked for');
  const texts = result.quotes.map((q) => q.text);
  assert.ok(
    texts.some((t) => t.includes('We kept our promise')),
    `a quote with "We kept our promise" among ${JSON.stringify(texts)}`,
  );
});

test('offsets are UTF-16 code units, with curly quotes and an emoji before the quote', async () => {
  const text =
    '🎉 Crowds filled the square in Port Verin. “We did it,” said Mayor Ana Ruiz. ' +
    '“It’s a new day for the city — and it won’t be the last,” she added.';
  assert.notEqual(text.length, [...text].length, 'the text has a surrogate pair');
  const result = await analyze(text);
  assertShape(text, result);
  const q = result.quotes.find((x) => x.text.includes('We did it'));
  assert.ok(q, `a quote with "We did it" among ${JSON.stringify(result.quotes.map((x) => x.text))}`);
  assert.equal(text.slice(q.start, q.end), q.text);
  assert.ok(q.start >= text.indexOf('“We'), 'the quote starts at or after its opening mark');
});

test('{ rejected: true } adds the rejected list', async () => {
  const result = await analyze(ARTICLE, { rejected: true });
  assertShape(ARTICLE, result);
  assert.ok(Array.isArray(result.rejected), 'rejected is an array');
  for (const [i, r] of result.rejected.entries()) {
    assert.equal(typeof r.reason, 'string', `rejected[${i}].reason`);
  }
});

test('an unknown option rejects with the analyzer\'s Error, naming the option', async () => {
  const before = instanceCount();
  await assert.rejects(analyze(ARTICLE, { bogusOption: true }), (e) => {
    assert.ok(e instanceof Error);
    assert.ok(!(e instanceof TrapError), 'not a trap');
    assert.match(e.message, /bogusOption/);
    return true;
  });
  assert.equal(instanceCount(), before, 'an option error does not restart the instance');
});

test('a wrongly typed option rejects with an Error naming the option', async () => {
  await assert.rejects(analyze(ARTICLE, { rejected: 'yes' }), (e) => {
    assert.ok(e instanceof Error && !(e instanceof TrapError));
    assert.match(e.message, /rejected/);
    return true;
  });
});

test('a result over maxResult rejects with ResultTooLargeError, and the instance stays', async () => {
  const before = instanceCount();
  const full = await analyze(ARTICLE);
  const size = JSON.stringify(full).length;
  await assert.rejects(analyze(ARTICLE, { maxResult: Math.floor(size / 2) }), (e) => {
    assert.ok(e instanceof ResultTooLargeError, `${e.name}: ${e.message}`);
    assert.ok(!(e instanceof TrapError), 'not a trap');
    assert.match(e.message, /too large.*maxResult/);
    return true;
  });
  assert.deepEqual(await analyze(ARTICLE, { maxResult: size * 2 }), full, 'under the limit: the result');
  assert.equal(instanceCount(), before, 'no restart');
  await assert.rejects(analyze(ARTICLE, { maxResult: -1 }), /maxResult.*whole number of bytes/);
  await assert.rejects(analyze(ARTICLE, { maxResult: '5' }), /maxResult.*whole number of bytes/);
});

test('a text that is not a string rejects with TypeError', async () => {
  await assert.rejects(analyze(42), TypeError);
  await assert.rejects(analyze(null), TypeError);
});

test('analyzeWithTiming() returns the result and a duration', async () => {
  const { result, ms } = await analyzeWithTiming(ARTICLE);
  assertShape(ARTICLE, result);
  assert.equal(typeof ms, 'number');
  assert.ok(ms >= 0 && Number.isFinite(ms));
});

// A real trap, not a mock: the live instance's memory is grown to the engine's maximum from JS,
// so the wasm allocator can get no more pages. Rust then aborts on the failed allocation, which
// executes `unreachable`: a WebAssembly.RuntimeError from inside the real module.
// The big text cannot be analysed by that instance (its allocation is what fails), so:
// the call that traps must reject with TrapError; a second call issued at the same time, with the
// same text, succeeds only if it ran on a fresh instance (on the old one it would trap as well);
// later calls work too.
test('after a trap the instance is replaced and later calls work', async (t) => {
  const oldExports = firstGlueExports();
  const memory = oldExports.memory;
  for (let step = 65536; step >= 1; ) {
    try {
      memory.grow(step);
    } catch {
      step = Math.floor(step / 2);
    }
  }
  const big = ARTICLE + ' '.repeat(8 * 1024 * 1024);

  let compiles = 0;
  const { compile } = WebAssembly;
  t.mock.method(WebAssembly, 'compile', (...args) => {
    if (isOurs(args[0])) compiles += 1;
    return compile.apply(WebAssembly, args);
  });

  const [trapped, concurrent] = await Promise.allSettled([analyze(big), analyze(big)]);
  assert.equal(trapped.status, 'rejected', 'the call on the exhausted instance fails');
  assert.ok(trapped.reason instanceof TrapError, `TrapError, got ${trapped.reason}`);
  assert.ok(trapped.reason.cause instanceof WebAssembly.RuntimeError, 'cause is the trap');
  assert.match(trapped.reason.message, /restarted/);
  assert.equal(concurrent.status, 'fulfilled', `the concurrent call succeeds: ${concurrent.reason}`);
  assertShape(big, concurrent.value);

  const after = await analyze(ARTICLE);
  assertShape(ARTICLE, after);
  assert.equal(instanceCount(), 2);
  assert.equal(compiles, 0, 'the fresh instance reuses the compiled module');
  assert.equal(version().length > 0, true);
  // Option errors still pass through unchanged on the new instance.
  await assert.rejects(analyze('x', { bogusOption: 1 }), /bogusOption/);
  assert.equal(instanceCount(), 2);
});
