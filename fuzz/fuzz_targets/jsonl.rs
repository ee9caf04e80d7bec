//! Any bytes as one line of the CLI's `--jsonl` input (invalid UTF-8 replaced here, for the
//! parser's sake; the CLI refuses such a line) through `jsonl::read_line`, then `jsonl::predict`:
//!
//! - an error is a non-empty message;
//! - a line that reads gives one line of JSON: the input's `id` first, then exactly the
//!   `Report`'s fields, whose offsets select their text in the input's text (UTF-16).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use whosaid::{jsonl, Extractor, Options, Report};

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let line = String::from_utf8_lossy(data);
    let input = match jsonl::read_line(&line) {
        Ok(input) => input,
        Err(msg) => {
            assert!(
                !msg.trim().is_empty(),
                "an empty error message for {line:?}"
            );
            return;
        }
    };
    let id: Value = serde_json::from_str(input.id.get()).expect("the id is JSON");
    assert!(id.is_string() || id.is_number(), "id {id:?}");
    let extractor = EXTRACTOR.get_or_init(Extractor::new);
    let options = Options::default().with_rejected(data.first().is_some_and(|b| b & 1 == 1));
    let out = jsonl::predict(extractor, &input, &options);
    assert!(!out.contains(['\n', '\r']), "one line: {out:?}");
    let v: Value = serde_json::from_str(&out).expect("the prediction is JSON");
    assert!(
        out.starts_with(&format!("{{\"id\":{},", input.id.get())),
        "the id comes first, as written: {out:?}"
    );

    // The rest is the report of the text, field for field.
    let text = &input.text;
    let analysis = extractor.extract(text);
    let report = Report::new(text, &analysis, &options);
    let mut want: Value = serde_json::from_str(&report.to_json()).expect("the report parses");
    want.as_object_mut()
        .unwrap()
        .insert("id".into(), v["id"].clone());
    assert_eq!(v, want, "the prediction is the id and the report");
    whosaid_fuzz::check_json(&v, options.rejected);

    // Offsets within the text's UTF-16 length, selecting their text.
    let u = whosaid_fuzz::Units::new(text);
    let mut spans: Vec<&Value> = Vec::new();
    for q in v["quotes"].as_array().unwrap() {
        spans.push(q);
        spans.extend(
            [&q["speaker"], &q["cue"]]
                .into_iter()
                .filter(|s| !s.is_null()),
        );
    }
    for a in v["actors"].as_array().unwrap() {
        spans.extend(a["mentions"].as_array().unwrap());
    }
    if let Some(r) = v.get("rejected") {
        spans.extend(r.as_array().unwrap());
    }
    for s in spans {
        let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        let (start, end) = (start as usize, end as usize);
        assert!(
            start <= end && end <= u.units.len(),
            "{start}..{end} out of bounds"
        );
        assert_eq!(u.js_slice(start, end), s["text"].as_str().unwrap());
    }
});
