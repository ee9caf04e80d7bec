//! Adversarial inputs: is any text slower than ordinary news text of the same size?
//!
//! `cargo bench --bench adversarial` builds each hostile input below, and beside it ordinary
//! text of the same length in bytes (the three golden articles written for the project,
//! `tests/golden/`, repeated and cut to that length), analyses both alternately (best of a few
//! runs each, in the same process) and prints the ratio hostile / ordinary. Issue 8's budget is
//! 2.0 for every row. It is a benchmark, not a test: it fails nothing, since timing on shared
//! machines is noisy; the inputs' correctness (no panic, spans valid) is checked by
//! `tests/adversarial.rs` at smaller sizes.
//!
//! `cargo bench --bench adversarial -- quick` runs every input at a tenth of its size.
//! Issue 16's shapes (many candidates in one sentence: `hostile::SHAPES`) follow, at 2 MB.

use std::time::{Duration, Instant};

use whosaid::{Extractor, Options, Report};

#[path = "inputs/hostile.rs"]
mod hostile;
use hostile::{inputs, ordinary, shapes};

/// The time of the whole analysis as a user runs it: extraction and the JSON report.
fn analyse(extractor: &Extractor, text: &str) -> Duration {
    let t = Instant::now();
    let analysis = extractor.extract(std::hint::black_box(text));
    std::hint::black_box(Report::new(text, &analysis, &Options::default()).to_json());
    t.elapsed()
}

fn main() {
    let quick = std::env::args().any(|a| a == "quick");
    let extractor = Extractor::new();
    extractor.extract("Warm-up: \"the word lists are read once,\" she said.");
    println!("| input | bytes | hostile | ordinary, same size | ratio |\n|---|---|---|---|---|");
    // issue 16's shapes at 2 MB (quick: 200 KB), against ordinary text of the same size
    let shaped = shapes(if quick { 200_000 } else { 2_000_000 });
    for (name, text) in inputs(if quick { 10 } else { 1 }).into_iter().chain(shaped) {
        let same = ordinary(text.len());
        let runs = if text.len() > 2_000_000 { 3 } else { 5 };
        let (mut hostile, mut plain) = (Duration::MAX, Duration::MAX);
        for _ in 0..runs {
            // alternating, so that both see the same machine
            hostile = hostile.min(analyse(&extractor, &text));
            plain = plain.min(analyse(&extractor, &same));
        }
        println!(
            "| {name} | {} | {:.1} ms | {:.1} ms | {:.2} |",
            text.len(),
            hostile.as_secs_f64() * 1e3,
            plain.as_secs_f64() * 1e3,
            hostile.as_secs_f64() / plain.as_secs_f64()
        );
    }
}
