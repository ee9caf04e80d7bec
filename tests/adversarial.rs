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
