#!/usr/bin/env bash
# Every test: installs what is missing (rustup target, the pinned wasm-bindgen-cli, npm ci in
# www/, Debian's chromium, the nightly toolchain and cargo-fuzz), then formatting, lints, native
# tests, a short run of each fuzz target, wasm tests in Node, the wasm build and its size budget,
# the JS tests, the browser tests, the extension (web-ext lint of the Firefox variant, tests in
# Chromium), and the evaluation against ../shared/data with its floors (text data, then the
# in-page highlighter and the extension on real news pages).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_wasm_target
ensure_wasm_bindgen
ensure_npm

say "cargo fmt --check"
cargo fmt --check

say "cargo clippy (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --tests --target wasm32-unknown-unknown -- -D warnings

say "cargo test (unit, case files, golden articles, properties, CLI, doc examples)"
cargo test

say "rustdoc (warnings are errors) and the crate's package list"
RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps
# The package holds the library and its CLI, their word lists and build script, and the root
# documents (Cargo.toml's `include`): any other path (tests/, www/, fuzz/, eval/, benches/,
# target/, a stray data file) fails here.
package_list=$(cargo package --list --allow-dirty)
allowed='^(Cargo\.toml|Cargo\.toml\.orig|Cargo\.lock|\.cargo_vcs_info\.json|build\.rs|[A-Z]+\.md|LICENSE-(MIT|APACHE)|src/.+\.rs|src/lexicon/[a-z-]+\.txt)$'
if stray=$(grep -Ev "$allowed" <<<"$package_list"); then
    echo "error: the crate's package would hold files it must not (fix \`include\` in Cargo.toml):" >&2
    echo "$stray" >&2
    exit 1
fi
if ! grep -qx 'src/lexicon/cues.txt' <<<"$package_list"; then
    echo "error: the crate's package lacks the word lists that build.rs reads (src/lexicon/*.txt)" >&2
    exit 1
fi
echo "package: $(wc -l <<<"$package_list") files, none outside the library, its CLI and word lists"

say "fuzz smoke: each cargo-fuzz target for 60 s on the committed corpus (scripts/fuzz-smoke.sh)"
bash scripts/fuzz-smoke.sh

say "wasm tests in Node (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --test wasm

say "release builds: CLI and wasm package (with its size budget)"
cargo build --release
bash scripts/build-wasm.sh

say "Apache Spark: the CLI as an RDD.pipe step and through mapInArrow, local[2] (scripts/spark-test.sh)"
bash scripts/spark-test.sh

say "JS tests (node --test): loader, offsets, trap recovery, CLI/wasm parity"
(cd www && npm test)

say "browser tests (headless Chromium): highlight.js on test pages, the offline demo"
ensure_chromium
(cd www && npm run test:browser)
say "browser tests of the minified highlight.min.js, the file a page downloads"
(cd www && WHOSAID_HIGHLIGHT=min node --test browser-test/highlight.test.mjs browser-test/hostile.test.mjs)

say "the npm package: its tarball installed into a sample app, bundled by Vite and esbuild and unbundled, in Chromium (main thread and worker)"
(cd www && npm run test:package)

say "extension: web-ext lint (Firefox variant) and tests in Chromium"
(cd www && npm run lint:extension && npm run test:extension)

say "evaluation against ../shared/data (floors in eval/floors.json)"
python3 eval/run.py

say "evaluation on real news pages: ../shared/eval/pages on ../shared/data/pages, page scripts on and off, the extension on three (floors: summarize.py's targets and eval/pages-floors.json)"
python3 eval/pages.py

say "all tests passed"
