// whosaid's Web Worker: runs the analyzer off the main thread for `whosaid/worker` (worker.js).
// Each message is a request with an id; each answer carries the id back, with the result or the
// error (its name and message, so that worker.js can throw the same class again).
//   {id, type: 'ready', source?} -> {id, version}
//   {id, type: 'analyze', text, options?} -> {id, result}
//   any failure -> {id, error: {name, message}}
// The loader (whosaid.js) in this worker fetches the wasm from next to itself unless `ready` is
// given a source, and replaces a trapped instance as it does on the main thread.

import { analyze, ready, version } from './whosaid.js';

self.onmessage = async (/** @type {MessageEvent} */ event) => {
  const { id, type, text, options, source } = event.data ?? {};
  try {
    if (type === 'ready') {
      await ready(source);
      self.postMessage({ id, version: version() });
    } else if (type === 'analyze') {
      self.postMessage({ id, result: await analyze(text, options) });
    } else {
      throw new TypeError(`whosaid worker: unknown request ${JSON.stringify(type)}`);
    }
  } catch (e) {
    const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
    self.postMessage({ id, error });
  }
};
