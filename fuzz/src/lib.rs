//! The invariants the fuzz targets check, shared by them.
//!
//! They restate what the library promises (`src/analysis.rs`, `src/report.rs`, the README's
//! JSON contract) and what `tests/properties.rs` already asserts, so that a fuzz failure means
//! a broken promise, not a disagreement about the output's quality:
//!
//! - every span (quotation, speaker, cue, actor mention, rejected span) is non-empty, inside
//!   the text and on `char` boundaries;
//! - quotations are sorted by start (a reported clause before the quotation it contains);
//!   direct quotations never overlap one another, nor a rejected span; rejected spans are
//!   sorted by start;
//! - every index is valid: a quotation's `group` is its first part (an earlier or the same
//!   quotation, of the same kind, that is its own group), its `actor` an actor, an actor's
//!   `quotes` exactly the quotations that name it, in order; every actor has a name and at
//!   least one mention, and its mentions are sorted;
//! - the [`Report`] says the same thing in UTF-16: each offset is
//!   `text[..byte].encode_utf16().count()`, each `text` field the slice it covers, and its
//!   JSON parses, with `null` rather than absent fields.

use serde_json::Value;
use whosaid::{Analysis, Options, QuoteKind, Report, Span};

/// UTF-16 offsets of every `char` boundary of `text`, by byte (`None` inside a character),
/// counted with `encode_utf16`, independently of the library's own conversion.
pub struct Units {
    at: Vec<Option<usize>>,
    /// The text as UTF-16 code units, as JavaScript sees it.
    pub units: Vec<u16>,
}

impl Units {
    /// The table for `text`.
    pub fn new(text: &str) -> Units {
        let mut at = vec![None; text.len() + 1];
        let mut n = 0;
        let mut buf = [0u16; 2];
        for (i, c) in text.char_indices() {
            at[i] = Some(n);
            n += c.encode_utf16(&mut buf).len();
        }
        at[text.len()] = Some(n);
        debug_assert_eq!(n, text.encode_utf16().count());
        Units {
            at,
            units: text.encode_utf16().collect(),
        }
    }

    /// `text[..byte].encode_utf16().count()`, for a byte offset on a `char` boundary.
    pub fn of(&self, byte: usize) -> usize {
        self.at[byte].expect("a char boundary")
    }

    /// `text.slice(start, end)` in JavaScript.
    pub fn js_slice(&self, start: usize, end: usize) -> String {
        assert!(
            start <= end && end <= self.units.len(),
            "UTF-16 range {start}..{end} outside 0..{}",
            self.units.len()
        );
        String::from_utf16(&self.units[start..end])
            .unwrap_or_else(|_| panic!("UTF-16 range {start}..{end} splits a surrogate pair"))
    }
}

/// A span of the analysis: non-empty, inside `text`, on `char` boundaries.
pub fn check_span(text: &str, s: Span, what: &str) {
    assert!(s.start < s.end, "{what}: empty or reversed span {s:?}");
    assert!(
        s.end <= text.len(),
        "{what}: span {s:?} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what}: span {s:?} splits a character"
    );
}

/// Every invariant of an [`Analysis`] of `text`.
pub fn check_analysis(text: &str, a: &Analysis) {
    let mut prev: Option<Span> = None;
    let mut prev_direct_end = 0;
    for (i, q) in a.quotes.iter().enumerate() {
        check_span(text, q.span, "quote");
        if let Some(p) = prev {
            // sorted by start; at the same start, the longer first (a reported clause before
            // the quotation it contains)
            assert!(
                (p.start, std::cmp::Reverse(p.end))
                    <= (q.span.start, std::cmp::Reverse(q.span.end)),
                "quotes unsorted: {p:?} before {:?}",
                q.span
            );
        }
        prev = Some(q.span);
        if q.kind == QuoteKind::Direct {
            assert!(
                q.span.start >= prev_direct_end,
                "direct quotes overlap at {:?}",
                q.span
            );
            prev_direct_end = q.span.end;
        }
        if let Some(s) = q.speaker {
            check_span(text, s, "speaker");
        }
        if let Some(c) = q.cue {
            check_span(text, c, "cue");
        }
        assert!(
            q.group <= i,
            "quote {i}: group {} is a later quote",
            q.group
        );
        let first = &a.quotes[q.group];
        assert_eq!(
            first.group, q.group,
            "quote {i}: its group's first part is in another group"
        );
        assert_eq!(
            first.kind, q.kind,
            "quote {i}: a group mixes direct and indirect parts"
        );
        if let Some(actor) = q.actor {
            assert!(
                actor < a.actors.len(),
                "quote {i}: dangling actor index {actor}"
            );
            assert!(
                a.actors[actor].quotes.contains(&i),
                "quote {i}: its actor {actor} does not list it"
            );
        }
    }
    for (id, actor) in a.actors.iter().enumerate() {
        assert!(!actor.name.is_empty(), "actor {id} has no name");
        assert!(!actor.mentions.is_empty(), "actor {id} has no mention");
        for m in &actor.mentions {
            check_span(text, m.span, "mention");
        }
        assert!(
            actor.mentions.windows(2).all(|w| w[0] <= w[1]),
            "actor {id}: mentions unsorted"
        );
        assert!(
            actor.quotes.windows(2).all(|w| w[0] < w[1]),
            "actor {id}: quote ids not increasing"
        );
        for &q in &actor.quotes {
            assert!(q < a.quotes.len(), "actor {id}: dangling quote index {q}");
            assert_eq!(
                a.quotes[q].actor,
                Some(id),
                "actor {id} lists quote {q}, not its own"
            );
        }
    }
    let mut prev_start = 0;
    for r in &a.rejected {
        check_span(text, r.span, "rejected");
        assert!(r.span.start >= prev_start, "rejected spans unsorted");
        prev_start = r.span.start;
    }
    // A quoted span is either speech or not: no rejected span overlaps a direct quotation.
    for q in a.quotes.iter().filter(|q| q.kind == QuoteKind::Direct) {
        let from = a.rejected.partition_point(|r| r.span.end <= q.span.start);
        if let Some(r) = a.rejected.get(from) {
            assert!(
                !r.span.overlaps(q.span),
                "rejected {:?} overlaps direct quote {:?}",
                r.span,
                q.span
            );
        }
    }
}

/// One span record of the report against the byte span it comes from.
fn check_record(u: &Units, text: &str, (start, end, t): (usize, usize, &str), s: Span, what: &str) {
    assert_eq!(
        (start, end),
        (u.of(s.start), u.of(s.end)),
        "{what}: UTF-16 offsets of {s:?}"
    );
    assert_eq!(t, s.text(text), "{what}: text of {s:?}");
    assert_eq!(
        u.js_slice(start, end),
        t,
        "{what}: JS slice of {start}..{end}"
    );
}

/// Every invariant of the [`Report`] of `analysis` (already checked) with `options`.
pub fn check_report(text: &str, a: &Analysis, options: &Options, r: &Report) {
    let u = Units::new(text);
    assert_eq!(r.quotes.len(), a.quotes.len(), "report: number of quotes");
    for (i, (qr, q)) in r.quotes.iter().zip(&a.quotes).enumerate() {
        let what = format!("quote {i}");
        check_record(&u, text, (qr.start, qr.end, &qr.text), q.span, &what);
        assert_eq!(qr.kind, q.kind.as_str(), "{what}: kind");
        assert_eq!(
            (qr.actor, qr.closed, qr.group),
            (q.actor, q.closed, q.group),
            "{what}"
        );
        assert_eq!(qr.speaker.is_some(), q.speaker.is_some(), "{what}: speaker");
        if let (Some(sr), Some(s)) = (&qr.speaker, q.speaker) {
            check_record(&u, text, (sr.start, sr.end, &sr.text), s, &what);
        }
        assert_eq!(qr.cue.is_some(), q.cue.is_some(), "{what}: cue");
        if let (Some(cr), Some(c)) = (&qr.cue, q.cue) {
            check_record(&u, text, (cr.start, cr.end, &cr.text), c, &what);
        }
    }
    assert_eq!(r.actors.len(), a.actors.len(), "report: number of actors");
    for (id, (ar, actor)) in r.actors.iter().zip(&a.actors).enumerate() {
        assert_eq!(ar.id, id, "actor id is its index");
        assert_eq!(
            (ar.name, ar.titles, ar.quotes),
            (
                actor.name.as_str(),
                actor.titles.as_slice(),
                actor.quotes.as_slice()
            )
        );
        assert_eq!(ar.kind, actor.kind.as_str());
        assert_eq!(ar.mentions.len(), actor.mentions.len());
        for (mr, m) in ar.mentions.iter().zip(&actor.mentions) {
            check_record(&u, text, (mr.start, mr.end, &mr.text), m.span, "mention");
            assert_eq!(mr.kind, m.kind.as_str());
        }
    }
    match &r.rejected {
        None => assert!(!options.rejected, "rejected asked for but absent"),
        Some(rejected) => {
            assert!(options.rejected, "rejected present but not asked for");
            assert_eq!(rejected.len(), a.rejected.len());
            for (rr, x) in rejected.iter().zip(&a.rejected) {
                check_record(&u, text, (rr.start, rr.end, &rr.text), x.span, "rejected");
                assert_eq!(rr.reason, x.reason.as_str());
            }
        }
    }
    let json = r.to_json();
    assert!(!json.contains('\n'), "the JSON is one line");
    let v: Value = serde_json::from_str(&json).expect("the report's JSON parses");
    check_json(&v, options.rejected);
}

/// The JSON record's shape: every field there, `null` rather than absent.
pub fn check_json(v: &Value, rejected: bool) {
    let has = |o: &Value, keys: &[&str], what: &str| {
        let o = o
            .as_object()
            .unwrap_or_else(|| panic!("{what} is not an object"));
        for k in keys {
            assert!(o.contains_key(*k), "{what} has no {k:?}");
        }
    };
    has(v, &["quotes", "actors"], "the record");
    assert_eq!(
        v.get("rejected").is_some(),
        rejected,
        "rejected present iff asked for"
    );
    for q in v["quotes"].as_array().expect("quotes is an array") {
        let fields = [
            "start", "end", "text", "kind", "speaker", "actor", "cue", "closed", "group",
        ];
        has(q, &fields, "a quote");
        for s in [&q["speaker"], &q["cue"]] {
            if !s.is_null() {
                has(s, &["start", "end", "text"], "a speaker or cue");
            }
        }
    }
    for a in v["actors"].as_array().expect("actors is an array") {
        has(
            a,
            &["id", "name", "kind", "titles", "mentions", "quotes"],
            "an actor",
        );
        for m in a["mentions"].as_array().expect("mentions is an array") {
            has(m, &["start", "end", "text", "type"], "a mention");
        }
    }
}

/// Extracts, then checks the analysis and its report with and without rejected spans.
pub fn check_text(extractor: &whosaid::Extractor, text: &str) -> Analysis {
    let analysis = extractor.extract(text);
    check_analysis(text, &analysis);
    let with = Options::default().with_rejected(true);
    let report = Report::new(text, &analysis, &with);
    check_report(text, &analysis, &with, &report);
    let plain = Report::new(text, &analysis, &Options::default());
    assert!(plain.rejected.is_none());
    // the output grows with the text, not faster (issue 16): the JSON is about 20x the text
    // at most; 64x and a few KB leave room for the shortest texts, not for a blow-up
    let json = plain.to_json().len();
    assert!(
        json <= 64 * text.len() + 4096,
        "{json} bytes of JSON for {} bytes of text",
        text.len()
    );
    assert_eq!(
        (&plain.quotes, &plain.actors),
        (&report.quotes, &report.actors)
    );
    analysis
}
