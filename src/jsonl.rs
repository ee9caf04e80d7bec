//! The JSON Lines format of the command-line tool (`whosaid --jsonl`): one
//! `{"id": …, "text": …}` object per input line, one prediction per output line (the format of
//! `../shared/eval/README.md`: the input's `id` and the [`Report`]'s fields).
//!
//! Kept in the library, apart from the command-line tool's I/O, so that the reader can be
//! tested and fuzzed on its own.

use std::collections::HashMap;

use serde_json::value::RawValue;

use crate::{Extractor, Options, Report};

/// One input line: the article's id (a JSON string or number, echoed back) and its text.
#[derive(Debug, Clone)]
pub struct Input {
    /// The id: its JSON text as given, echoed back verbatim (no digit of a long number or
    /// form of a float is lost to a round trip through a number type).
    pub id: Box<RawValue>,
    /// The article's text.
    pub text: String,
}

/// Reads one input line. Errors say what is wrong with it, for a message that names the line.
pub fn read_line(line: &str) -> Result<Input, String> {
    let mut obj: HashMap<String, Box<RawValue>> = serde_json::from_str(line).map_err(|e| {
        // (why it failed, read only then: not JSON at all, or JSON but no object)
        match serde_json::from_str::<&RawValue>(line) {
            Ok(raw) if !raw.get().trim_start().starts_with('{') => "not a JSON object".to_string(),
            _ => format!("not JSON: {e}"),
        }
    })?;
    let id = obj.remove("id").ok_or("no \"id\" field")?;
    // (the raw id was only scanned: its value is decoded to be checked, which an escaped
    // lone surrogate, "\ude00", fails)
    let value: serde_json::Value =
        serde_json::from_str(id.get()).map_err(|e| format!("not JSON: {e}"))?;
    if !(value.is_string() || value.is_number()) {
        return Err("\"id\" must be a string or a number".into());
    }
    let text = obj.remove("text").ok_or("no \"text\" field")?;
    let text: String = serde_json::from_str(text.get()).map_err(|e| {
        if text.get().starts_with('"') {
            format!("not JSON: {e}")
        } else {
            "\"text\" must be a string".to_string()
        }
    })?;
    Ok(Input { id, text })
}

#[derive(serde::Serialize)]
struct Prediction<'a> {
    id: &'a RawValue,
    #[serde(flatten)]
    report: &'a Report<'a>,
}

/// Analyses one input and returns its prediction line (JSON, without the newline).
pub fn predict(extractor: &Extractor, input: &Input, options: &Options) -> String {
    let analysis = extractor.extract(&input.text);
    let report = Report::new(&input.text, &analysis, options);
    let record = Prediction {
        id: &input.id,
        report: &report,
    };
    // Serialising plain structs of strings and numbers into a String cannot fail.
    serde_json::to_string(&record).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_gives_its_id_and_text() {
        let input = read_line(r#"{"id": 7, "text": "Hi.", "extra": true}"#).unwrap();
        assert_eq!(input.id.get(), "7");
        assert_eq!(input.text, "Hi.");
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        for (line, msg) in [
            ("[1]", "not a JSON object"),
            (r#"{"text": "x"}"#, "no \"id\" field"),
            (
                r#"{"id": null, "text": "x"}"#,
                "\"id\" must be a string or a number",
            ),
            (r#"{"id": "a"}"#, "no \"text\" field"),
            (r#"{"id": "a", "text": 3}"#, "\"text\" must be a string"),
        ] {
            assert_eq!(read_line(line).unwrap_err(), msg, "{line}");
        }
        assert!(read_line("{").unwrap_err().starts_with("not JSON"));
        // an escaped lone surrogate is no string (found by the fuzz target jsonl)
        for line in [
            r#"{"id": "a\ude00", "text": "x"}"#,
            r#"{"id": "a", "text": "x\ud800"}"#,
        ] {
            assert!(
                read_line(line).unwrap_err().starts_with("not JSON"),
                "{line}"
            );
        }
    }

    #[test]
    fn ids_come_back_as_written() {
        for id in [
            "123456789012345678901234567890",
            "-0.0",
            "1e3",
            "2.50",
            r#""doc \u00e9 7""#,
        ] {
            let input = read_line(&format!(r#"{{"id": {id}, "text": "Hi."}}"#)).unwrap();
            let line = predict(&Extractor::new(), &input, &Options::default());
            assert!(line.starts_with(&format!(r#"{{"id":{id},"#)), "{line}");
        }
    }

    #[test]
    fn a_prediction_echoes_the_id_first() {
        let input = read_line(r#"{"id": "doc-1", "text": "\"Yes,\" she said."}"#).unwrap();
        let line = predict(&Extractor::new(), &input, &Options::default());
        assert!(
            line.starts_with(r#"{"id":"doc-1","quotes":[{"start":0,"#),
            "{line}"
        );
    }
}
