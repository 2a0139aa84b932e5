# Broadsheet's commands. Each one installs what it needs first (scripts/setup.sh), quickly when
# everything is already there. Tool versions live in scripts/versions.env.
SHELL := /bin/bash
ENV := source scripts/env.sh &&

.PHONY: serve test bench build setup clean

## serve: build the demo and serve it on http://127.0.0.1:8080 (rebuilds on change)
serve:
	scripts/setup.sh build
	$(ENV) trunk serve

## test: every test: model (native), components (headless Chromium), end-to-end (Playwright + Chromium)
test:
	scripts/test.sh

## bench: shipped bytes of the release build and time to the article's h1 in headless Chromium
bench:
	scripts/setup.sh bench
	$(ENV) trunk build --release
	$(ENV) node tests/bench/bench.mjs

## build: the release build into dist/ (sizes tuned: opt-level z, LTO, wasm-opt -Oz)
build:
	scripts/setup.sh build
	$(ENV) trunk build --release

setup:
	scripts/setup.sh test

clean:
	rm -rf dist target .build test-results playwright-report
