//! The UTF-8 → UTF-16 offset conversions against `encode_utf16`:
//!
//! - `report::utf16_offset(text, byte)` is `text[..byte].encode_utf16().count()` on a `char`
//!   boundary; inside a character it counts up to that character's start, past the end the
//!   whole text; it never panics;
//! - `Report::new`'s batch conversion (reached through an `Analysis` built here with arbitrary
//!   boundary spans: empty, repeated, at 0 and at the end, in any order) gives the same
//!   offsets, and each record's `text` is what its UTF-16 offsets select.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use whosaid::report::utf16_offset;
use whosaid::{Actor, ActorKind, Analysis, Mention, MentionKind, NotSpeech, Options, Quote};
use whosaid::{QuoteKind, Rejected, Report, Span};
use whosaid_fuzz::Units;

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    /// Positions as given (mostly far past the end) and folded into the text.
    positions: Vec<usize>,
    /// Pairs of positions for spans, folded onto char boundaries.
    spans: Vec<(u16, u16, u8)>,
}

/// The `char` boundary at or before `byte` (the text's end past it).
fn floor(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

fuzz_target!(|input: Input| {
    let text = input.text.as_str();
    let u = Units::new(text);
    for &p in &input.positions {
        for byte in [p, p % (text.len() + 2)] {
            let want = text[..floor(text, byte)].encode_utf16().count();
            assert_eq!(
                utf16_offset(text, byte),
                want,
                "utf16_offset({text:?}, {byte})"
            );
        }
    }

    // Boundary spans for a hand-made analysis; Report::new converts them in one batch.
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let span = |a: u16, b: u16| {
        let a = boundaries[a as usize % boundaries.len()];
        let b = boundaries[b as usize % boundaries.len()];
        Span::new(a.min(b), a.max(b))
    };
    let mut analysis = Analysis::default();
    let mut mentions = Vec::new();
    for &(a, b, k) in &input.spans {
        let s = span(a, b);
        match k % 4 {
            0 => analysis.quotes.push(Quote {
                span: s,
                kind: QuoteKind::Direct,
                speaker: Some(span(b, a.wrapping_add(1))),
                actor: None,
                cue: (k & 4 != 0).then(|| span(a.wrapping_mul(3), b)),
                closed: true,
                group: analysis.quotes.len(),
            }),
            1 => mentions.push(Mention {
                span: s,
                kind: MentionKind::Named,
            }),
            2 => analysis.rejected.push(Rejected {
                span: s,
                reason: NotSpeech::ScareQuote,
            }),
            _ => analysis.quotes.push(Quote {
                span: s,
                kind: QuoteKind::Indirect,
                speaker: None,
                actor: None,
                cue: None,
                closed: false,
                group: analysis.quotes.len(),
            }),
        }
    }
    analysis.actors.push(Actor {
        name: "X".into(),
        kind: ActorKind::Person,
        gender: None,
        titles: Vec::new(),
        mentions,
        quotes: Vec::new(),
    });
    let report = Report::new(text, &analysis, &Options::default().with_rejected(true));
    let check = |start: usize, end: usize, t: &str, s: Span| {
        assert_eq!(
            (start, end),
            (u.of(s.start), u.of(s.end)),
            "offsets of {s:?}"
        );
        assert_eq!(start, utf16_offset(text, s.start));
        assert_eq!(t, s.text(text));
        assert_eq!(u.js_slice(start, end), t);
    };
    for (r, q) in report.quotes.iter().zip(&analysis.quotes) {
        check(r.start, r.end, &r.text, q.span);
        if let (Some(sr), Some(s)) = (&r.speaker, q.speaker) {
            check(sr.start, sr.end, &sr.text, s);
        }
        if let (Some(cr), Some(c)) = (&r.cue, q.cue) {
            check(cr.start, cr.end, &cr.text, c);
        }
    }
    for (r, m) in report.actors[0]
        .mentions
        .iter()
        .zip(&analysis.actors[0].mentions)
    {
        check(r.start, r.end, &r.text, m.span);
    }
    for (r, x) in report.rejected.iter().flatten().zip(&analysis.rejected) {
        check(r.start, r.end, &r.text, x.span);
    }
});
