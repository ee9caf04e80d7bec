//! Scaling benchmark: is analysis linear in the length of the text?
//!
//! `cargo bench --bench scaling` analyses two texts repeated 1 to 32 times — the three golden
//! articles written for the project (tests/golden/*.txt) concatenated, and a dense paragraph
//! of one quotation and one reported clause (the shape that exposed a quadratic step) — and
//! prints the time per run and each size's time as a ratio to the previous size, measured in
//! the same process. Linear time shows as ratios near 2.0. It is a benchmark, not a test: it fails
//! nothing, since timing on shared machines is noisy.

use std::time::{Duration, Instant};

use whosaid::Extractor;

fn best_of(runs: usize, f: impl Fn()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut base = String::new();
    for name in ["harbour-strike", "council-vote", "summit"] {
        base.push_str(
            &std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("golden article"),
        );
        base.push_str("\n\n");
    }
    let dense = "\u{201C}We are ready to talk,\u{201D} she said. Critics called it a so-called \"reset\".\n\n"
        .repeat(100);
    let extractor = Extractor::new();
    extractor.extract(&base); // warm up (the word lists are parsed once)
    for (name, unit) in [("golden articles", &base), ("dense quotations", &dense)] {
        println!("\n{name}");
        println!(
            "{:>8} {:>10} {:>12} {:>14}",
            "copies", "bytes", "best time", "ratio to prev"
        );
        let mut previous: Option<Duration> = None;
        for copies in [1usize, 2, 4, 8, 16, 32] {
            let text = unit.repeat(copies);
            let runs = (64 / copies).max(3);
            let t = best_of(runs, || {
                std::hint::black_box(extractor.extract(std::hint::black_box(&text)));
            });
            let ratio = previous.map_or(String::from("-"), |p| {
                format!("{:.2}", t.as_secs_f64() / p.as_secs_f64())
            });
            println!(
                "{copies:>8} {:>10} {:>10.3}ms {ratio:>14}",
                text.len(),
                t.as_secs_f64() * 1e3
            );
            previous = Some(t);
        }
    }
}
