//! The JSON Lines format of the command-line tool (`whosaid --jsonl`): one
//! `{"id": …, "text": …}` object per input line, one prediction per output line (the format of
//! `../shared/eval/README.md`: the input's `id` and the [`Report`]'s fields).
//!
//! Kept in the library, apart from the command-line tool's I/O, so that the reader can be
//! tested and fuzzed on its own.

use std::collections::HashMap;

use serde_json::value::RawValue;

use crate::{Extractor, Options, Report};

/// The fields of an output line that an input field passed through (`--keep`) may not take.
///
/// ```
/// assert!(whosaid::jsonl::RESERVED.contains(&"quotes"));
/// ```
pub const RESERVED: [&str; 6] = ["id", "text", "quotes", "actors", "line", "error"];

/// One input line: the article's id (a JSON string or number, echoed back), its text, and the
/// fields asked to be passed through.
///
/// ```
/// use whosaid::jsonl::read_record;
///
/// let keep = ["url".to_string(), "date".to_string()];
/// let line = r#"{"id": 12345678901234567890, "text": "Hi.", "url": "https://example.org/a"}"#;
/// let input = read_record(line, &keep).unwrap();
/// assert_eq!(input.id.get(), "12345678901234567890"); // as written: no digit lost
/// assert_eq!(input.text, "Hi.");
/// let kept: Vec<(&str, Option<&str>)> =
///     input.kept.iter().map(|(k, v)| (k.as_str(), v.as_deref().map(|v| v.get()))).collect();
/// assert_eq!(kept, [("url", Some(r#""https://example.org/a""#)), ("date", None)]);
/// ```
#[derive(Debug, Clone)]
pub struct Input {
    /// The id: its JSON text as given, echoed back verbatim (no digit of a long number or
    /// form of a float is lost to a round trip through a number type).
    pub id: Box<RawValue>,
    /// The article's text.
    pub text: String,
    /// The fields passed through, in the order asked for: each one's JSON as given, `None`
    /// when the line has no such field (written as `null`).
    pub kept: Vec<(String, Option<Box<RawValue>>)>,
}

/// A line that cannot be analysed: what is wrong with it, and what of it could still be read
/// for its error record (the id, and the fields passed through).
///
/// ```
/// use whosaid::jsonl::read_record;
///
/// let bad = read_record(r#"{"id": "a-17", "text": 3}"#, &[]).unwrap_err();
/// assert_eq!(bad.message, "\"text\" must be a string");
/// assert_eq!(bad.id.unwrap().get(), r#""a-17""#);
/// ```
#[derive(Debug, Clone)]
pub struct BadLine {
    /// Why the line was refused: "not JSON: …", "no \"text\" field", …
    pub message: String,
    /// The line's id when it has a valid one.
    pub id: Option<Box<RawValue>>,
    /// The fields passed through, as [`Input::kept`] (all `None` when the line is no JSON
    /// object).
    pub kept: Vec<(String, Option<Box<RawValue>>)>,
}

impl BadLine {
    /// A line of which nothing could be read (not UTF-8, too long, empty).
    ///
    /// ```
    /// use whosaid::jsonl::BadLine;
    ///
    /// let bad = BadLine::unreadable("not UTF-8", &["url".to_string()]);
    /// assert_eq!(bad.record(3), r#"{"id":null,"url":null,"line":3,"error":"not UTF-8"}"#);
    /// ```
    pub fn unreadable(message: impl Into<String>, keep: &[String]) -> BadLine {
        BadLine {
            message: message.into(),
            id: None,
            kept: keep.iter().map(|k| (k.clone(), None)).collect(),
        }
    }

    /// The error record written in the line's place (`--errors=records`):
    /// `{"id": …|null, <kept fields>, "line": n, "error": "…"}`, without the newline.
    ///
    /// ```
    /// use whosaid::jsonl::read_record;
    ///
    /// let keep = ["url".to_string()];
    /// let bad = read_record(r#"{"id": 7, "url": "u"}"#, &keep).unwrap_err();
    /// assert_eq!(
    ///     bad.record(12),
    ///     r#"{"id":7,"url":"u","line":12,"error":"no \"text\" field"}"#
    /// );
    /// ```
    pub fn record(&self, line: u64) -> String {
        let mut out = String::from("{\"id\":");
        out.push_str(self.id.as_deref().map_or("null", RawValue::get));
        push_kept(&mut out, &self.kept);
        out.push_str(",\"line\":");
        out.push_str(&line.to_string());
        out.push_str(",\"error\":");
        out.push_str(&json_string(&self.message));
        out.push('}');
        out
    }
}

fn json_string(s: &str) -> String {
    // Serialising a string cannot fail.
    serde_json::to_string(s).unwrap_or_default()
}

fn push_kept(out: &mut String, kept: &[(String, Option<Box<RawValue>>)]) {
    for (name, value) in kept {
        out.push(',');
        out.push_str(&json_string(name));
        out.push(':');
        out.push_str(value.as_deref().map_or("null", RawValue::get));
    }
}

/// Checks the names of the fields to pass through (`--keep url,date`): each a field name
/// that is not one of the output's own ([`RESERVED`]), none twice.
///
/// ```
/// use whosaid::jsonl::check_keep;
///
/// let names = |s: &str| s.split(',').map(String::from).collect::<Vec<_>>();
/// assert!(check_keep(&names("url,date")).is_ok());
/// assert!(check_keep(&names("url,quotes")).unwrap_err().contains("a field of the output"));
/// assert_eq!(check_keep(&names("url,url")).unwrap_err(), "--keep: \"url\" given twice");
/// ```
pub fn check_keep(keep: &[String]) -> Result<(), String> {
    for (i, k) in keep.iter().enumerate() {
        if k.is_empty() {
            return Err("--keep: an empty field name".into());
        }
        if RESERVED.contains(&k.as_str()) {
            return Err(format!(
                "--keep: \"{k}\" is a field of the output itself ({})",
                RESERVED.join(", ")
            ));
        }
        if keep[..i].contains(k) {
            return Err(format!("--keep: \"{k}\" given twice"));
        }
    }
    Ok(())
}

/// Reads one input line. Errors say what is wrong with it, for a message that names the line.
///
/// ```
/// use whosaid::jsonl::read_line;
///
/// let input = read_line(r#"{"id": "a-17", "text": "\"Yes,\" he said."}"#).unwrap();
/// assert_eq!((input.id.get(), input.text.as_str()), (r#""a-17""#, "\"Yes,\" he said."));
/// assert_eq!(read_line(r#"{"text": "x"}"#).unwrap_err(), "no \"id\" field");
/// assert_eq!(read_line("[1]").unwrap_err(), "not a JSON object");
/// ```
pub fn read_line(line: &str) -> Result<Input, String> {
    read_record(line, &[]).map_err(|bad| bad.message)
}

/// Reads one input line, keeping the fields named in `keep` (see [`check_keep`]). A line that
/// cannot be analysed gives a [`BadLine`] with what could be read of it.
///
/// ```
/// use whosaid::jsonl::read_record;
///
/// let keep = ["date".to_string()];
/// let input = read_record(r#"{"id": 1, "text": "Hi.", "date": "2024-05-01"}"#, &keep).unwrap();
/// assert_eq!(input.kept[0].1.as_ref().unwrap().get(), r#""2024-05-01""#);
///
/// // a bad line keeps what could be read: its id and the fields to pass through
/// let bad = read_record(r#"{"id": 2, "date": "2024-05-02"}"#, &keep).unwrap_err();
/// assert_eq!(bad.message, "no \"text\" field");
/// assert_eq!(bad.id.unwrap().get(), "2");
/// assert_eq!(bad.kept[0].1.as_ref().unwrap().get(), r#""2024-05-02""#);
/// ```
pub fn read_record(line: &str, keep: &[String]) -> Result<Input, BadLine> {
    let mut obj: HashMap<String, Box<RawValue>> = serde_json::from_str(line).map_err(|e| {
        // (why it failed, read only then: not JSON at all, or JSON but no object)
        BadLine::unreadable(
            match serde_json::from_str::<&RawValue>(line) {
                Ok(raw) if !raw.get().trim_start().starts_with('{') => {
                    "not a JSON object".to_string()
                }
                _ => format!("not JSON: {e}"),
            },
            keep,
        )
    })?;
    let kept: Vec<_> = keep.iter().map(|k| (k.clone(), obj.remove(k))).collect();
    let bad =
        |message: String, id: Option<Box<RawValue>>, kept: Vec<_>| BadLine { message, id, kept };
    let Some(id) = obj.remove("id") else {
        return Err(bad("no \"id\" field".into(), None, kept));
    };
    // (the raw id was only scanned: its value is decoded to be checked, which an escaped
    // lone surrogate, "\ude00", fails)
    match serde_json::from_str::<serde_json::Value>(id.get()) {
        Err(e) => return Err(bad(format!("not JSON: {e}"), None, kept)),
        Ok(v) if !(v.is_string() || v.is_number()) => {
            return Err(bad(
                "\"id\" must be a string or a number".into(),
                None,
                kept,
            ))
        }
        Ok(_) => {}
    }
    let Some(text) = obj.remove("text") else {
        return Err(bad("no \"text\" field".into(), Some(id), kept));
    };
    match serde_json::from_str::<String>(text.get()) {
        Ok(text) => Ok(Input { id, text, kept }),
        Err(e) => {
            let message = if text.get().starts_with('"') {
                format!("not JSON: {e}")
            } else {
                "\"text\" must be a string".to_string()
            };
            Err(bad(message, Some(id), kept))
        }
    }
}

/// Analyses one input and returns its prediction line (JSON, without the newline): the id,
/// the fields kept, then the [`Report`]'s fields.
///
/// ```
/// use whosaid::jsonl::{predict, read_line};
/// use whosaid::{Extractor, Options};
///
/// let input = read_line(r#"{"id": 1e3, "text": "\"Yes,\" he said."}"#).unwrap();
/// let line = predict(&Extractor::new(), &input, &Options::default());
/// assert!(line.starts_with(r#"{"id":1e3,"quotes":[{"start":0,"end":6,"#));
/// assert!(line.ends_with(r#""actors":[]}"#));
/// ```
pub fn predict(extractor: &Extractor, input: &Input, options: &Options) -> String {
    let analysis = extractor.extract(&input.text);
    let report = Report::new(&input.text, &analysis, options).to_json();
    let mut out = String::with_capacity(report.len() + 64);
    out.push_str("{\"id\":");
    out.push_str(input.id.get());
    push_kept(&mut out, &input.kept);
    // (the report is a JSON object: its fields follow after a comma)
    match report.strip_prefix('{') {
        Some(rest) if rest != "}" => {
            out.push(',');
            out.push_str(rest);
        }
        _ => out.push('}'),
    }
    out
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

    fn keep(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn kept_fields_follow_the_id_as_written_and_null_when_absent() {
        let k = keep(&["url", "date"]);
        let input = read_record(
            r#"{"text": "Hi.", "url": "https://example.org/a?b=1", "id": 3}"#,
            &k,
        )
        .unwrap();
        let line = predict(&Extractor::new(), &input, &Options::default());
        assert!(
            line.starts_with(r#"{"id":3,"url":"https://example.org/a?b=1","date":null,"quotes":"#),
            "{line}"
        );
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert!(v["actors"].is_array());
    }

    #[test]
    fn a_bad_line_gives_an_error_record_with_what_could_be_read() {
        let k = keep(&["url"]);
        let bad = read_record(r#"{"id": "x", "url": "u", "text": 5}"#, &k).unwrap_err();
        assert_eq!(
            bad.record(4),
            r#"{"id":"x","url":"u","line":4,"error":"\"text\" must be a string"}"#
        );
        let bad = read_record("{oops", &k).unwrap_err();
        let v: serde_json::Value = serde_json::from_str(&bad.record(9)).unwrap();
        assert_eq!(v["id"], serde_json::Value::Null);
        assert_eq!(v["url"], serde_json::Value::Null);
        assert_eq!(v["line"], 9);
        assert!(v["error"].as_str().unwrap().starts_with("not JSON"));
        // an id that is no string or number is not echoed
        let bad = read_record(r#"{"id": [1], "text": "x"}"#, &[]).unwrap_err();
        assert!(bad.record(1).starts_with(r#"{"id":null,"line":1,"#));
    }

    #[test]
    fn fields_of_the_output_itself_cannot_be_kept() {
        assert!(check_keep(&keep(&["url", "date"])).is_ok());
        for names in [&["quotes"][..], &["url", "url"], &[""], &["id"]] {
            assert!(check_keep(&keep(names)).is_err(), "{names:?}");
        }
    }
}
