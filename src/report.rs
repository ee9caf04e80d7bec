//! The JSON record that JS and the CLI see, and the one UTF-8 → UTF-16 offset conversion.
//!
//! Inside the crate spans are UTF-8 byte offsets. Everything JSON or JS sees uses UTF-16
//! code units, the indices of `String.prototype.slice`; [`Report::new`] converts every span
//! in one pass over the text.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::options::Options;
use crate::span::Span;

/// A span as JSON sees it: UTF-16 offsets and the text it covers.
///
/// ```
/// use whosaid::report::SpanRecord;
/// use whosaid::{Extractor, Options, Report};
///
/// let text = "\u{201C}Vote early,\u{201D} Sen. Ana Ruiz said.";
/// let analysis = Extractor::new().extract(text);
/// let report = Report::new(text, &analysis, &Options::default());
/// // The curly marks are one UTF-16 unit each (three UTF-8 bytes).
/// let speaker = SpanRecord { start: 14, end: 27, text: "Sen. Ana Ruiz" };
/// assert_eq!(report.quotes[0].speaker, Some(speaker));
/// assert_eq!(analysis.quotes[0].speaker.unwrap().start, 18);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpanRecord<'a> {
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
    /// The covered text.
    pub text: &'a str,
}

/// One quotation in the JSON.
///
/// ```
/// use whosaid::{Extractor, Options, Report};
///
/// let text = "\u{201C}Vote early,\u{201D} Sen. Ana Ruiz said.";
/// let analysis = Extractor::new().extract(text);
/// let report = Report::new(text, &analysis, &Options::default());
/// let q = &report.quotes[0];
/// assert_eq!((q.start, q.end, q.text), (0, 13, "\u{201C}Vote early,\u{201D}"));
/// assert_eq!((q.kind, q.actor, q.closed, q.group), ("direct", Some(0), true, 0));
/// assert_eq!(q.cue.as_ref().unwrap().text, "said");
/// assert!(serde_json::to_string(q).unwrap().starts_with(r#"{"start":0,"end":13,"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteRecord<'a> {
    /// First UTF-16 code unit (the opening mark).
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
    /// The quotation, marks included.
    pub text: &'a str,
    /// `direct` or `indirect`.
    pub kind: &'static str,
    /// The speaker mention, or `null`.
    pub speaker: Option<SpanRecord<'a>>,
    /// Index of the speaker in `actors`, or `null`.
    pub actor: Option<usize>,
    /// The reporting cue, or `null`.
    pub cue: Option<SpanRecord<'a>>,
    /// Whether a closing mark ends this part.
    pub closed: bool,
    /// Index in `quotes` of the first part of this quotation (its own index unless it
    /// continues a quotation from an earlier paragraph).
    pub group: usize,
}

/// One mention of an actor in the JSON.
///
/// ```
/// use whosaid::report::MentionRecord;
/// use whosaid::{Extractor, Options, Report};
///
/// let text = "\u{201C}Vote early,\u{201D} Sen. Ana Ruiz said.";
/// let analysis = Extractor::new().extract(text);
/// let report = Report::new(text, &analysis, &Options::default());
/// let mention = &report.actors[0].mentions[0];
/// assert_eq!(
///     *mention,
///     MentionRecord { start: 19, end: 27, text: "Ana Ruiz", kind: "named" }
/// );
/// // (`kind` is written as "type", the name the JSON contract gives it)
/// assert_eq!(
///     serde_json::to_string(mention).unwrap(),
///     r#"{"start":19,"end":27,"text":"Ana Ruiz","type":"named"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MentionRecord<'a> {
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
    /// The covered text.
    pub text: &'a str,
    /// `named`, `role` or `pronoun`.
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// One actor in the JSON.
///
/// ```
/// use whosaid::{Extractor, Options, Report};
///
/// let text = "\u{201C}Vote early,\u{201D} Sen. Ana Ruiz said.";
/// let analysis = Extractor::new().extract(text);
/// let report = Report::new(text, &analysis, &Options::default());
/// let ruiz = &report.actors[0];
/// assert_eq!((ruiz.id, ruiz.name, ruiz.kind), (0, "Ana Ruiz", "person"));
/// assert_eq!(ruiz.titles, ["Sen."]);
/// assert_eq!(ruiz.quotes, [0]);
/// assert_eq!(report.quotes[0].actor, Some(ruiz.id));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorRecord<'a> {
    /// Its index in `actors`.
    pub id: usize,
    /// The fullest proper name found, without titles.
    pub name: &'a str,
    /// `person`, `organization` or `place`.
    pub kind: &'static str,
    /// Its titles ("Foreign Minister"), in order of first use.
    pub titles: &'a [String],
    /// Its mentions: names, descriptions and resolved pronouns.
    pub mentions: Vec<MentionRecord<'a>>,
    /// The indices in `quotes` of its quotations.
    pub quotes: &'a [usize],
}

/// A quoted span that is not speech.
///
/// ```
/// use whosaid::report::RejectedRecord;
/// use whosaid::{Extractor, Options, Report};
///
/// let text = "The so-called \u{201C}reform\u{201D} failed.";
/// let analysis = Extractor::new().extract(text);
/// let report = Report::new(text, &analysis, &Options::default().with_rejected(true));
/// assert_eq!(
///     report.rejected.unwrap(),
///     [RejectedRecord { start: 14, end: 22, text: "\u{201C}reform\u{201D}", reason: "term" }]
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RejectedRecord<'a> {
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
    /// The quoted text, marks included.
    pub text: &'a str,
    /// `markup`, `term`, `title`, `nickname`, `scare-quote` or `heading`.
    pub reason: &'static str,
}

/// The whole result as JSON sees it: what the wasm `analyze` returns and the CLI's
/// `--json` prints. It borrows the text and the analysis.
///
/// ```
/// use whosaid::{Extractor, Options, Report};
///
/// let text = "\u{201C}Vote early,\u{201D} Sen. Ana Ruiz said.";
/// let analysis = Extractor::new().extract(text);
/// let report = Report::new(text, &analysis, &Options::default());
/// assert_eq!(report.quotes.len(), 1);
/// assert_eq!(report.actors[0].name, "Ana Ruiz");
/// let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
/// assert_eq!(json["quotes"][0]["speaker"]["text"], "Sen. Ana Ruiz");
/// assert!(json.get("rejected").is_none()); // only with the `rejected` option
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report<'a> {
    /// Quotations, sorted by start.
    pub quotes: Vec<QuoteRecord<'a>>,
    /// Actors; `quotes[i].actor` indexes this list.
    pub actors: Vec<ActorRecord<'a>>,
    /// Present when the `rejected` option is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejected: Option<Vec<RejectedRecord<'a>>>,
}

/// Byte offset → UTF-16 offset, for any number of offsets of one text: the UTF-16 units
/// before each block of [`BLOCK`] bytes are counted in one pass, and an offset adds the units
/// of its block's bytes before it. No sorting, no search; memory is a word per block.
struct Utf16Offsets<'t> {
    bytes: &'t [u8],
    /// The UTF-16 units of the text before each block, and after the last.
    blocks: Vec<usize>,
    /// Whether each block is all ASCII (its units are its bytes). Not to be read off the
    /// unit counts: a block may hold as many units as bytes and not be ASCII (a 4-byte
    /// character starting at its end counts two units for its one byte there).
    ascii: Vec<bool>,
}

/// The bytes of a block of [`Utf16Offsets`].
const BLOCK: usize = 64;

/// The UTF-16 code units of UTF-8 `bytes` that start and end on character boundaries: one
/// for each byte that starts a character, one more for a 4-byte character (a surrogate pair).
fn utf16_units(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

impl<'t> Utf16Offsets<'t> {
    fn new(text: &'t str) -> Utf16Offsets<'t> {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 2);
        let mut ascii = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut units = 0;
        for block in bytes.chunks(BLOCK) {
            blocks.push(units);
            units += utf16_units(block);
            ascii.push(block.is_ascii());
        }
        blocks.push(units);
        Utf16Offsets {
            bytes,
            blocks,
            ascii,
        }
    }

    /// The UTF-16 offset of byte `byte` (a character boundary of the text, as every span's
    /// ends are).
    fn get(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let block = byte / BLOCK;
        let before = self.blocks[block];
        if self.ascii.get(block) == Some(&true) {
            return before + byte - block * BLOCK; // one unit a byte
        }
        before + utf16_units(&self.bytes[block * BLOCK..byte])
    }
}

/// Converts a single byte offset of `text` to UTF-16 code units: the units of
/// `text[..byte]`. Never panics: an offset inside a character counts up to that character's
/// start, an offset past the end counts the whole text.
///
/// For the spans of an analysis, [`Report::new`] converts them all in one pass.
///
/// ```
/// use whosaid::report::utf16_offset;
///
/// let text = "\u{1F4E2} caf\u{E9}"; // an emoji (4 bytes, 2 units), a space, "café"
/// assert_eq!(utf16_offset(text, 4), 2);
/// assert_eq!(utf16_offset(text, text.len()), 7);
/// assert_eq!(utf16_offset(text, 2), 0); // inside the emoji: counts to its start
/// assert_eq!(utf16_offset(text, 99), 7); // past the end: the whole text
/// ```
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    // (slicing inside a character would panic; `floor_char_boundary` needs Rust 1.91)
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    utf16_units(&text.as_bytes()[..byte])
}

/// The largest result the wasm API builds for a text of `bytes` bytes, in bytes of JSON
/// ([`Report::size_hint`]): 32 times the text (the analysis gives at most about 20; ordinary
/// news about 3), at least 1 MB, at most 256 MB. A result past it would be a fault, and
/// built as JS objects it could exhaust the page's heap, which no caller can recover from.
///
/// ```
/// use whosaid::report::result_limit;
///
/// assert_eq!(result_limit(5_000), 1 << 20); // an article: the 1 MB floor
/// assert_eq!(result_limit(1 << 20), 32 << 20);
/// assert_eq!(result_limit(1 << 30), 256 << 20); // the ceiling
/// ```
pub fn result_limit(bytes: usize) -> usize {
    bytes.saturating_mul(32).clamp(1 << 20, 256 << 20)
}

impl<'a> Report<'a> {
    /// Builds the JSON record for `analysis` of `text`.
    ///
    /// ```
    /// use whosaid::{Extractor, Options, Report};
    ///
    /// let text = "\u{1F4E2} \"Vote today,\" the mayor said.";
    /// let analysis = Extractor::new().extract(text);
    /// let report = Report::new(text, &analysis, &Options::default());
    /// let q = &report.quotes[0];
    /// // UTF-16 offsets: what `text.slice(start, end)` in JavaScript takes
    /// assert_eq!((q.start, q.end), (3, 16));
    /// let utf16: Vec<u16> = text.encode_utf16().collect();
    /// assert_eq!(String::from_utf16(&utf16[q.start..q.end]).unwrap(), q.text);
    /// ```
    pub fn new(text: &'a str, analysis: &'a Analysis, options: &Options) -> Report<'a> {
        let map = Utf16Offsets::new(text);
        let span = |s: Span| SpanRecord {
            start: map.get(s.start),
            end: map.get(s.end),
            text: s.text(text),
        };
        Report {
            quotes: analysis
                .quotes
                .iter()
                .map(|q| QuoteRecord {
                    start: map.get(q.span.start),
                    end: map.get(q.span.end),
                    text: q.span.text(text),
                    kind: q.kind.as_str(),
                    speaker: q.speaker.map(span),
                    actor: q.actor,
                    cue: q.cue.map(span),
                    closed: q.closed,
                    group: q.group,
                })
                .collect(),
            actors: analysis
                .actors
                .iter()
                .enumerate()
                .map(|(id, a)| ActorRecord {
                    id,
                    name: &a.name,
                    kind: a.kind.as_str(),
                    titles: &a.titles,
                    mentions: a
                        .mentions
                        .iter()
                        .map(|m| {
                            let SpanRecord { start, end, text } = span(m.span);
                            MentionRecord {
                                start,
                                end,
                                text,
                                kind: m.kind.as_str(),
                            }
                        })
                        .collect(),
                    quotes: &a.quotes,
                })
                .collect(),
            rejected: options.rejected.then(|| {
                analysis
                    .rejected
                    .iter()
                    .map(|r| RejectedRecord {
                        start: map.get(r.span.start),
                        end: map.get(r.span.end),
                        text: r.span.text(text),
                        reason: r.reason.as_str(),
                    })
                    .collect()
            }),
        }
    }

    /// About how many bytes the record's JSON takes, counted from its records without
    /// writing it (within about a tenth: each number is taken as five digits, each string as
    /// needing no escapes). The wasm API refuses a result over its limit
    /// ([`result_limit`]) before building it as JS objects.
    ///
    /// ```
    /// use whosaid::{Extractor, Options, Report};
    ///
    /// let text = "\"The plan is sound,\" Finance Minister Lena Berg told reporters. ".repeat(20);
    /// let analysis = Extractor::new().extract(&text);
    /// let report = Report::new(&text, &analysis, &Options::default());
    /// let (hint, json) = (report.size_hint(), report.to_json().len());
    /// assert!(hint.abs_diff(json) <= json / 8, "{hint} for {json}"); // about a tenth off
    /// ```
    pub fn size_hint(&self) -> usize {
        const NUMBER: usize = 5;
        let span =
            |s: &Option<SpanRecord>| s.as_ref().map_or(4, |s| 28 + 2 * NUMBER + s.text.len());
        let quotes: usize = self
            .quotes
            .iter()
            .map(|q| 95 + 4 * NUMBER + q.text.len() + span(&q.speaker) + span(&q.cue))
            .sum();
        let actors: usize = self
            .actors
            .iter()
            .map(|a| {
                let titles: usize = a.titles.iter().map(|t| t.len() + 3).sum();
                let mentions: usize = a
                    .mentions
                    .iter()
                    .map(|m| 45 + 2 * NUMBER + m.text.len())
                    .sum();
                70 + NUMBER + a.name.len() + titles + mentions + a.quotes.len() * (NUMBER + 1)
            })
            .sum();
        let rejected: usize = self
            .rejected
            .iter()
            .flatten()
            .map(|r| 50 + 2 * NUMBER + r.text.len())
            .sum();
        30 + quotes + actors + rejected
    }

    /// The record as compact JSON, exactly as the wasm API returns it.
    ///
    /// ```
    /// use whosaid::{Extractor, Options, Report};
    ///
    /// let text = "\"Yes,\" he said.";
    /// let analysis = Extractor::new().extract(text);
    /// let json = Report::new(text, &analysis, &Options::default()).to_json();
    /// assert_eq!(
    ///     json,
    ///     concat!(
    ///         r#"{"quotes":[{"start":0,"end":6,"text":"\"Yes,\"","kind":"direct","#,
    ///         r#""speaker":{"start":7,"end":9,"text":"he"},"actor":null,"#,
    ///         r#""cue":{"start":10,"end":14,"text":"said"},"closed":true,"group":0}],"#,
    ///         r#""actors":[]}"#,
    ///     )
    /// );
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a report always serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_hint_is_within_a_tenth_of_the_json() {
        let texts = [
            "",
            "\u{201C}We won,\u{201D} said Mayor Ana Ruiz. She said the vote was fair. \u{1F600}",
            &"\"The plan is sound,\" Finance Minister Lena Berg told reporters on Friday. "
                .repeat(50),
        ];
        for text in texts {
            let analysis = crate::Extractor::new().extract(text);
            for options in [Options::default(), Options::default().with_rejected(true)] {
                let report = Report::new(text, &analysis, &options);
                let (hint, json) = (report.size_hint() as f64, report.to_json().len() as f64);
                assert!(
                    (hint - json).abs() <= 0.1 * json + 40.0,
                    "{hint} for {json}: {text:?}"
                );
            }
        }
    }

    #[test]
    fn offsets_count_utf16_units() {
        let text = "a\u{201C}b\u{1F600}c";
        let m = Utf16Offsets::new(text);
        assert_eq!([0, 1, 4, 5, 9, 10].map(|b| m.get(b)), [0, 1, 2, 3, 5, 6]);
        // across blocks: every boundary of a text longer than a few blocks
        // (and ASCII blocks, a unit a byte, beside others; a text that ends a block)
        let mixed = format!(
            "{}{}",
            "plain".repeat(40),
            "\u{e9}\u{201C}\u{1F600}".repeat(20)
        );
        // (a block as long in units as in bytes that is not ASCII: a 2-byte character, then a
        // 4-byte one starting on the block's last byte; found by the fuzz target `extract`)
        let straddling = format!("{}\u{e9}\u{1F600}{}", "x".repeat(61), "y".repeat(70));
        for long in [
            "a\u{e9}\u{201C}\u{1F600}".repeat(50),
            mixed,
            "x".repeat(128),
            straddling,
        ] {
            let m = Utf16Offsets::new(&long);
            for (b, _) in long.char_indices().chain([(long.len(), ' ')]) {
                assert_eq!(m.get(b), long[..b].encode_utf16().count(), "byte {b}");
            }
        }
        assert_eq!(utf16_offset(text, 9), 5);
        // Inside a character: its start (found by the fuzz target `utf16`; slicing there
        // panicked). Past the end: the whole text.
        assert_eq!(
            [2, 3, 6, 7, 8, 11, usize::MAX].map(|b| utf16_offset(text, b)),
            [1, 1, 3, 3, 3, 6, 6]
        );
    }
}
