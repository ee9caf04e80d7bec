#!/usr/bin/env bash
# A short fuzzing run for CI: builds the cargo-fuzz targets of fuzz/ (extract, utf16, jsonl)
# and runs each for FUZZ_SECONDS (60) on the committed corpus, fuzz/corpus/<target>/. Installs
# the nightly toolchain and cargo-fuzz when missing. Fails on any crash or broken invariant,
# naming the input libFuzzer saved under fuzz/artifacts/<target>/.
#
# New inputs go to a scratch directory, not the committed corpus. No sanitizer (`-s none`):
# the crate forbids unsafe code, and without AddressSanitizer the build is quicker and each
# target runs about twice as many inputs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_nightly
ensure_cargo_fuzz

SECONDS_EACH="${FUZZ_SECONDS:-60}"
TARGETS=(extract utf16 jsonl)
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

say "cargo fuzz build (nightly, no sanitizer)"
cargo fmt --check --manifest-path fuzz/Cargo.toml
cargo +nightly fuzz build -s none

for t in "${TARGETS[@]}"; do
  say "fuzz $t for ${SECONDS_EACH} s"
  mkdir -p "$scratch/$t"
  log="$scratch/$t.log"
  if ! cargo +nightly fuzz run -s none "$t" "$scratch/$t" "fuzz/corpus/$t" -- \
      -max_total_time="$SECONDS_EACH" -dict=fuzz/dict -timeout=10 -print_final_stats=1 \
      >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz target $t failed; the input is in fuzz/artifacts/$t/ (reproduce:" \
      "cargo +nightly fuzz run -s none $t fuzz/artifacts/$t/<file>)" >&2
    exit 1
  fi
  grep -E '^(Done|#[0-9]+[[:space:]]+DONE)|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log"
done
say "fuzz smoke passed"
