# Shared helpers for the scripts in this folder: sourced, not run.
# Installs only what is missing, so every script is idempotent.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

# each step's heading, with the seconds since the script started (where a long run goes)
say() { printf '\n== [%ss] %s\n' "$SECONDS" "$*"; }

# The wasm-bindgen version pinned in Cargo.toml (`=0.2.x`): crate and CLI must match.
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$ROOT/Cargo.toml"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the rustup target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  local want; want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want (from source, about 5 minutes the first time)"
    cargo install wasm-bindgen-cli --version "$want" --no-default-features --force
  fi
}

ensure_npm() {
  if [ ! -d "$ROOT/www/node_modules/binaryen" ] || [ ! -d "$ROOT/www/node_modules/playwright-core" ] || [ "$ROOT/www/package-lock.json" -nt "$ROOT/www/node_modules/.package-lock.json" ]; then
    say "installing the www/ dev dependencies (npm ci)"
    (cd "$ROOT/www" && npm ci --no-audit --no-fund)
  fi
}

# Debian's Chromium, for the browser tests (playwright-core drives it; never a downloaded browser).
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    say "installing chromium (Debian's package, about 2 minutes)"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
  fi
}

# The nightly toolchain and cargo-fuzz, for the fuzz targets of fuzz/ (scripts/fuzz-smoke.sh).
ensure_nightly() {
  if ! rustup toolchain list | grep -q '^nightly'; then
    say "installing the nightly toolchain (minimal profile, for cargo-fuzz)"
    rustup toolchain install nightly --profile minimal
  fi
}

ensure_cargo_fuzz() {
  if ! cargo fuzz --version >/dev/null 2>&1; then
    say "installing cargo-fuzz (from source, under a minute)"
    cargo install cargo-fuzz --locked
  fi
}

# Java for Spark (Spark 4 needs 17 or 21): Debian's headless OpenJDK 17, when there is no java.
ensure_java() {
  if ! command -v java >/dev/null 2>&1; then
    say "installing Java 17 (Debian's openjdk-17-jre-headless, for Spark)"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless
  fi
}

# A Python venv at DIR with the pinned packages of REQUIREMENTS. It is reused while the copy of
# the requirements it was made from (written last, so only after a complete install) matches;
# made anew when the list changed or an install broke off.
ensure_venv() {
  local dir="$1" req="$2"
  if ! cmp -s "$req" "$dir/.requirements"; then
    say "creating the venv $dir (pip install -r $req)"
    rm -rf "$dir"
    python3 -m venv "$dir"
    "$dir/bin/pip" install --quiet --disable-pip-version-check -r "$req"
    cp "$req" "$dir/.requirements"
  fi
}
