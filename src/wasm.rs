//! The WebAssembly API: free functions over the pure core.
//!
//! `analyze(text, options?)` returns the same record the CLI prints with `--json`, as a
//! plain JS object (serialised JSON-compatibly: `null`, never `undefined`; plain objects,
//! never `Map`s). Bad options throw a JS `Error` naming the option.
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::options::OptionValue;
use crate::{with_report, Options};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A span of the analysed text, in UTF-16 code units (as String.prototype.slice). */
export interface Span { start: number; end: number; text: string }
/** One quotation. A quotation over several paragraphs is one Quote per paragraph part. */
export interface Quote {
  start: number; end: number; text: string;
  kind: "direct" | "indirect";
  speaker: Span | null;
  /** Index into `actors`. */
  actor: number | null;
  cue: Span | null;
  closed: boolean;
  /** Index in `quotes` of the first part of this quotation. */
  group: number;
}
/** One mention of an actor: by name, by a description, or by a pronoun resolved to it. */
export interface Mention extends Span { type: "named" | "role" | "pronoun" }
/** A person, organisation or place named in the text or speaking in it. */
export interface Actor {
  id: number;
  /** The fullest proper name, without titles. */
  name: string;
  kind: "person" | "organization" | "place";
  /** Titles the text gives it ("Foreign Minister"). */
  titles: string[];
  mentions: Mention[];
  /** Indices into `quotes` of its quotations. */
  quotes: number[];
}
/** A quoted span that is not speech. */
export interface Rejected { start: number; end: number; text: string; reason: "markup" | "term" | "title" | "nickname" | "scare-quote" | "heading" }
/** The result of analyze(). */
export interface Analysis { quotes: Quote[]; actors: Actor[]; rejected?: Rejected[] }
/** Options of analyze(); unknown names throw. */
export interface Options {
  rejected?: boolean;
  /** The largest result to build, in bytes of JSON (about); a larger one throws. Default:
   * 32 times the text, at least 1 MB, at most 256 MB. */
  maxResult?: number;
}
"#;

/// Analyses `text` and returns `{quotes, actors}` with UTF-16 offsets.
///
/// From JavaScript, through the module `wasm-bindgen --target web` writes (`www/pkg/`; most
/// pages use the loader `www/whosaid.js` instead, which recovers from a trap):
///
/// ```js
/// import init, { analyze } from './pkg/whosaid.js';
///
/// await init();
/// const text = '\u201CWe won,\u201D said Ana Ruiz.';
/// const result = analyze(text, { rejected: true });
/// const q = result.quotes[0];
/// text.slice(q.start, q.end);            // '“We won,”': UTF-16 offsets
/// result.actors[q.actor].name;           // 'Ana Ruiz'
/// analyze(text, { speakers: true });     // throws an Error naming the option
/// ```
#[wasm_bindgen(unchecked_return_type = "Analysis")]
pub fn analyze(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = read_options(options)?;
    with_report(text, &options, |report| {
        let limit = options
            .max_result
            .unwrap_or_else(|| crate::report::result_limit(text.len()));
        let size = report.size_hint();
        if size > limit {
            return Err(JsError::new(&format!(
                "whosaid: the result is too large: about {} MB for {} MB of text, over its \
                 limit of {} MB (the option maxResult; by default 32 times the text, at least \
                 1 MB, at most 256 MB)",
                megabytes(size),
                megabytes(text.len()),
                megabytes(limit)
            )));
        }
        report
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&format!("could not build the result: {e}")))
    })
}

/// `bytes` in megabytes with one decimal, "12.3" (integer arithmetic: formatting a float
/// would bring its algorithms into the wasm, 20 KB).
fn megabytes(bytes: usize) -> String {
    format!("{}.{}", bytes / 1_000_000, bytes % 1_000_000 / 100_000)
}

/// The version of whosaid ([`VERSION`](crate::VERSION)).
///
/// ```js
/// import init, { version } from './pkg/whosaid.js';
///
/// await init();
/// version(); // the crate's version, as '0.1.0'
/// ```
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

fn read_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() || options.is_function() || js_sys::Array::is_array(&options) {
        let what = options.js_typeof().as_string().unwrap_or_default();
        let what = if js_sys::Array::is_array(&options) {
            "an array".to_string()
        } else {
            what
        };
        return Err(JsError::new(&Options::not_an_object(&what).to_string()));
    }
    let mut opts = Options::default();
    let object: js_sys::Object = options.unchecked_into();
    for key in js_sys::Object::keys(&object).iter() {
        let name = key.as_string().unwrap_or_default();
        let value = js_sys::Reflect::get(&object, &key).unwrap_or(JsValue::UNDEFINED);
        let shown = js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| value.js_typeof().as_string().unwrap_or_default());
        let value = match (value.as_bool(), value.as_f64()) {
            (Some(b), _) => OptionValue::Bool(b),
            (_, Some(n)) => OptionValue::Number(n, &shown),
            _ if value.is_null() || value.is_undefined() => OptionValue::Null,
            _ => OptionValue::Other(&shown),
        };
        opts.set(&name, value)
            .map_err(|e| JsError::new(&e.to_string()))?;
    }
    Ok(opts)
}
