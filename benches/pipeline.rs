//! Criterion benchmarks of the pipeline: each stage, the whole analysis on articles of
//! different shapes, and the whole analysis on a long article repeated 1, 10, 100 and 1000
//! times, with throughput in bytes per second.
//!
//! `cargo bench --bench pipeline` (add `-- scaling` for one group). The articles are the golden
//! articles written for the project (`tests/golden/`): `short` (council-vote), `quote-heavy`
//! (harbour-strike: most paragraphs quotations), `name-heavy` (summit: delegations, ministries
//! and capitals), and `long`, the three one after the other. Timings are compared in
//! BENCHMARKS.md as ratios measured in the same run; this file asserts nothing.

use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use whosaid::doc::Doc;
use whosaid::lexicon::Lexicon;
use whosaid::segment::Segmented;
use whosaid::{marks, quotes, Extractor, Options, Report};

/// The golden article `name`.
fn article(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.txt"));
    std::fs::read_to_string(path).expect("the golden articles are in tests/golden")
}

fn articles() -> Vec<(&'static str, String)> {
    let short = article("council-vote");
    let quotes = article("harbour-strike");
    let names = article("summit");
    let long = format!("{quotes}\n\n{short}\n\n{names}");
    vec![
        ("short", short),
        ("quote-heavy", quotes),
        ("name-heavy", names),
        ("long", long),
    ]
}

/// Each stage on the long article.
fn stages(c: &mut Criterion) {
    let text = articles().pop().expect("the long article").1;
    let lexicon = Lexicon::get();
    let extractor = Extractor::new();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("segment", |b| {
        b.iter(|| Segmented::new(black_box(&text), lexicon))
    });
    g.bench_function("doc (segment + cues)", |b| {
        b.iter(|| Doc::new(black_box(&text), lexicon))
    });
    g.bench_function("quote marks + pairing", |b| {
        let seg = Segmented::new(&text, lexicon);
        b.iter(|| {
            let m = marks::classify(black_box(&text));
            quotes::pair(&text, &seg, &m)
        })
    });
    g.bench_function("whole analysis", |b| {
        b.iter(|| extractor.extract(black_box(&text)))
    });
    let analysis = extractor.extract(&text);
    let options = Options::default();
    g.bench_function("report (UTF-16 + JSON)", |b| {
        b.iter(|| Report::new(black_box(&text), &analysis, &options).to_json())
    });
    g.finish();
}

/// The whole analysis on each article.
fn by_article(c: &mut Criterion) {
    let extractor = Extractor::new();
    let mut g = c.benchmark_group("article");
    for (name, text) in articles() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| extractor.extract(black_box(t)))
        });
    }
    g.finish();
}

/// The whole analysis on the long article repeated 1, 10, 100 and 1000 times.
fn scaling(c: &mut Criterion) {
    let unit = articles().pop().expect("the long article").1;
    let extractor = Extractor::new();
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    for times in [1usize, 10, 100, 1000] {
        let text = format!("{unit}\n\n").repeat(times);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("{times}x")),
            &text,
            |b, t| b.iter(|| extractor.extract(black_box(t))),
        );
    }
    g.finish();
}

criterion_group!(benches, stages, by_article, scaling);
criterion_main!(benches);
