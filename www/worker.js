// whosaid/worker: the analyzer's API, `analyze` and `ready`, run in a Web Worker, so that a long
// page's analysis never blocks the main thread. Same arguments, same results, same errors
// (TrapError, ResultTooLargeError, TypeError for a text that is no string, the analyzer's own
// Error for a bad option) as the main-thread module, whosaid.js.
//
//   import { analyze } from 'whosaid/worker';
//   const result = await analyze(text);   // starts the worker on first use
//
// The worker is a module worker made with `new Worker(new URL('./worker-thread.js',
// import.meta.url), {type: 'module'})`, the form bundlers (Vite, webpack) turn into a chunk of
// their own. One worker serves every call, in order; `terminate()` stops it (the next call
// starts a new one).

import { ResultTooLargeError, TrapError } from './whosaid.js';

export { ResultTooLargeError, TrapError };

/** @type {Worker | null} */
let worker = null;
/** @type {Promise<string> | null} the worker's version once its analyzer is ready */
let started = null;
let nextId = 0;
/** @type {Map<number, {resolve: (v: any) => void, reject: (e: unknown) => void}>} */
const pending = new Map();

/** The error a worker's answer stands for, as the class the main-thread module throws. */
function rebuilt(/** @type {{name: string, message: string}} */ e) {
  const classes = { TrapError, ResultTooLargeError, TypeError, RangeError };
  const Class = /** @type {Record<string, ErrorConstructor>} */ (classes)[e.name] ?? Error;
  const error = new Class(e.message);
  if (!(e.name in classes)) error.name = e.name;
  return error;
}

/** The worker, started on first use. */
function theWorker() {
  if (worker) return worker;
  const w = new Worker(new URL('./worker-thread.js', import.meta.url), { type: 'module', name: 'whosaid' });
  w.onmessage = (/** @type {MessageEvent} */ event) => {
    const { id, error } = event.data;
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    if (error) call.reject(rebuilt(error));
    else call.resolve(event.data);
  };
  w.onerror = (/** @type {ErrorEvent} */ event) => {
    // (the worker script failed to load or threw outside a request: every call waiting fails)
    event.preventDefault?.();
    const e = new Error(`whosaid worker: ${event.message || 'the worker failed to start'}`);
    for (const call of pending.values()) call.reject(e);
    pending.clear();
    terminate();
  };
  worker = w;
  return w;
}

/**
 * One request to the worker.
 * @param {Record<string, unknown>} message
 * @returns {Promise<any>}
 */
function request(message) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    theWorker().postMessage({ ...message, id });
  });
}

/**
 * Starts the worker and initialises its analyzer. Every call returns the same promise until it
 * fails or `terminate()` is called.
 * @param {string | URL | BufferSource | WebAssembly.Module} [source] where the worker gets the
 *   wasm: a URL (made absolute against this page), its bytes (copied), or a compiled module.
 *   Default: `pkg/whosaid_bg.wasm` next to the worker's module.
 * @returns {Promise<void>}
 */
export function ready(source) {
  if (started === null) {
    const src = typeof source === 'string' || source instanceof URL ? new URL(source, globalThis.location?.href).href : source;
    started = request({ type: 'ready', source: src }).then((answer) => answer.version);
    started.catch(() => {
      started = null;
    });
  }
  return started.then(() => undefined);
}

/**
 * Finds quotations, their speakers and the actors in `text`, in the worker: the same result as
 * `analyze` of the main-thread module (UTF-16 offsets into `text`).
 * @param {string} text
 * @param {import('./whosaid.js').Options} [options]
 * @returns {Promise<import('./whosaid.js').Result>}
 */
export async function analyze(text, options) {
  if (typeof text !== 'string') {
    throw new TypeError(`whosaid: analyze(text) expects a string, got ${text === null ? 'null' : typeof text}`);
  }
  await ready();
  const answer = await request({ type: 'analyze', text, options });
  return answer.result;
}

/**
 * The analyzer's version, from the worker.
 * @returns {Promise<string>}
 */
export async function version() {
  await ready();
  return /** @type {Promise<string>} */ (started);
}

/** Stops the worker; calls still waiting reject. The next call starts a new worker. */
export function terminate() {
  worker?.terminate();
  worker = null;
  started = null;
  const e = new Error('whosaid worker: terminated');
  for (const call of pending.values()) call.reject(e);
  pending.clear();
}
