//! # whosaid: who said what in English news text
//!
//! whosaid reads a news article and finds its **quotations**: the words between quote marks
//! that someone said or wrote, each with its **speaker** (the mention in the text: "Zarif",
//! "she", "a Pentagon spokesman") and its **cue** ("said", "wrote on Twitter"). Quoted words
//! that are nobody's speech (scare quotes, titles of works, nicknames) are set aside.
//!
//! The same crate runs natively (the `whosaid` command-line tool) and in the browser
//! (WebAssembly, through `src/wasm.rs`); both print the same JSON for the same text.
//!
//! ## Use
//!
//! Build an [`Extractor`] once, then call [`Extractor::extract`] on each text. Extraction
//! cannot fail: any string, however broken, gives an [`Analysis`].
//!
//! ```
//! use whosaid::Extractor;
//!
//! let text = "\u{201C}We are ready to talk,\u{201D} she said on Monday. \
//!             The so-called \"reset\" failed. The mayor said the bridge would reopen.";
//! let extractor = Extractor::new();
//! let analysis = extractor.extract(text);
//!
//! // The scare quote is not speech; the reported clause is (kind Indirect).
//! let found: Vec<(&str, &str)> = analysis
//!     .quotes
//!     .iter()
//!     .map(|q| (q.span.text(text), q.speaker.unwrap().text(text)))
//!     .collect();
//! assert_eq!(
//!     found,
//!     [("\u{201C}We are ready to talk,\u{201D}", "she"), ("the bridge would reopen", "The mayor")]
//! );
//! assert_eq!(analysis.quotes[1].kind, whosaid::QuoteKind::Indirect);
//! assert_eq!(analysis.quotes[0].cue.unwrap().text(text), "said");
//! ```
//!
//! Spans in an [`Analysis`] are UTF-8 byte offsets. For JSON, with the UTF-16 offsets that
//! JavaScript uses, build a [`Report`]:
//!
//! ```
//! use whosaid::{Extractor, Options, Report};
//!
//! let text = "\u{1F4E2} \"Vote today,\" the mayor said.";
//! let analysis = Extractor::new().extract(text);
//! let report = Report::new(text, &analysis, &Options::default());
//! assert_eq!(report.quotes[0].start, 3); // the emoji is two UTF-16 units, then a space
//! assert!(report.to_json().starts_with("{\"quotes\":[{\"start\":3,"));
//! ```
//!
//! ## The pipeline
//!
//! `segment` (paragraphs, sentences, tokens) and `doc` (cues found once) → `marks` (quote
//! marks classified) → `quotes` (marks paired into spans) → `speech` (speech or not) →
//! `attribution` with `phrases` (speaker and cue) → `reported` (reported speech) →
//! `resolve` with `actors` (speakers and pronouns to actors) → [`Analysis`] → [`Report`]
//! (UTF-16 JSON).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod actors;
pub mod analysis;
pub mod attribution;
pub mod chars;
mod control;
pub mod doc;
pub mod html;
pub mod jsonl;
pub mod keyed;
pub mod kind;
pub mod lexicon;
pub mod marks;
pub mod names;
pub mod options;
mod order;
pub mod phrases;
pub mod quotes;
pub mod report;
pub mod reported;
pub mod resolve;
pub mod segment;
pub mod span;
pub(crate) mod speaker_form;
pub mod speech;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use actors::{Actor, ActorKind, Mention, MentionKind};
pub use analysis::{Analysis, Extractor, Quote, QuoteKind, Rejected};
pub use options::{Error, ErrorKind, Options};
pub use report::Report;
pub use span::Span;
pub use speech::NotSpeech;

/// The README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The crate version, as `version()` reports it in JS.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Analyses `text` with `options` and hands its JSON record to `with` (the record borrows
/// the text and the analysis): the function behind both the CLI's `--json` output and the
/// wasm `analyze`.
pub fn with_report<T>(text: &str, options: &Options, with: impl FnOnce(&Report<'_>) -> T) -> T {
    let analysis = Extractor::new().extract(text);
    with(&Report::new(text, &analysis, options))
}
