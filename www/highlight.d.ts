// Types for the in-page highlighter (./highlight.js).
//
// Offsets in `quotes` and `actors` are UTF-16 code units into `text`, the text collected from the
// page (text nodes in document order, "\n\n" between blocks, "\n" at <br>).

import type { Actor, Quote, Result, WasmSource } from './whosaid.js';

/** What to mark, and how. Unknown options throw a TypeError naming them. */
export interface HighlightOptions {
  /** Mark quotations (in their speaker's colour) and speaker mentions. Default true. */
  quotes?: boolean;
  /** Mark every actor mention. Default true. */
  actors?: boolean;
  /** Show a side panel listing who said what, grouped by actor. Default false. */
  panel?: boolean;
  /**
   * `auto` (default): the CSS Custom Highlight API where present (no DOM change), else
   * `<whosaid-mark>` wrappers; `highlight-api` or `wrap` to force one (`highlight-api` throws
   * where the browser lacks it). If the page has defined `whosaid-mark` (or `whosaid-overlay`,
   * `whosaid-panel`) as a custom element of its own, the first free name of `whosaid-mark-2`,
   * `whosaid-mark-3`, … is used instead.
   */
  mode?: 'auto' | 'highlight-api' | 'wrap';
  /** Background colours for the actors, as "#rrggbb" (default: {@link PALETTE}). */
  colours?: string[];
  /** The wasm, as the loader's `ready()` takes it (default: ./pkg/whosaid_bg.wasm). */
  wasm?: WasmSource;
  /**
   * The analyzer to use instead of the wasm in this page (a browser extension's content script
   * passes one that asks its background worker). Gets the collected text, resolves to its result.
   */
  analyze?: (text: string) => Promise<Result>;
}

/** One drawn mark: a quotation, a speaker mention or an actor mention, and its live DOM range. */
export interface Mark {
  kind: 'quote' | 'speaker' | 'mention';
  /** Index into `quotes` (quote, speaker) or `actors` (mention). */
  index: number;
  range: Range;
}

/** The result of {@link highlight}. */
export interface Highlighted {
  /** The text collected from the page and analysed. */
  text: string;
  quotes: Quote[];
  actors: Actor[];
  mode: 'highlight-api' | 'wrap';
  /** Scrolls quotation `index` into view and explains it; false if it is not marked. */
  reveal(index: number): boolean;
  /**
   * The marks drawn (emptied by `clear()`). A mark over text that the page changed while it was
   * being analysed (and kept changing) is not drawn.
   */
  marks: Mark[];
  /** Removes every highlight, wrapper, overlay and panel: the page is as before. */
  clear(): void;
}

/**
 * The article element of a document: `article`, `[itemprop=articleBody]`, `main`, else the
 * parent of the paragraphs holding the most text (three paragraphs at least), else the body.
 */
export function articleRoot(doc?: Document): Element;

/**
 * The text of `root` as the analyzer sees it, and the table from offsets to text nodes. Read: the
 * light DOM, slotted text included; not read: shadow trees, frames, editable regions (all of an
 * editable root), and what a reader does not see.
 */
export function collect(root: Element): {
  text: string;
  sent: string;
  segments: Array<{ node: Text; start: number; end: number }>;
};

/**
 * Highlights quotations and actors in `root` (default: the page's article). Rejects with the page
 * as it was (nothing marked, nothing left behind) if marking fails part way or the page's text
 * changes while it is being marked (a page that replaced DOM methods before this module was
 * imported, or runs code of its own on whosaid's elements); DOM methods replaced after the import
 * do not matter.
 */
export function highlight(root?: Element, options?: HighlightOptions): Promise<Highlighted>;
