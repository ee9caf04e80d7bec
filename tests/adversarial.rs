//! Hostile inputs (issue 8) at a tenth of their benchmark size: each is analysed without a
//! panic, every span of the result lies in the text on character boundaries, and the JSON
//! report's UTF-16 offsets fit the text. Their time against ordinary text of the same size is
//! measured by `cargo bench --bench adversarial`, not here.

#[path = "../benches/inputs/hostile.rs"]
mod hostile;

use whosaid::{Extractor, Options, Report, Span};

fn valid(text: &str, span: Span, what: &str, name: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{name}: {what} {span:?} is not a span of the text"
    );
}

#[test]
fn every_hostile_input_gives_a_valid_analysis() {
    let extractor = Extractor::new();
    for (name, text) in hostile::inputs(10) {
        let analysis = extractor.extract(&text);
        for q in &analysis.quotes {
            valid(&text, q.span, "quote", name);
            for s in q.speaker.iter().chain(q.cue.iter()) {
                valid(&text, *s, "speaker or cue", name);
            }
            if let Some(a) = q.actor {
                assert!(a < analysis.actors.len(), "{name}: actor {a} out of range");
            }
        }
        for a in &analysis.actors {
            for m in &a.mentions {
                valid(&text, m.span, "mention", name);
            }
        }
        let report = Report::new(&text, &analysis, &Options::default());
        let units = text.encode_utf16().count();
        assert!(
            report
                .quotes
                .iter()
                .all(|q| q.start <= q.end && q.end <= units),
            "{name}: UTF-16 offsets beyond the text"
        );
    }
}

#[test]
fn nesting_ten_thousand_deep_does_not_overflow_the_stack() {
    // the full depth of the benchmark, on a thread with a small stack (64 KB): no recursion
    // on the depth of quotation marks
    let text = hostile::inputs(1)
        .into_iter()
        .find(|(name, _)| name.starts_with("quotes nested"))
        .map(|(_, t)| t)
        .expect("the nested input");
    let handle = std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(move || Extractor::new().extract(&text).quotes.len())
        .expect("a thread");
    assert!(handle.join().is_ok(), "analysis overflowed a 64 KB stack");
}

/// Issue 16: on every shape of the sweep (many candidates in one sentence, in three layouts),
/// the JSON is at most 20 times the input, and four times the input gives at most 4.5 times
/// the output.
#[test]
fn output_grows_with_the_input_not_faster() {
    let extractor = Extractor::new();
    let json = |text: &str| {
        let analysis = extractor.extract(text);
        Report::new(text, &analysis, &Options::default())
            .to_json()
            .len()
    };
    for ((name, small), (_, large)) in hostile::sweep(10_000)
        .into_iter()
        .zip(hostile::sweep(40_000))
    {
        let (a, b) = (json(&small), json(&large));
        assert!(
            b <= 20 * large.len(),
            "{name}: {b} bytes of JSON for {} bytes of text",
            large.len()
        );
        assert!(
            b as f64 <= 4.5 * a.max(1000) as f64,
            "{name}: 4x the input gives {b} bytes of JSON, 1x gives {a}"
        );
    }
}

/// Texts that end where a rule looks one token further: a dateline with nothing after it, a
/// distance in time, a hearer or a pro-form at the very end (found by the property tests
/// and the sweep while issue 17's rules were written); and a cue as the first word.
#[test]
fn rules_reading_ahead_or_back_stop_at_the_ends_of_the_text() {
    let extractor = Extractor::new();
    for text in [
        "U.S.``aA\u{2014}",
        "WASHINGTON \u{2014}",
        "\"Go,\" she said a few days",
        "The plan failed, she said on Thursday,",
        "He told reporters",
        "Three-quarters said the same",
        "He was asked by",
        "He said, with",
        "Mr. Lane continued to",
        // a quotation, then only a dash to the end of the text: no verb after it to read
        // (found by the fuzzer)
        "\u{201C}We wil\u{FFFD}im:\u{14}\u{FFFD}tex\0\0\0O s\u{201D} \u{2014}",
        "\u{201C}We will win the vote today, she said\u{201D} \u{2014}",
        // and those reading back from a cue stop at its start: a cue as its first word
        "saying the plan was dead.",
        "Saying it was over, she left.",
        "urging calm",
        "issued a statement saying no.",
    ] {
        let analysis = extractor.extract(text);
        for q in &analysis.quotes {
            valid(text, q.span, "quote", text);
        }
    }
}

/// A chain of the shapes that read the phrase before a verb again ("officials in officials in
/// …", "a letter seen by a letter seen by …", "who has in y who has in y …") is read once:
/// no recursion as deep as the text, and a speaker phrase of a few words, not the chain.
#[test]
fn chains_before_a_verb_are_read_once() {
    let extractor = Extractor::new();
    for link in ["officials in ", "a letter seen by ", "x, who has in y "] {
        let text = format!("{}said the plan was dead.", link.repeat(30_000));
        let analysis = extractor.extract(&text);
        for q in &analysis.quotes {
            valid(&text, q.span, "quote", link);
            if let Some(s) = q.speaker {
                assert!(s.len() < 200, "{link:?}: a speaker of {} bytes", s.len());
            }
        }
    }
}
