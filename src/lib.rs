//! # whosaid: who said what in English news text
//!
//! whosaid reads a news article and finds its **quotations** (the words between quote marks,
//! and reported speech without them), each with its **speaker** (the mention in the text:
//! "Zarif", "she", "a Pentagon spokesman") and its **cue** ("said", "wrote on Twitter"), and
//! the **actors** (people, organisations, places) that the speakers refer to. The same crate
//! runs natively (the `whosaid` command-line tool) and in the browser (WebAssembly, through
//! `src/wasm.rs`); both print the same JSON for the same text.
//!
//! ## The pipeline
//!
//! [`Extractor::extract`] runs the first nine stages in order, each reading what the ones
//! before it found; [`Report::new`] is the tenth:
//!
//! 1. **Segmenting** ([`segment`], [`doc`]): paragraphs (one a line), sentences (not after
//!    "Mr." or an initial), tokens; and every reporting cue of the [`lexicon`], in one pass.
//! 2. **Quote marks** ([`marks`]): each `"`, `'`, curly mark or guillemet classified as
//!    opening, closing, or no quote mark at all (`don't`, `'90s`, `6'2"`).
//! 3. **Quotations** ([`quotes`]): the marks paired within each paragraph; nested quotes stay
//!    inside the outer one, a quotation over several paragraphs is one group of parts.
//! 4. **Speech or not** ([`speech`]): quoted words that are a term, a title, a nickname, a
//!    scare quote, a heading or markup are set aside, with the reason ([`NotSpeech`]).
//! 5. **Attribution** ([`attribution`], with [`phrases`]): the speaker mention and the cue of
//!    each quotation, from the shapes around it (`"…," X said`, `X said: "…"`, continuation).
//! 6. **Reported speech** ([`reported`]): `X said (that) …`, `according to X, …` and their
//!    kin, as quotations of kind [`QuoteKind::Indirect`].
//! 7. **Names** ([`names`]): runs of capitalised words read as names, titles split off,
//!    datelines and sentence-initial words left out, each with the kind its words show.
//! 8. **Actors** ([`actors`]): the names merged into actors ("Zarif" is "Foreign Minister
//!    Mohammad Javad Zarif"), each with a kind, a gender when the text shows one, and titles.
//! 9. **Resolution** ([`resolve`]): each speaker mention (a name, a description, a pronoun)
//!    linked to its actor, in one pass in text order that also reads the names (7, 8).
//! 10. **Report** ([`report`]): the [`Analysis`], in UTF-8 byte spans, turned into the JSON
//!     record with UTF-16 offsets that JavaScript and the CLI see.
//!
//! ## A worked example
//!
//! An article of five paragraphs (one a line), analysed once:
//!
//! ```
//! use whosaid::{ActorKind, Extractor, NotSpeech, QuoteKind};
//!
//! let article = r#"HALIFAX — The harbour board approved a new ferry terminal on Tuesday.
//! "This is the day the waterfront comes back to life," Mayor Elena Brandt told reporters.
//! She said construction would begin in the spring.
//! "We have waited a long time," said Tom Okafor, the president of the Dockworkers Union.
//! The so-called "green corridor" to Halifax will have to wait another year."#;
//!
//! let extractor = Extractor::new(); // build once, reuse for every article
//! let analysis = extractor.extract(article);
//!
//! // Each quotation with its speaker (the mention, and the actor it refers to) and its cue.
//! let mut found = Vec::new();
//! for q in &analysis.quotes {
//!     let speaker = q.speaker.map_or("?", |s| s.text(article));
//!     let actor = q.actor.map_or("?", |a| analysis.actors[a].name.as_str());
//!     let cue = q.cue.map_or("?", |c| c.text(article));
//!     println!("{} ({}): {speaker} [{actor}], {cue}", q.span.text(article), q.kind.as_str());
//!     found.push((q.kind, speaker, actor, cue));
//! }
//! assert_eq!(
//!     found,
//!     [
//!         (QuoteKind::Direct, "Mayor Elena Brandt", "Elena Brandt", "told"),
//!         (QuoteKind::Indirect, "She", "Elena Brandt", "said"), // reported speech
//!         (QuoteKind::Direct, "Tom Okafor", "Tom Okafor", "said"),
//!     ]
//! );
//! assert_eq!(analysis.quotes[1].span.text(article), "construction would begin in the spring");
//!
//! // Each actor with its kind: the dateline "HALIFAX" is no mention, the later "Halifax" is.
//! for actor in &analysis.actors {
//!     println!("{}: {}", actor.name, actor.kind.as_str());
//! }
//! let actors: Vec<(&str, ActorKind)> =
//!     analysis.actors.iter().map(|a| (a.name.as_str(), a.kind)).collect();
//! assert_eq!(
//!     actors,
//!     [
//!         ("Elena Brandt", ActorKind::Person),
//!         ("Tom Okafor", ActorKind::Person),
//!         ("Dockworkers Union", ActorKind::Organization),
//!         ("Halifax", ActorKind::Place),
//!     ]
//! );
//! assert_eq!(analysis.actors[0].titles, ["Mayor"]);
//! assert_eq!(analysis.actors[0].quotes, [0, 1]); // indices into `analysis.quotes`
//!
//! // The scare quote is nobody's speech: set aside, with the reason.
//! let rejected = &analysis.rejected[0];
//! assert_eq!(rejected.span.text(article), r#""green corridor""#);
//! assert_eq!(rejected.reason, NotSpeech::Term);
//! ```
//!
//! It prints:
//!
//! ```text
//! "This is the day the waterfront comes back to life," (direct): Mayor Elena Brandt [Elena Brandt], told
//! construction would begin in the spring (indirect): She [Elena Brandt], said
//! "We have waited a long time," (direct): Tom Okafor [Tom Okafor], said
//! Elena Brandt: person
//! Tom Okafor: person
//! Dockworkers Union: organization
//! Halifax: place
//! ```
//!
//! ## Build once, extract many
//!
//! Building an [`Extractor`] parses the word lists (once per process: every later
//! [`Extractor::new`] shares them); [`Extractor::extract`] only reads the text. Extraction
//! cannot fail and does not panic: any string, however broken, gives an [`Analysis`]. The
//! extractor is `Copy`, `Send` and `Sync`, so threads can share one.
//!
//! ```
//! use whosaid::Extractor;
//!
//! let extractor = Extractor::new();
//! for text in ["", "\u{201C}\u{201C}\u{201C}", "\u{0}\"unclosed", "she said"] {
//!     let analysis = extractor.extract(text);
//!     assert!(analysis.quotes.iter().all(|q| q.span.end <= text.len()));
//! }
//!
//! fn shared<T: Send + Sync + Copy>(_: T) {}
//! shared(extractor);
//! ```
//!
//! ## JSON, with the offsets JavaScript uses
//!
//! Spans in an [`Analysis`] are UTF-8 byte offsets. For JSON, with UTF-16 offsets (the
//! indices of `String.prototype.slice`), build a [`Report`]; [`Options`] asks for more (the
//! rejected spans) and is the only thing that can be wrong ([`Error`]).
//!
//! ```
//! use whosaid::{Extractor, Options, Report};
//!
//! let text = "\u{1F4E2} \"Vote today,\" the mayor said.";
//! let analysis = Extractor::new().extract(text);
//! let report = Report::new(text, &analysis, &Options::default());
//! assert_eq!(report.quotes[0].start, 3); // the emoji is two UTF-16 units, then a space
//! assert_eq!(analysis.quotes[0].span.start, 5); // ... and four UTF-8 bytes
//! assert!(report.to_json().starts_with("{\"quotes\":[{\"start\":3,"));
//! ```
//!
//! ## Modules for the tools around the library
//!
//! [`jsonl`] (the CLI's `--jsonl` line format) and [`html`] (the visible text of a page) serve
//! the command-line tool. The stage modules are public so that a stage can be run, timed and
//! checked alone: the benchmarks time [`segment::Segmented::new`], [`doc::Doc::new`] and
//! [`quotes::pair`] of [`marks::classify`]; each stage's items show its rules at work.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

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
///
/// ```
/// assert_eq!(whosaid::VERSION, env!("CARGO_PKG_VERSION"));
/// assert_eq!(whosaid::VERSION.split('.').count(), 3);
/// ```
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Analyses `text` with `options` and hands its JSON record to `with` (the record borrows
/// the text and the analysis): the function behind both the CLI's `--json` output and the
/// wasm `analyze`.
///
/// ```
/// use whosaid::{with_report, Options};
///
/// let text = "\"We won,\" said Ana Ruiz.";
/// let json = with_report(text, &Options::default(), |report| report.to_json());
/// assert!(json.contains(r#""speaker":{"start":15,"end":23,"text":"Ana Ruiz"}"#));
/// ```
pub fn with_report<T>(text: &str, options: &Options, with: impl FnOnce(&Report<'_>) -> T) -> T {
    let analysis = Extractor::new().extract(text);
    with(&Report::new(text, &analysis, options))
}
