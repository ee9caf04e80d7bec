//! Caller options, and the one error type of the crate.

use std::fmt;

/// What to include in an analysis's [`Report`](crate::Report).
///
/// `#[non_exhaustive]`: start from `Options::default()` and set fields, or read them from
/// JSON ([`from_json`](Options::from_json)).
///
/// ```
/// use whosaid::{Extractor, Options, Report};
///
/// let text = "Critics of the so-called \"reform\" stayed away.";
/// let analysis = Extractor::new().extract(text);
/// let plain = Report::new(text, &analysis, &Options::default());
/// assert!(plain.rejected.is_none()); // and absent from the JSON
///
/// let mut options = Options::default();
/// options.rejected = true;
/// let full = Report::new(text, &analysis, &options);
/// assert_eq!(full.rejected.unwrap()[0].reason, "term");
/// ```
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
    ///
    /// ```
    /// use whosaid::Options;
    ///
    /// assert_eq!(Options::NAMES, ["rejected", "maxResult"]);
    /// ```
    pub const NAMES: &'static [&'static str] = &["rejected", "maxResult"];

    /// These options with `rejected` set to `on`.
    ///
    /// ```
    /// use whosaid::Options;
    ///
    /// assert!(Options::default().with_rejected(true).rejected);
    /// assert_eq!(Options::default().with_rejected(false), Options::default());
    /// ```
    pub fn with_rejected(mut self, on: bool) -> Options {
        self.rejected = on;
        self
    }

    /// Sets option `name` from a value: the one place options are validated, for JSON and
    /// for JS. Unknown names and wrong types are errors that name the option; a null value
    /// leaves the default.
    ///
    /// ```
    /// use whosaid::options::OptionValue;
    /// use whosaid::{ErrorKind, Options};
    ///
    /// let mut options = Options::default();
    /// options.set("rejected", OptionValue::Bool(true))?;
    /// options.set("maxResult", OptionValue::Number(5e6, "5e6"))?;
    /// assert!(options.rejected);
    /// assert_eq!(options.max_result, Some(5_000_000));
    ///
    /// let e = options.set("maxResult", OptionValue::Number(2.5, "2.5")).unwrap_err();
    /// assert_eq!(e.kind(), ErrorKind::BadValue);
    /// assert_eq!(e.to_string(), "option \"maxResult\" must be a whole number of bytes, not 2.5");
    /// let e = options.set("speakers", OptionValue::Null).unwrap_err();
    /// assert_eq!(e.kind(), ErrorKind::UnknownOption);
    /// # Ok::<(), whosaid::Error>(())
    /// ```
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
    ///
    /// ```
    /// use whosaid::{ErrorKind, Options};
    ///
    /// let options = Options::from_json(&serde_json::json!({"rejected": true}))?;
    /// assert!(options.rejected);
    /// assert_eq!(Options::from_json(&serde_json::Value::Null)?, Options::default());
    ///
    /// let e = Options::from_json(&serde_json::json!({"rejected": "yes"})).unwrap_err();
    /// assert_eq!(e.kind(), ErrorKind::BadValue);
    /// let e = Options::from_json(&serde_json::json!([true])).unwrap_err();
    /// assert_eq!(e.kind(), ErrorKind::NotAnObject);
    /// # Ok::<(), whosaid::Error>(())
    /// ```
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

    /// The error for options that are not an object at all (the wasm API's, for a string,
    /// a number or an array given as options).
    ///
    /// ```
    /// use whosaid::{ErrorKind, Options};
    ///
    /// let e = Options::not_an_object("a string");
    /// assert_eq!(e.kind(), ErrorKind::NotAnObject);
    /// assert!(e.to_string().ends_with("not a string"));
    /// ```
    pub fn not_an_object(what: &str) -> Error {
        Error::new(
            ErrorKind::NotAnObject,
            format!("options must be a plain object such as {{ rejected: true }}, not {what}"),
        )
    }
}

/// An option's value as the caller gave it, for [`Options::set`].
///
/// ```
/// use whosaid::options::OptionValue;
/// use whosaid::Options;
///
/// let mut options = Options::default();
/// let e = options.set("rejected", OptionValue::Other("\"yes\"")).unwrap_err();
/// // (the value shown as the caller wrote it)
/// assert_eq!(e.to_string(), "option \"rejected\" must be a boolean, not \"yes\"");
/// ```
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
///
/// ```
/// use whosaid::{ErrorKind, Options};
///
/// let kind = |json| Options::from_json(&json).unwrap_err().kind();
/// assert_eq!(kind(serde_json::json!({"speakers": true})), ErrorKind::UnknownOption);
/// assert_eq!(kind(serde_json::json!({"maxResult": -1})), ErrorKind::BadValue);
/// assert_eq!(kind(serde_json::json!("rejected")), ErrorKind::NotAnObject);
/// ```
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
///
/// Its message (`Display`) names the option and, for an unknown one, lists those that exist.
///
/// ```
/// use whosaid::{ErrorKind, Options};
///
/// let e = Options::from_json(&serde_json::json!({"speakers": true})).unwrap_err();
/// assert_eq!(e.kind(), ErrorKind::UnknownOption);
/// assert_eq!(
///     e.to_string(),
///     "unknown option \"speakers\" (known options: rejected, maxResult)"
/// );
/// let _: &dyn std::error::Error = &e;
/// ```
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
    ///
    /// ```
    /// use whosaid::{ErrorKind, Options};
    ///
    /// let e = Options::from_json(&serde_json::json!({"rejected": 1})).unwrap_err();
    /// assert_eq!(e.kind(), ErrorKind::BadValue);
    /// ```
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
