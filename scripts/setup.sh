#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already there at the
# right version, so `make demo` and `make test` work on a brand-new machine.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen CLI must equal the crate version in Cargo.lock, or wasm-pack downloads one.
want_bindgen=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock 2>/dev/null || true)
want_bindgen=${want_bindgen:-0.2.130}
want_wasm_pack=0.15.1
# The splitter reads wasm-bindgen's internals: it is pinned with wasm-bindgen, and `make test`
# runs the split build end to end, so a pair that no longer fits is caught.
want_split=0.2.4

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing Chromium and ChromeDriver from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# PostgreSQL for the collector's tests on its second database (scripts/with-postgres.sh
# runs a throwaway server, with TLS certificates made by openssl); `make demo` keeps
# SQLite and does not need it.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v openssl >/dev/null; then
  log "installing PostgreSQL and OpenSSL from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql openssl >/dev/null
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want_bindgen" ]; then
  log "installing wasm-bindgen-cli $want_bindgen"
  # Not --locked: the registry here lacks one of its locked dependency versions.
  cargo install -q wasm-bindgen-cli --version "$want_bindgen" --force
fi

if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$want_wasm_pack" ]; then
  log "installing wasm-pack $want_wasm_pack"
  cargo install -q --locked wasm-pack --version "$want_wasm_pack" --force
fi

# (It has no --version: cargo's list of installed tools says which one is there.)
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$want_split:"; then
  log "installing wasm-split-cli $want_split"
  cargo install -q --locked wasm_split_cli_support --version "$want_split" --features build-binary --force
fi

# npm packages: binaryen (wasm-opt; Debian's is too old), terser (minifies the loader) and
# playwright-core for the e2e tests. Lighthouse is installed by `make bench` only.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
log "ready"
