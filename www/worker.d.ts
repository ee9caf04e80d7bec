// Types of whosaid/worker (worker.js): the analyzer's API run in a Web Worker.
import type { Options, Result } from './whosaid.js';
export type { Options, Result } from './whosaid.js';
export { TrapError, ResultTooLargeError } from './whosaid.js';

/** Starts the worker and initialises its analyzer (the same promise until it fails). */
export function ready(source?: string | URL | BufferSource | WebAssembly.Module): Promise<void>;
/** Finds quotations, speakers and actors in `text`, in the worker (UTF-16 offsets). */
export function analyze(text: string, options?: Options): Promise<Result>;
/** The analyzer's version, from the worker. */
export function version(): Promise<string>;
/** Stops the worker; calls still waiting reject; the next call starts a new worker. */
export function terminate(): void;
