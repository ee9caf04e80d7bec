//! UTF-16 offsets in the JSON, checked on text with curly quotes, emoji and other scripts.
#![cfg(not(target_arch = "wasm32"))]

use whosaid::{Extractor, Options, Report};

/// Slices `text` by UTF-16 offsets, as JavaScript's `String.prototype.slice` does.
fn js_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("offsets on code point boundaries")
}

#[test]
fn curly_quotes_and_emoji_before_the_quote() {
    let text = "\u{1F4E2}\u{1F30D} \u{2018}Headline\u{2019} talk\n\n\u{201C}We are ready \u{1F91D},\u{201D} said Ana\u{A0}Lima.";
    let analysis = Extractor::new().extract(text);
    let report = Report::new(text, &analysis, &Options::default());
    let q = report.quotes.last().expect("a quotation");
    assert_eq!(
        js_slice(text, q.start, q.end),
        "\u{201C}We are ready \u{1F91D},\u{201D}"
    );
    assert_eq!(q.text, js_slice(text, q.start, q.end));
    let speaker = q.speaker.as_ref().expect("a speaker");
    assert_eq!(js_slice(text, speaker.start, speaker.end), speaker.text);
    let cue = q.cue.as_ref().expect("a cue");
    assert_eq!(js_slice(text, cue.start, cue.end), "said");
    // byte offsets would be larger: the emoji are 4 bytes but 2 units each
    assert!(q.start < text.find('\u{201C}').unwrap());
}

#[test]
fn offsets_after_right_to_left_text() {
    let text =
        "\u{5E9}\u{5DC}\u{5D5}\u{5DD} \u{645}\u{631}\u{62D}\u{628}\u{627}. \"Peace now,\" he said.";
    let analysis = Extractor::new().extract(text);
    let report = Report::new(text, &analysis, &Options::default());
    let q = &report.quotes[0];
    assert_eq!(js_slice(text, q.start, q.end), "\"Peace now,\"");
}
