#!/usr/bin/env bash
# Set up and run whosaid: install what is missing, build the CLI and the wasm package,
# print who said what in a sample article, and serve the demo page on 127.0.0.1.
#   bash scripts/setup.sh            # ends by serving the demo (Ctrl+C to stop)
#   bash scripts/setup.sh --no-serve # everything but the server
#   PORT=8080 bash scripts/setup.sh  # another port (default 8000)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_chromium

say "building the command-line tool"
cargo build --release
bash scripts/build-wasm.sh

say "who said what in tests/golden/harbour-strike.txt (an article written for this project)"
target/release/whosaid tests/golden/harbour-strike.txt

if [ "${1:-}" = "--no-serve" ]; then
  exit 0
fi
port="${PORT:-8000}"
say "serving the demo: http://127.0.0.1:$port/demo/  (Ctrl+C to stop)"
exec python3 -m http.server --bind 127.0.0.1 --directory www "$port"
