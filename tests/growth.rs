//! The growth of the work with the input, on issue 16's shapes (many candidates in one
//! "sentence"): linear, not quadratic. Timed by the thread's CPU time, and a test binary of
//! its own: cargo runs test binaries one after another, the tests of one binary side by
//! side, and the wall clock counts every process on the machine (with the other
//! adversarial tests, under load, the ratios failed 6 runs in 8). The figures themselves
//! are the benchmark's (`cargo bench --bench adversarial -- sweep`).

// (cpu-time, the clock, is a native dev-dependency; the wasm32 build checks no timing)
#![cfg(not(target_arch = "wasm32"))]

#[path = "../benches/inputs/hostile.rs"]
mod hostile;

use whosaid::Extractor;

/// Issue 16: on every shape of the sweep, four times the input takes at most eight times as
/// long (linear work measures 4 to 5.5 on these machines, their caches and allocator
/// included; quadratic work 16). Timed by the thread's CPU time, not the wall clock's, so
/// that other processes on the machine do not count; best of three runs each, and a shape
/// over the bound is measured twice more before it fails: the bound is for the growth of
/// the work, not for a machine's noise. The figures themselves are the benchmark's (`cargo bench --bench
/// adversarial -- sweep`).
#[test]
fn time_grows_with_the_input_not_faster() {
    let extractor = Extractor::new();
    let best = |text: &str| {
        (0..3)
            .map(|_| {
                let t = cpu_time::ThreadTime::now();
                std::hint::black_box(extractor.extract(text));
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
            .as_secs_f64()
    };
    for ((name, small), (_, large)) in hostile::sweep(10_000)
        .into_iter()
        .zip(hostile::sweep(40_000))
    {
        let ratio = (0..3)
            .map(|_| best(&large) / best(&small).max(1e-6))
            .find(|&r| r <= 8.0);
        assert!(
            ratio.is_some(),
            "{name}: four times the input takes over eight times as long, three times"
        );
    }
}
