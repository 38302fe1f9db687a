# The two commands: `make demo` (set up, build, serve the demo) and `make test` (set up, run
# every test). Both install what is missing first, so they work on a brand-new machine.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
PKG := target/pkg
COLLECTOR := target/debug/wallet-help-collector

.PHONY: setup dist demo test test-native test-browser test-e2e bench clean

setup:
	@bash scripts/setup.sh

# Release Wasm (wasm-opt -Oz from npm binaryen) plus loader, CSS and the demo page in dist/.
# The loader ships without its whole-line comments (its source stays the readable copy).
dist: setup
	wasm-pack build --target web --release --no-typescript --no-pack --out-dir $(PKG) --out-name wallet_help
	rm -rf dist && mkdir -p dist/wallet-help
	cp index.html demo.css dist/
	cp static/sw.js dist/
	cp demo-config.json dist/wallet-help/config.json
	sed -E '/^\s*\/\/ /d' static/wallet-help.js > dist/wallet-help/wallet-help.js
	cp static/wallet-help.css static/config.schema.json $(PKG)/wallet_help.js $(PKG)/wallet_help_bg.wasm dist/wallet-help/
	@echo "dist/ ready:" && ls -l dist/wallet-help

$(COLLECTOR): $(shell find collector -name '*.rs' -o -name Cargo.toml) Cargo.lock
	cargo build -p wallet-help-collector

demo: dist $(COLLECTOR)
	@echo "Open the demo at the address printed below (Ctrl-C stops it)."
	$(COLLECTOR) --site dist

test: setup test-native test-browser test-e2e

test-native:
	cargo test --workspace

test-browser:
	wasm-pack test --headless --chrome

test-e2e: dist $(COLLECTOR)
	node --test --test-concurrency=1 tests/e2e/

bench: dist $(COLLECTOR)
	node scripts/bench.mjs
	@echo "Search on a generated 1,000-article corpus per locale, release Wasm in headless Chromium:"
	@wasm-pack test --headless --chrome --release --features bench --test search_bench -- --nocapture 2>&1 | grep -E '^search-bench|test result'

clean:
	rm -rf dist target/pkg
