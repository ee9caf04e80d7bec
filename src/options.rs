//! Caller options, and the one error type of the crate.

use std::fmt;

/// What to include in an analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Options {
    /// Also list the quoted spans judged not to be speech (scare quotes, titles, nicknames),
    /// with the reason, under `rejected`.
    pub rejected: bool,
    /// The largest result the wasm API builds, in bytes of JSON (about: see
    /// [`Report::size_hint`](crate::Report::size_hint)); a larger one is refused with an
    /// error. `None`: [`result_limit`](crate::report::result_limit) of the text.
    pub max_result: Option<usize>,
}

impl Options {
    /// The option names accepted in a JSON or JS options object.
    pub const NAMES: &'static [&'static str] = &["rejected", "maxResult"];

    /// These options with `rejected` set to `on`.
    pub fn with_rejected(mut self, on: bool) -> Options {
        self.rejected = on;
        self
    }

    /// Sets option `name` from a value: the one place options are validated, for JSON and
    /// for JS. Unknown names and wrong types are errors that name the option; a null value
    /// leaves the default.
    pub fn set(&mut self, name: &str, value: OptionValue<'_>) -> Result<(), Error> {
        match (name, value) {
            ("rejected", OptionValue::Bool(b)) => self.rejected = b,
            ("rejected", OptionValue::Null) => {}
            ("rejected", _) => {
                return Err(Error::new(
                    ErrorKind::BadValue,
                    format!(
                        "option \"rejected\" must be a boolean, not {}",
                        value.shown()
                    ),
                ));
            }
            ("maxResult", OptionValue::Number(n, _)) if n >= 0.0 && n.fract() == 0.0 => {
                // (a float that large is past any memory: as usize, it saturates)
                self.max_result = Some(n as usize);
            }
            ("maxResult", OptionValue::Null) => {}
            ("maxResult", _) => {
                return Err(Error::new(
                    ErrorKind::BadValue,
                    format!(
                        "option \"maxResult\" must be a whole number of bytes, not {}",
                        value.shown()
                    ),
                ));
            }
            _ => {
                return Err(Error::new(
                    ErrorKind::UnknownOption,
                    // (the names written out: a `join` would ship a routine of its own)
                    format!("unknown option \"{name}\" (known options: rejected, maxResult)"),
                ));
            }
        }
        Ok(())
    }

    /// Reads options from a JSON object (`null` gives the defaults).
    pub fn from_json(value: &serde_json::Value) -> Result<Options, Error> {
        let mut opts = Options::default();
        let obj = match value {
            serde_json::Value::Null => return Ok(opts),
            serde_json::Value::Object(o) => o,
            other => {
                return Err(Error::new(
                    ErrorKind::NotAnObject,
                    format!("options must be an object, not {other}"),
                ));
            }
        };
        for (name, v) in obj {
            let shown = v.to_string();
            let value = match v {
                serde_json::Value::Bool(b) => OptionValue::Bool(*b),
                serde_json::Value::Null => OptionValue::Null,
                serde_json::Value::Number(n) => {
                    OptionValue::Number(n.as_f64().unwrap_or(f64::NAN), &shown)
                }
                _ => OptionValue::Other(&shown),
            };
            opts.set(name, value)?;
        }
        Ok(opts)
    }

    /// The error for options that are not an object at all.
    pub fn not_an_object(what: &str) -> Error {
        Error::new(
            ErrorKind::NotAnObject,
            format!("options must be a plain object such as {{ rejected: true }}, not {what}"),
        )
    }
}

/// An option's value as the caller gave it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OptionValue<'a> {
    /// `true` or `false`.
    Bool(bool),
    /// `null` (or `undefined` from JS): the default.
    Null,
    /// A number, and how it reads.
    Number(f64, &'a str),
    /// Anything else, as it reads ("\"yes\"", "3").
    Other(&'a str),
}

impl OptionValue<'_> {
    /// The value as the caller wrote it, for an error message.
    fn shown(self) -> String {
        match self {
            OptionValue::Bool(b) => b.to_string(),
            OptionValue::Null => "null".to_string(),
            OptionValue::Number(_, shown) | OptionValue::Other(shown) => shown.to_string(),
        }
    }
}

/// What went wrong with the caller's options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An option name that does not exist.
    UnknownOption,
    /// An option with a value of the wrong type.
    BadValue,
    /// Options that are not an object at all.
    NotAnObject,
}

/// An error in the caller's options. Analysing text itself never fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    fn new(kind: ErrorKind, message: String) -> Error {
        Error { kind, message }
    }

    /// What kind of error it is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_result_is_a_whole_number_of_bytes() {
        let o = Options::from_json(&serde_json::json!({"maxResult": 5000})).unwrap();
        assert_eq!(o.max_result, Some(5000));
        let o = Options::from_json(&serde_json::json!({"maxResult": null})).unwrap();
        assert_eq!(o.max_result, None);
        for bad in [
            serde_json::json!(-1),
            serde_json::json!(2.5),
            serde_json::json!("5"),
            serde_json::json!(true),
        ] {
            let e = Options::from_json(&serde_json::json!({ "maxResult": bad })).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::BadValue);
            assert!(e.to_string().contains("whole number of bytes"), "{e}");
        }
    }

    #[test]
    fn unknown_option_is_named() {
        let e = Options::from_json(&serde_json::json!({"speakers": true})).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnknownOption);
        assert!(e.to_string().contains("\"speakers\""), "{e}");
        // ... and lists every known option
        for name in Options::NAMES {
            assert!(e.to_string().contains(name), "{name} missing from: {e}");
        }
    }

    #[test]
    fn wrong_type_is_named() {
        let e = Options::from_json(&serde_json::json!({"rejected": "yes"})).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BadValue);
        assert!(e.to_string().contains("rejected"));
    }

    #[test]
    fn null_and_empty_are_defaults() {
        assert_eq!(
            Options::from_json(&serde_json::Value::Null).unwrap(),
            Options::default()
        );
        assert_eq!(
            Options::from_json(&serde_json::json!({})).unwrap(),
            Options::default()
        );
        assert!(
            Options::from_json(&serde_json::json!({"rejected": true}))
                .unwrap()
                .rejected
        );
    }
}
