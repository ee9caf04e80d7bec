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
use hostile::{inputs, ordinary, shapes, sweep as sweep_inputs};

/// Whether the input `name` is one the command line asks for (any, when it names none).
fn wanted(only: &[String], name: &str) -> bool {
    only.is_empty() || only.iter().any(|o| name.contains(o.as_str()))
}

/// The time of the whole analysis as a user runs it: extraction and the JSON report.
fn analyse(extractor: &Extractor, text: &str) -> Duration {
    let t = Instant::now();
    let analysis = extractor.extract(std::hint::black_box(text));
    std::hint::black_box(Report::new(text, &analysis, &Options::default()).to_json());
    t.elapsed()
}

/// Issue 16's sweep: each shape at `small` and at four times `small` bytes, best of three
/// runs each, and the ratio (linear work gives about 4; the budget is 4.5).
fn sweep(extractor: &Extractor, small: usize, only: &[String]) {
    println!(
        "| shape, layout | {small} B | {} B | ratio | JSON / input |\n|---|---|---|---|---|",
        4 * small
    );
    let best = |text: &str| {
        (0..3)
            .map(|_| analyse(extractor, text))
            .min()
            .unwrap_or_default()
    };
    let mut worst = (0.0, String::new());
    for ((name, a), (_, b)) in sweep_inputs(small).into_iter().zip(sweep_inputs(4 * small)) {
        if !wanted(only, &name) {
            continue;
        }
        let (ta, tb) = (best(&a), best(&b));
        let analysis = extractor.extract(&b);
        let json = Report::new(&b, &analysis, &Options::default())
            .to_json()
            .len();
        let ratio = tb.as_secs_f64() / ta.as_secs_f64();
        if ratio > worst.0 {
            worst = (ratio, name.clone());
        }
        println!(
            "| {name} | {:.2} ms | {:.2} ms | {ratio:.2} | {:.1} |",
            ta.as_secs_f64() * 1e3,
            tb.as_secs_f64() * 1e3,
            json as f64 / b.len() as f64
        );
    }
    println!("\nworst ratio: {:.2} ({})", worst.0, worst.1);
}

/// Writes the comparisons to `path` for the WebAssembly benchmark (`www/bench/adversarial.mjs`):
/// one JSON line per text, `{"group", "role", "text"}`, two texts a group: the sweep's shapes
/// at `small` and four times `small` bytes (roles "1x", "4x"), `"x" ` side by side at 2 MB
/// against ordinary text, colliding names against random names ("hostile", "plain").
fn dump(path: &str, small: usize, only: &[String]) {
    use std::io::Write;
    let file = std::fs::File::create(path).expect("the dump file");
    let mut out = std::io::BufWriter::new(file);
    let mut line = |group: &str, role: &str, text: &str| {
        let record = serde_json::json!({ "group": group, "role": role, "text": text });
        writeln!(out, "{record}").expect("written");
    };
    let wanted = |name: &str| wanted(only, name);
    for ((name, a), (_, b)) in sweep_inputs(small).into_iter().zip(sweep_inputs(4 * small)) {
        if wanted(&name) {
            line(&name, "1x", &a);
            line(&name, "4x", &b);
        }
    }
    if wanted("\"x\" side by side at 2 MB") {
        let x = "\"x\" ".repeat(500_000);
        line("\"x\" side by side at 2 MB", "hostile", &x);
        line("\"x\" side by side at 2 MB", "plain", &ordinary(x.len()));
    }
    if wanted("68000 colliding names") {
        let colliding = hostile::colliding_names(68_000);
        let random = hostile::random_names(68_000, colliding[0].len());
        line(
            "68000 colliding names",
            "hostile",
            &hostile::listing(&colliding),
        );
        line("68000 colliding names", "plain", &hostile::listing(&random));
    }
}

/// Analyses `hostile` and `plain` alternately (so that both see the same machine), best of
/// `runs` each, and prints their row.
fn compare(extractor: &Extractor, name: &str, hostile: &str, plain: &str, runs: usize) {
    let (mut a, mut b) = (Duration::MAX, Duration::MAX);
    for _ in 0..runs {
        a = a.min(analyse(extractor, hostile));
        b = b.min(analyse(extractor, plain));
    }
    println!(
        "| {name} | {} | {:.1} ms | {:.1} ms | {:.2} |",
        hostile.len(),
        a.as_secs_f64() * 1e3,
        b.as_secs_f64() * 1e3,
        a.as_secs_f64() / b.as_secs_f64()
    );
}

fn main() {
    let quick = std::env::args().any(|a| a == "quick");
    // any other argument (not a flag cargo passes) picks the inputs whose names hold it
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| {
            !matches!(a.as_str(), "quick" | "sweep" | "big" | "dump") && !a.starts_with("--")
        })
        .collect();
    if let Some(path) = std::env::args().skip_while(|a| a != "dump").nth(1) {
        let big = std::env::args().any(|a| a == "big");
        let only: Vec<String> = only.into_iter().filter(|o| *o != path).collect();
        dump(&path, if big { 500_000 } else { 40_000 }, &only);
        return;
    }
    if std::env::args().any(|a| a == "sweep") {
        let big = std::env::args().any(|a| a == "big");
        let extractor = Extractor::new();
        sweep(&extractor, if big { 500_000 } else { 40_000 }, &only);
        return;
    }
    let extractor = Extractor::new();
    extractor.extract("Warm-up: \"the word lists are read once,\" she said.");
    println!("| input | bytes | hostile | ordinary, same size | ratio |\n|---|---|---|---|---|");
    // issue 16's hash flooding: names chosen to collide under FNV against random names of
    // the same shape (68,000 names: about 2 million characters; quick: 6,800)
    let n = if quick { 6_800 } else { 68_000 };
    let name = format!("{n} colliding names (against random names)");
    if wanted(&only, &name) {
        let colliding = hostile::colliding_names(n);
        let random = hostile::random_names(n, colliding[0].len());
        let (a, b) = (hostile::listing(&colliding), hostile::listing(&random));
        compare(&extractor, &name, &a, &b, 3);
    }
    // issue 16's shapes at 2 MB (quick: 200 KB), against ordinary text of the same size
    let shaped = shapes(if quick { 200_000 } else { 2_000_000 });
    for (name, text) in inputs(if quick { 10 } else { 1 }).into_iter().chain(shaped) {
        if !wanted(&only, name) {
            continue;
        }
        let same = ordinary(text.len());
        compare(
            &extractor,
            name,
            &text,
            &same,
            if text.len() > 2_000_000 { 3 } else { 5 },
        );
    }
}
