//! The WebAssembly API, tested in Node with wasm-bindgen-test:
//! `cargo test --target wasm32-unknown-unknown` (the runner is set in .cargo/config.toml).
#![cfg(target_arch = "wasm32")]

use js_sys::{JsString, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use whosaid::wasm::{analyze, version};
use whosaid::{Extractor, Options, Report};

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("a property")
}

fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().expect("a number") as u32
}

const ARTICLE: &str = "Talks resume\n\n\u{201C}We are ready to talk,\u{201D} she said. \
                       The so-called \"reset\" failed, critics said.";

#[wasm_bindgen_test]
fn result_is_the_same_json_as_the_native_report() {
    let result = analyze(ARTICLE, JsValue::UNDEFINED).expect("analysis");
    let js = JSON::stringify(&result).expect("JSON").as_string().unwrap();
    let native = Report::new(
        ARTICLE,
        &Extractor::new().extract(ARTICLE),
        &Options::default(),
    )
    .to_json();
    assert_eq!(js, native);
}

#[wasm_bindgen_test]
fn result_has_the_documented_shape() {
    let result = analyze("\"Nobody attributed this one, ever.\"", JsValue::NULL).expect("analysis");
    let quotes: js_sys::Array = get(&result, "quotes").dyn_into().expect("an array");
    assert_eq!(quotes.length(), 1);
    let q = quotes.get(0);
    for key in ["start", "end", "text", "kind", "speaker", "actor", "cue"] {
        assert!(
            Reflect::has(&q, &JsValue::from_str(key)).unwrap(),
            "missing {key}"
        );
    }
    assert!(
        get(&q, "speaker").is_null(),
        "an unknown speaker is null, not undefined"
    );
    assert!(get(&result, "actors").is_array());
    assert!(
        get(&result, "rejected").is_undefined(),
        "rejected only on request"
    );
}

#[wasm_bindgen_test]
fn offsets_are_utf16_code_units() {
    // An emoji (two units), curly quotes (one unit each, three UTF-8 bytes) and a lone
    // surrogate (from JS: it reaches Rust as U+FFFD, still one unit) before the quote.
    let units: Vec<u16> = "\u{1F600} \u{201C}x\u{201D} "
        .encode_utf16()
        .chain([0xD800])
        .chain(" \"We won,\" she said.".encode_utf16())
        .collect();
    let js_text = JsString::from_char_code(&units);
    let rust_text: String = js_text.clone().into();
    let result = analyze(&rust_text, JsValue::UNDEFINED).expect("analysis");
    let quotes: js_sys::Array = get(&result, "quotes").dyn_into().unwrap();
    let last = quotes.get(quotes.length() - 1);
    let (start, end) = (num(&last, "start"), num(&last, "end"));
    assert_eq!(js_text.slice(start, end), "\"We won,\"");
    assert_eq!(get(&last, "text").as_string().unwrap(), "\"We won,\"");
    let speaker = get(&last, "speaker");
    assert_eq!(
        js_text.slice(num(&speaker, "start"), num(&speaker, "end")),
        "she"
    );
}

#[wasm_bindgen_test]
fn bad_options_throw_an_error_naming_them() {
    let opts = JSON::parse(r#"{"bogus": true}"#).unwrap();
    let err: JsValue = analyze("text", opts).expect_err("unknown option").into();
    let err: js_sys::Error = err.dyn_into().expect("a JS Error");
    assert!(String::from(err.message()).contains("bogus"));

    let opts = JSON::parse(r#"{"rejected": "yes"}"#).unwrap();
    let err: js_sys::Error = JsValue::from(analyze("text", opts).expect_err("bad type"))
        .dyn_into()
        .unwrap();
    assert!(String::from(err.message()).contains("rejected"));

    let err: js_sys::Error =
        JsValue::from(analyze("text", JsValue::from(3)).expect_err("not an object"))
            .dyn_into()
            .unwrap();
    assert!(String::from(err.message()).contains("object"));
}

#[wasm_bindgen_test]
fn rejected_option_lists_non_speech() {
    let opts = JSON::parse(r#"{"rejected": true}"#).unwrap();
    let result = analyze(ARTICLE, opts).expect("analysis");
    let rejected: js_sys::Array = get(&result, "rejected").dyn_into().unwrap();
    assert_eq!(rejected.length(), 1);
    assert_eq!(get(&rejected.get(0), "reason").as_string().unwrap(), "term");
}

#[wasm_bindgen_test]
fn hostile_input_does_not_trap() {
    for text in [
        "",
        "\"",
        "\u{201C}\u{201C}\u{201D}\u{201D}'\u{2019}'\"",
        "\u{202E}\u{5E9}\u{5DC}\u{5D5}\u{5DD} \"x\"",
        "\0\u{1}\u{FFFD}",
    ] {
        analyze(text, JsValue::UNDEFINED).expect("analysis");
    }
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}
