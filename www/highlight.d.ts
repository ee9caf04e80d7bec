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
   * What to read when no root is given: `article` (default), the story as Firefox's Reader View
   * finds it (@mozilla/readability, loaded then), with its headline read apart and its byline
   * and photo credits left out; a page with no article (a home page, a list of stories, search
   * results) rejects with a `NoArticleError`. `page`: the whole page's body, as it is.
   * Not allowed with a root (a root is read whole).
   */
  scope?: 'article' | 'page';
  /**
   * The analyzer to use instead of the wasm in this page (a browser extension's content script
   * passes one that asks its background worker). Gets the collected text, resolves to its result.
   */
  analyze?: (text: string) => Promise<Result>;
  /**
   * Run the analyzer in a Web Worker (`whosaid/worker`, ./worker.js), so that a long page's
   * analysis never blocks the main thread. Default false. Ignored when `analyze` is given.
   */
  worker?: boolean;
}

/** One drawn mark: a quotation, a speaker mention or an actor mention, and its live DOM range. */
export interface Mark {
  kind: 'quote' | 'speaker' | 'mention';
  /** Index into `quotes` (quote, speaker) or `actors` (mention). */
  index: number;
  range: Range;
}

/** A quotation as highlight() gives it: `headline` is true for one in the article's headline. */
export interface HighlightedQuote extends Quote {
  /**
   * A direct quotation of the headline (read apart from the body: never reported speech). Its
   * speaker, actor and cue are those of the body's quotation of the same words, or null.
   */
  headline?: true;
}

/** What highlight() read: the page's article, its whole body, or the root given. */
export interface ArticleInfo {
  scope: 'article' | 'page' | 'root';
  /** The headline as the page declares it (JSON-LD, Open Graph, <title>), for an article. */
  title: string | null;
  /** The author line as the page declares it (never read as text of the story). */
  byline: string | null;
  /** The publication date as the page declares it. */
  published: string | null;
  /** Where the headline is in `text` (its first block), when the page shows it. */
  headline: { start: number; end: number; text: string } | null;
}

/** The result of {@link highlight}. */
export interface Highlighted {
  /**
   * The text collected from the page and analysed: the headline (when the article's is found)
   * as its first block, then the story's blocks. In the texts of quotations, speakers, cues and
   * mentions, and in actor names, a run of whitespace (the HTML's layout) reads as one space;
   * their offsets point into this text.
   */
  text: string;
  quotes: HighlightedQuote[];
  actors: Actor[];
  article: ArticleInfo;
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
 * A quick guess at the article element of a document, without reading it: `article`,
 * `[itemprop=articleBody]`, `main`, else the parent of the paragraphs holding the most text
 * (three paragraphs at least), else the body. highlight() does not use it: it finds the article
 * as Firefox's Reader View does (see `scope`).
 */
export function articleRoot(doc?: Document): Element;

/**
 * The text of `root` as the analyzer sees it, and the table from offsets to text nodes. Read: the
 * light DOM, slotted text included; not read: shadow trees, frames, editable regions (all of an
 * editable root), and what a reader does not see. With `only`, just those text nodes are read,
 * and the `blocks` elements are blocks of their own (captions).
 */
export function collect(root: Element, only?: { nodes: Set<Text>; blocks?: Set<Element> }): {
  text: string;
  sent: string;
  segments: Array<{ node: Text; start: number; end: number }>;
};

/**
 * Highlights quotations and actors: in the page's article (found as Firefox's Reader View finds
 * it; `{scope: 'page'}` for the whole page), or in `root`. Rejects with a `NoArticleError` on a
 * page with no article; with a `TypeError` naming what is wrong for bad arguments; with the page
 * as it was (nothing marked, nothing left behind) if marking fails part way or the page's text
 * changes while it is being marked (a page that replaced DOM methods before this module was
 * imported, or runs code of its own on whosaid's elements); DOM methods replaced after the
 * import do not matter.
 */
export function highlight(options?: HighlightOptions): Promise<Highlighted>;
export function highlight(root: Element | Document | null | undefined, options?: HighlightOptions): Promise<Highlighted>;
