// whosaid loader: initialises the WebAssembly analyzer once and recreates it after a trap.
//
// The generated glue in ./pkg (wasm-bindgen --target web) keeps its instance in module-level
// variables. A wasm panic is a trap, and a trapped instance must never be called again. So, after
// a trap, this loader makes the glue forget its instance (`__whosaid_forget`, which the build adds
// to the glue: scripts/glue-forget.mjs) and instantiates it again from the WebAssembly.Module
// compiled the first time (no second download or compilation). The glue stays one module, so this
// works wherever it is: a file next to this one, bundled into an app, or a blob: module.
//
// The wasm is found with `new URL('./pkg/whosaid_bg.wasm', import.meta.url)`, the form bundlers
// (Vite, webpack, Rollup with its URL plugin, Parcel) copy as an asset.
//
// No dependencies, no network access except fetching the .wasm file when given a URL.

import initGlue from './pkg/whosaid.js';
import * as firstGlue from './pkg/whosaid.js';

/**
 * Thrown by {@link analyze} for the call during which the WebAssembly instance trapped (a panic
 * inside the analyzer). The broken instance has been discarded; the next call runs on a fresh one.
 * The original `WebAssembly.RuntimeError` is in `cause`.
 */
export class TrapError extends Error {
  /**
   * @param {string} message
   * @param {{cause?: unknown}} [options]
   */
  constructor(message, options) {
    super(message, options);
    this.name = 'TrapError';
  }
}

/**
 * Thrown by {@link analyze} when the result would be larger than its limit, the option
 * `maxResult` (bytes of JSON, about; by default 32 times the text, at least 1 MB, at most
 * 256 MB), before it is built as JS objects: a result that large comes from a fault, and it
 * could exhaust the page's heap, which nothing can recover from. The analyzer's own error is in
 * `cause`; the instance stays usable.
 */
export class ResultTooLargeError extends Error {
  /**
   * @param {string} message
   * @param {{cause?: unknown}} [options]
   */
  constructor(message, options) {
    super(message, options);
    this.name = 'ResultTooLargeError';
  }
}

/** The start of the analyzer's message for a result over its limit (src/wasm.rs). */
const TOO_LARGE = 'whosaid: the result is too large';

/** @type {WebAssembly.Module | null} The compiled module, kept to create fresh instances. */
let compiled = null;

/**
 * Promise of the live glue module namespace (`null` until {@link ready} is first called).
 * Replaced by a new promise when an instance traps.
 * @type {Promise<typeof firstGlue> | null}
 */
let live = null;

/** Number of instances created so far (1 after `ready()`, 2 after the first trap, ...). */
let instances = 0;

/** @type {string | null} The analyzer's version, read once from the first instance. */
let versionString = null;

/**
 * Initialises the analyzer once. Every call returns the same promise, so concurrent callers share
 * one initialisation; after it has succeeded, `source` is ignored. If initialisation fails, the
 * promise rejects and a later call may try again.
 *
 * @param {string | URL | Request | Response | PromiseLike<Response> | BufferSource | WebAssembly.Module | {module_or_path: unknown}} [source]
 *   Where the wasm comes from: anything wasm-bindgen's `init` accepts, bare or as
 *   `{ module_or_path }`. Defaults to
 *   `./pkg/whosaid_bg.wasm` next to this file (fetched, so in Node pass the bytes instead:
 *   `ready(await readFile(new URL('./pkg/whosaid_bg.wasm', import.meta.url)))`).
 * @returns {Promise<void>} Resolves when `analyze` and `version` can be used.
 */
export function ready(source) {
  if (live === null) {
    live = start(source);
    live.catch(() => {
      live = null;
    });
  }
  return live.then(() => undefined);
}

/**
 * The promise of the live glue, starting the default initialisation if nothing has started.
 * @returns {Promise<typeof firstGlue>}
 */
function liveGlue() {
  if (live === null) ready().catch(() => {}); // the caller sees the failure through `live`
  return /** @type {Promise<typeof firstGlue>} */ (live);
}

/**
 * Compiles the module and creates the first instance with the statically imported glue.
 * @param {unknown} source
 * @returns {Promise<typeof firstGlue>}
 */
async function start(source) {
  compiled = await compile(source ?? new URL('./pkg/whosaid_bg.wasm', import.meta.url));
  await initGlue({ module_or_path: compiled });
  instances = 1;
  versionString = firstGlue.version();
  return firstGlue;
}

/**
 * Turns any accepted source into a compiled WebAssembly.Module.
 * @param {unknown} source
 * @returns {Promise<WebAssembly.Module>}
 */
async function compile(source) {
  // wasm-bindgen's own init takes `{ module_or_path }`: accept that shape too.
  if (source !== null && typeof source === 'object' && Object.getPrototypeOf(source) === Object.prototype) {
    source = /** @type {{module_or_path?: unknown}} */ (source).module_or_path;
  }
  if (source instanceof WebAssembly.Module) return source;
  if (
    typeof source === 'string' ||
    source instanceof URL ||
    (typeof Request === 'function' && source instanceof Request)
  ) {
    source = fetch(source);
  }
  source = await source;
  if (typeof Response === 'function' && source instanceof Response) {
    if (!source.ok) {
      throw new Error(`whosaid: failed to fetch the wasm: ${source.status} ${source.statusText} (${source.url})`);
    }
    const type = source.headers.get('Content-Type') ?? '';
    if (typeof WebAssembly.compileStreaming === 'function' && type.split(';')[0].trim() === 'application/wasm') {
      return WebAssembly.compileStreaming(source);
    }
    return WebAssembly.compile(await source.arrayBuffer());
  }
  if (ArrayBuffer.isView(source) || source instanceof ArrayBuffer) {
    return WebAssembly.compile(/** @type {BufferSource} */ (source));
  }
  throw new TypeError('whosaid: ready(source) expects a URL, Request, Response, BufferSource or WebAssembly.Module');
}

/**
 * Creates a fresh instance from the kept module, in the same glue, which forgets the trapped one.
 * @returns {Promise<typeof firstGlue>}
 */
async function restart() {
  firstGlue.__whosaid_forget();
  await initGlue({ module_or_path: compiled });
  return firstGlue;
}

/**
 * Finds quotations, their speakers and the actors (people, organisations, places) in `text`.
 *
 * Initialises the analyzer with its default source if {@link ready} has not been called.
 * All offsets in the result are UTF-16 code units, half-open: `text.slice(q.start, q.end) === q.text`.
 *
 * @param {string} text The text to analyse (never modified).
 * @param {import('./whosaid.js').Options} [options] e.g. `{ rejected: true }`.
 * @returns {Promise<import('./whosaid.js').Result>}
 * @throws {TypeError} if `text` is not a string.
 * @throws {Error} unchanged from the analyzer if an option is unknown or has the wrong type
 *   (the message names the option).
 * @throws {TrapError} if the analyzer trapped on this text; the next call uses a fresh instance.
 * @throws {ResultTooLargeError} if the result would be over its limit (the option `maxResult`).
 */
export async function analyze(text, options) {
  if (typeof text !== 'string') {
    throw new TypeError(`whosaid: analyze(text) expects a string, got ${text === null ? 'null' : typeof text}`);
  }
  for (;;) {
    const promise = liveGlue();
    const glue = await promise;
    // Another call may have trapped while we waited: never use a discarded instance.
    if (promise !== live) continue;
    try {
      const result = glue.analyze(text, options);
      if (!wellFormed(text)) ownSlices(text, result);
      return result;
    } catch (e) {
      if (e instanceof Error && e.message.startsWith(TOO_LARGE)) {
        throw new ResultTooLargeError(e.message, { cause: e });
      }
      if (!isTrap(e)) throw e;
      instances += 1;
      const restarted = restart();
      // Keep the rejection from being reported as unhandled; callers see it on their next call.
      restarted.catch(() => {});
      live = restarted;
      throw new TrapError(
        `whosaid: the analyzer crashed on this text (wasm trap: ${/** @type {Error} */ (e).message}); ` +
          'it has been restarted and the next call will use a fresh instance',
        { cause: e },
      );
    }
  }
}

/**
 * Whether `text` is well-formed UTF-16: no lone surrogate (half of an emoji cut off, say).
 * @param {string} text
 * @returns {boolean}
 */
function wellFormed(text) {
  if (typeof text.isWellFormed === 'function') return text.isWellFormed();
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/**
 * Sets every span's `text` to the caller's own slice of `text`. The wasm reads a JS string as
 * UTF-8, where a lone surrogate cannot exist: it becomes U+FFFD, one UTF-16 unit like the
 * surrogate, so every offset still holds, but a span's `text` would show U+FFFD where the caller's
 * string has the surrogate. (Actor names and titles are built from words, not sliced: they keep it.)
 * @param {string} text
 * @param {import('./whosaid.js').Result} result
 */
function ownSlices(text, result) {
  const own = (/** @type {{start: number, end: number, text: string} | null} */ s) => {
    if (s) s.text = text.slice(s.start, s.end);
  };
  for (const q of result.quotes) {
    own(q);
    own(q.speaker);
    own(q.cue);
  }
  for (const a of result.actors) a.mentions.forEach(own);
  result.rejected?.forEach(own);
}

/**
 * Whether an exception thrown by a wasm call leaves the instance unusable: a trap
 * (`WebAssembly.RuntimeError`: panic, out of memory, ...) or a stack overflow, which engines
 * report as `RangeError` (V8, JavaScriptCore) or `InternalError` (Firefox) and which leaves the
 * wasm stack pointer wrong. Discarding an instance needlessly costs little; keeping a broken one
 * is never acceptable. The analyzer's own errors (bad options) are plain `Error`s.
 * @param {unknown} e
 * @returns {boolean}
 */
function isTrap(e) {
  return (
    e instanceof WebAssembly.RuntimeError ||
    e instanceof RangeError ||
    (e instanceof Error && e.name === 'InternalError')
  );
}

/**
 * Like {@link analyze}, and also measures how long the analysis took (initialisation excluded).
 *
 * @param {string} text
 * @param {import('./whosaid.js').Options} [options]
 * @returns {Promise<{result: import('./whosaid.js').Result, ms: number}>} `ms` in milliseconds.
 */
export async function analyzeWithTiming(text, options) {
  await ready();
  const t0 = performance.now();
  const result = await analyze(text, options);
  return { result, ms: performance.now() - t0 };
}

/**
 * The version of the analyzer (the crate's version).
 *
 * @returns {string}
 * @throws {Error} if called before `await ready()` has resolved.
 */
export function version() {
  if (versionString === null) {
    throw new Error('whosaid: version() called before ready() resolved');
  }
  return versionString;
}

/**
 * How many wasm instances this loader has created: 1 after {@link ready}, one more after each
 * trap. For diagnostics and tests.
 *
 * @returns {number}
 */
export function instanceCount() {
  return instances;
}
