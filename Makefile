# Anneal: `make serve` and `make test` set up whatever is missing, then do their job.
# Every setup step is idempotent and fast when the tool is already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION   := 0.21.14
BINARYEN_VERSION := 132.0.0
# Minifies the wasm-bindgen JS glue in release builds (Trunk.toml's post-build hook).
TERSER_VERSION := 5.51.4
# wasm-bindgen-cli must equal the crate pinned in Cargo.toml.
WBG_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
CHROMIUM    := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver

TOOLS := $(CURDIR)/.tools
# Project-local binaryen first, so Debian's wasm-opt 108 (which breaks the app) is never picked.
export PATH := $(TOOLS)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER

.PHONY: help setup setup-web setup-browser serve test check fmt-check clippy test-native \
        test-browser build size size-detail e2e bench screenshot frameworks-check frameworks-fuzz clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# ---------------------------------------------------------------- setup

setup-web: ## Install the wasm target, Trunk, wasm-bindgen-cli, wasm-opt and terser if missing
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@trunk --version 2>/dev/null | grep -qx 'trunk $(TRUNK_VERSION)' \
	  || cargo install trunk --locked --version $(TRUNK_VERSION)
	@# Without --locked: the CLI's lockfile pins a webpki-roots release this registry lacks.
	@wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WBG_VERSION)' \
	  || cargo install wasm-bindgen-cli --version $(WBG_VERSION) --force
	@# Both in one install: a later --no-save install of one would prune the other.
	@{ $(TOOLS)/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version 132' \
	  && grep -qs '"version": "$(TERSER_VERSION)"' $(TOOLS)/node_modules/terser/package.json; } \
	  || npm install --prefix $(TOOLS) --no-audit --no-fund --no-save \
	       binaryen@$(BINARYEN_VERSION) terser@$(TERSER_VERSION)

setup-browser: ## Install Chromium, ChromeDriver (apt, as root) and Playwright (npm) if missing
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; \
	  else \
	    echo "Browser tests need Debian's Chromium and ChromeDriver:" >&2; \
	    echo "  sudo apt-get install -y chromium chromium-driver" >&2; exit 1; \
	  fi; \
	fi
	@[ -d e2e/node_modules/playwright-core ] && [ -d e2e/node_modules/axe-core ] || (cd e2e && npm ci --no-audit --no-fund)

setup: setup-web setup-browser ## Install everything `make test` needs

# ---------------------------------------------------------------- use

serve: setup-web ## Serve the app on http://127.0.0.1:8080 (rebuilds on change)
	trunk serve --address 127.0.0.1 --port 8080

test: setup check test-native test-browser build size e2e ## Run every check, stopping at the first failure

check: fmt-check clippy ## Formatting and lints (native and wasm32)

fmt-check: ## cargo fmt --check
	cargo fmt --all -- --check

clippy: ## cargo clippy -D warnings, native and wasm32
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

test-native: ## Unit, property and golden tests of the pure core
	cargo test

test-browser: ## wasm-bindgen-test suites in headless Chromium
	cargo test --target wasm32-unknown-unknown

build: setup-web ## Release build into dist/
	trunk build --release

size: ## Gzip size of dist/ per file, against the budget (fails above the ceiling)
	node e2e/size.mjs

# wasm-opt drops the name section, so this builds once without it (into target/size-detail),
# then shrinks that copy as the release build does, keeping the names (-g). The flags are read
# from index.html, their one home.
WASM_OPT_ATTRS := data-wasm-opt="\([^"]*\)" data-wasm-opt-params="\([^"]*\)"
size-detail: setup-web ## Code bytes per crate and per module of ours, and the data section
	sed 's/$(WASM_OPT_ATTRS)/data-wasm-opt="0"/' index.html > size-detail.html
	trunk build --release --dist target/size-detail size-detail.html; status=$$?; rm -f size-detail.html; exit $$status
	wasm-opt $$(sed -n 's/.*$(WASM_OPT_ATTRS).*/-O\1 \2/p' index.html) -g target/size-detail/*_bg.wasm -o target/size-detail/named.wasm
	node e2e/size-detail.mjs target/size-detail/named.wasm

e2e: ## Playwright suite against dist/ served on 127.0.0.1
	cd e2e && node --test

screenshot: setup build ## Regenerate docs/screenshot.png from the e2e run
	cd e2e && UPDATE_SCREENSHOT=1 node --test --test-name-pattern='light theme'

bench: setup build ## Criterion benchmarks of the core, then input→paint latency in Chromium
	cargo bench --bench schedule
	cargo bench --bench landscape
	cd e2e && node bench-latency.mjs
	cd e2e && node bench-lab.mjs
	cd e2e && MONKEY_SEEDS=20261128 MONKEY_EVENTS=10000 node --test monkey.test.mjs
	cd e2e && node bench-memory.mjs
	cd e2e && node bench-first-chart.mjs
	cd e2e && node bench-extremes.mjs

# The five libraries at the versions the golden files were computed with (not needed by `make test`).
FRAMEWORKS_VENV ?= $(CURDIR)/target/frameworks-venv
FUZZ_CASES ?= 20
FUZZ_SEED ?= 1
FRAMEWORKS_PINS := torch==2.15.0 timm==1.0.31 transformers==5.24.0 optax==0.2.8 jax==0.10.2 keras==3.15.1

frameworks-check: ## Run every preset's and a battery of links' exported code in the real libraries
	@test -x $(FRAMEWORKS_VENV)/bin/python || python3 -m venv $(FRAMEWORKS_VENV)
	@$(FRAMEWORKS_VENV)/bin/python -c 'import torch, timm, transformers, optax, jax' 2>/dev/null \
	  || $(FRAMEWORKS_VENV)/bin/pip install -q $(FRAMEWORKS_PINS)
	cargo build --release --bin anneal
	$(FRAMEWORKS_VENV)/bin/python tests/frameworks/check.py target/release/anneal

frameworks-fuzz: ## Random parameters for every golden family, in the real libraries and in `anneal eval`
	@test -x $(FRAMEWORKS_VENV)/bin/python || python3 -m venv $(FRAMEWORKS_VENV)
	@$(FRAMEWORKS_VENV)/bin/python -c 'import torch, timm, transformers, optax, jax, keras' 2>/dev/null \
	  || $(FRAMEWORKS_VENV)/bin/pip install -q $(FRAMEWORKS_PINS)
	cargo build --release --bin anneal
	$(FRAMEWORKS_VENV)/bin/python tests/frameworks/fuzz.py target/release/anneal $(FUZZ_CASES) $(FUZZ_SEED)

clean: ## Remove build output (target/, dist/)
	cargo clean
	rm -rf dist
