# The two commands: `make demo` (set up, build, serve the demo) and `make test` (set up, run
# every test). Both install what is missing first, so they work on a brand-new machine.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
PKG := target/pkg
COLLECTOR := target/debug/wallet-help-collector
PACKER := target/debug/wallet-help-pack

.PHONY: setup dist demo test lint test-native test-browser test-e2e check-sizes bench clean

setup:
	@bash scripts/setup.sh

# Release Wasm, split into the first part and the parts loaded on demand (src/ui/lazy.rs):
# cargo with relocations kept, wasm-split-cli, wasm-bindgen on the first part (the parts need
# no glue: they share its memory and table), then wasm-opt -Oz (npm binaryen) on every file;
# plus loader, CSS, one content file per language (written by build.rs) and the demo page
# in dist/. wasm-pack cannot do this (it runs wasm-bindgen
# on the whole module), so `make test` builds and runs the split build end to end.
# hash-assets.mjs gives the glue, Wasm parts and CSS content-hashed names, writes them with
# their sha384 integrity into the loader (minified; static/ keeps the readable source), the
# glue (which fetches the parts) and sw.js, pins the loader's integrity in the demo page, and
# prints the tag to embed.
# The remap keeps the cargo home's path (in panic locations of dependencies) out of the Wasm,
# so its bytes, and the size gate, do not depend on where the machine keeps crates.
SPLIT := target/split
RELEASE_WASM := target/wasm32-unknown-unknown/release/wallet_help.wasm
# `--flatten --rereloop -Oz -Oz`: 3.2 KB gzip smaller than `-Oz` alone, for ~30 s more build time.
WASM_OPT := --flatten --rereloop -Oz -Oz --enable-bulk-memory --enable-reference-types \
	--enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
dist: setup
	RUSTFLAGS="--remap-path-prefix=$(or $(CARGO_HOME),$(HOME)/.cargo)=cargo -Clink-arg=--emit-relocs" \
	cargo build --lib --release --target wasm32-unknown-unknown --features split \
		--message-format=json-render-diagnostics > target/dist-build.json
	rm -rf $(SPLIT) $(PKG) && mkdir -p $(SPLIT) $(PKG)
	out=$$(grep '"build-script-executed"' target/dist-build.json | grep '#wallet-help@' | sed 's/.*"out_dir":"\([^"]*\)".*/\1/') \
		&& test -n "$$out" && cp "$$out"/content-*.txt $(PKG)/
	wasm-split-cli $(RELEASE_WASM) $(SPLIT) --target web --out-name wallet_help
	wasm-bindgen $(SPLIT)/wallet_help.wasm --out-dir $(PKG) --target web --keep-lld-exports --no-typescript
	find $(SPLIT) -name '*.wasm' ! -name wallet_help.wasm -exec cp {} $(PKG)/ \;
	cp $(SPLIT)/__wasm_split.js $(PKG)/
	for f in $(PKG)/*.wasm; do wasm-opt $(WASM_OPT) $$f -o $$f 2> >(grep -v 'unknown name subsection' >&2) || exit 1; done
	rm -rf dist && mkdir -p dist/wallet-help
	cp index.html demo.css dist/
	cp static/sw.js dist/
	cp demo-config.json dist/wallet-help/config.json
	cp static/wallet-help.css static/*.schema.json $(PKG)/*.js $(PKG)/*.wasm $(PKG)/content-*.txt dist/wallet-help/
	cp $(PKG)/snippets/*/src/platform/content.js dist/wallet-help/__content.js
	node scripts/hash-assets.mjs dist
	@echo "dist/ ready:" && ls -l dist/wallet-help

# The collector reads reports with the widget's own core (limits, steps, checklist), so the
# widget's sources and content are its sources too.
$(COLLECTOR): $(shell find collector src build content -name '*.rs' -o -name '*.md' -o -name '*.txt' -o -name Cargo.toml) build.rs Cargo.toml Cargo.lock
	cargo build -p wallet-help-collector

# Makes an operator's language pack from a folder like content/en (see README, "Languages").
$(PACKER): $(shell find pack build -name '*.rs' -o -name Cargo.toml) src/core/content/pack.rs src/core/strings_schema.rs Cargo.lock
	cargo build -p wallet-help-pack

demo: dist $(COLLECTOR)
	@echo "Open the demo at the address printed below (Ctrl-C stops it)."
	$(COLLECTOR) --site dist

test: setup lint test-native test-browser test-e2e check-sizes

# Formatting and clippy, native (widget core and collector) and wasm32 (the browser layer,
# which only exists there), so every change is reviewed clean.
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p wallet-help --all-targets --all-features --target wasm32-unknown-unknown -- -D warnings

# Everything natively, then the collector's tests again with PostgreSQL behind every store
# (and its multi-instance tests), on a throwaway server that stops when they end.
test-native:
	scripts/with-postgres.sh bash -c 'cargo test --workspace && WALLET_HELP_SCRATCH=postgres cargo test -p wallet-help-collector'

test-browser:
	wasm-pack test --headless --chrome

test-e2e: dist $(COLLECTOR) $(PACKER)
	node --test --test-concurrency=1 tests/e2e/

# Fails when the loader or the whole widget is over the gzip budgets in the README's
# Performance table (scripts/sizes.mjs reads them there).
check-sizes: dist
	node scripts/sizes.mjs dist/wallet-help

# Lighthouse (total blocking time of the demo page with and without the widget) is only for
# the benchmark, so it lives in target/ and stays out of `npm ci` and `make test`.
LIGHTHOUSE := target/bench-tools/node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	npm install --prefix target/bench-tools --no-save --no-package-lock --no-audit --no-fund --loglevel=error lighthouse@12.8.2

bench: dist $(COLLECTOR) $(LIGHTHOUSE)
	LIGHTHOUSE=$(LIGHTHOUSE) node scripts/bench.mjs
	@echo "Search on a generated 1,000-article corpus per locale, release Wasm in headless Chromium:"
	@wasm-pack test --headless --chrome --release --features bench --test search_bench -- --nocapture 2>&1 | grep -E '^search-bench|test result'
	@echo "Search quality on real users' questions (tests/fixtures/questions/):"
	@cargo test -q --release --test search_questions -- --nocapture 2>&1 | grep -E '^search-questions|test result'
	@echo "The collector under load and under a flood (loopback, release build):"
	@cargo build -q --release -p wallet-help-collector
	@scripts/with-postgres.sh node scripts/load.mjs

clean:
	rm -rf dist target/pkg
