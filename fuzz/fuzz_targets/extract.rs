//! Any bytes, read as text (invalid UTF-8 replaced by U+FFFD, as the CLI does), through
//! `Extractor::extract` and `Report::new`: no panic, and every invariant of
//! `whosaid_fuzz::check_analysis` and `check_report` holds.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use whosaid::Extractor;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let extractor = EXTRACTOR.get_or_init(Extractor::new);
    whosaid_fuzz::check_text(extractor, &text);
});
