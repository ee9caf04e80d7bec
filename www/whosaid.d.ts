// Types for the whosaid loader (./whosaid.js).
//
// Every offset is in UTF-16 code units, half-open, as String.prototype.slice takes them:
// `text.slice(span.start, span.end) === span.text`. Optional fields are `null`, never missing.
// Arrays are sorted by `start`. The analyzer may add fields; these ones are never renamed or dropped.

/** A stretch of the analysed text. */
export interface Span {
  /** First UTF-16 code unit of the span. */
  start: number;
  /** One past the last UTF-16 code unit of the span. */
  end: number;
  /** The text of the span: `text.slice(start, end)`. */
  text: string;
}

/** `direct`: words within quotation marks; `indirect`: reported speech without them. */
export type QuoteKind = 'direct' | 'indirect';

/** A quotation and, when found, who said it. */
export interface Quote extends Span {
  kind: QuoteKind;
  /** The words in the text naming the speaker ("she", "the minister", "Ana Ruiz"), or null. */
  speaker: Span | null;
  /** Index into {@link Result.actors} of the actor the speaker refers to, or null. */
  actor: number | null;
  /** The speech verb or phrase ("said", "according to"), or null. */
  cue: Span | null;
  /** Whether this part ends with its closing quotation mark (false: it runs to the end of its paragraph). */
  closed: boolean;
  /**
   * Index in {@link Result.quotes} of the first part of this quotation: a quotation over several
   * paragraphs is one Quote per paragraph part, all with the same `group`.
   */
  group: number;
}

/** What kind of thing an actor is. */
export type ActorKind = 'person' | 'organization' | 'place';

/** How a mention names its actor: by name, by a description ("a Pentagon spokesman"), or by a pronoun resolved to it. */
export type MentionType = 'named' | 'role' | 'pronoun';

/** One mention of an actor. */
export interface Mention extends Span {
  type: MentionType;
}

/** A person, organisation or place, with every mention of it. */
export interface Actor {
  /** Equal to the actor's index in {@link Result.actors}. */
  id: number;
  /** The fullest proper name found, without titles ("Mohammad Javad Zarif"; "United States" for US/U.S./America/Washington). */
  name: string;
  kind: ActorKind;
  /** Titles the text gives the actor ("Foreign Minister", "Ayatollah"), in order of first use. */
  titles: string[];
  /** Sorted by `start`. */
  mentions: Mention[];
  /** Indices into {@link Result.quotes} of the actor's quotations, ascending. */
  quotes: number[];
}

/** Why a quoted phrase was judged not to be speech. */
export type RejectReason = 'markup' | 'term' | 'title' | 'nickname' | 'scare-quote' | 'heading';

/** A quoted phrase judged not to be speech. */
export interface Rejected extends Span {
  reason: RejectReason;
}

/** The analysis of one text. */
export interface Result {
  /** Sorted by `start`. */
  quotes: Quote[];
  actors: Actor[];
  /** Present only when the call passed `{ rejected: true }`; sorted by `start`. */
  rejected?: Rejected[];
}

/** The name used by the generated bindings in ./pkg for {@link Result}. */
export type Analysis = Result;

/** Options for {@link analyze}. An unknown option or a wrong type throws an `Error` naming it. */
export interface Options {
  /** Also return the quoted phrases judged not to be speech (scare quotes, titles). */
  rejected?: boolean;
  /**
   * The largest result to build, in bytes of JSON (about); a larger one rejects with
   * {@link ResultTooLargeError}. Default: 32 times the text, at least 1 MB, at most 256 MB.
   */
  maxResult?: number;
}

/** Anything wasm-bindgen's `init` accepts as the wasm source. */
export type WasmSource =
  | string
  | URL
  | Request
  | Response
  | PromiseLike<Response>
  | BufferSource
  | WebAssembly.Module
  | { module_or_path: string | URL | Request | Response | PromiseLike<Response> | BufferSource | WebAssembly.Module };

/**
 * Thrown by {@link analyze} for the call during which the wasm instance trapped. The instance has
 * been discarded; the next call runs on a fresh one. `cause` is the original error.
 */
export class TrapError extends Error {
  constructor(message?: string, options?: { cause?: unknown });
  name: 'TrapError';
}

/**
 * Thrown by {@link analyze} when the result would be larger than its limit (the option
 * `maxResult`, bytes of JSON; by default 32 times the text, at least 1 MB, at most 256 MB),
 * before it is built. The instance stays usable. `cause` is the analyzer's error.
 */
export class ResultTooLargeError extends Error {
  constructor(message?: string, options?: { cause?: unknown });
  name: 'ResultTooLargeError';
}

/**
 * Initialises the analyzer once; concurrent callers share one initialisation. After success,
 * `source` is ignored. Defaults to `./pkg/whosaid_bg.wasm` next to the loader (fetched; in Node
 * pass the bytes).
 */
export function ready(source?: WasmSource): Promise<void>;

/**
 * Finds quotations, speakers and actors in `text`. Calls {@link ready} if needed.
 * Rejects with the analyzer's `Error` for a bad option, with `TypeError` if `text` is not a
 * string, with {@link TrapError} if the analyzer trapped on this text, and with
 * {@link ResultTooLargeError} if the result would be over `options.maxResult`.
 */
export function analyze(text: string, options?: Options): Promise<Result>;

/** Like {@link analyze}, plus the analysis time in milliseconds (initialisation excluded). */
export function analyzeWithTiming(
  text: string,
  options?: Options,
): Promise<{ result: Result; ms: number }>;

/** The analyzer's version. Throws if called before `ready()` has resolved. */
export function version(): string;

/** How many wasm instances the loader has created: 1 after `ready()`, one more per trap. */
export function instanceCount(): number;
