# Broadsheet's commands. Each one installs what it needs first (scripts/setup.sh), quickly when
# everything is already there. Tool versions live in scripts/versions.env.
SHELL := /bin/bash
ENV := source scripts/env.sh &&

.PHONY: serve test screenshots bench build setup clean

## serve: build the demo and serve it on http://127.0.0.1:8080 (rebuilds on change)
serve:
	scripts/setup.sh build
	$(ENV) trunk serve

## test: every test: model (native), components (headless Chromium), end-to-end (Playwright + Chromium)
test:
	scripts/test.sh

## screenshots: rewrite the screenshot tests' reference pictures that changed (tests/e2e/screenshots/),
## on purpose; look at each one before committing it.
screenshots:
	scripts/screenshots.sh

## bench: every target of issue 11 measured on the release build (bytes, interactive, paint vs plain HTML on
## brotli and gzip hosts, SPA and widget first loads, comments vs Isso, lightbox, Lighthouse), plus the
## benchmarks colleagues keep in tests/bench/ (languages, comments vs Waline's client, ...), ending with one
## table: target, today, met.
## About 15 minutes.
bench:
	scripts/setup.sh bench
	scripts/release.sh
	$(ENV) node tests/bench/bench.mjs

## build: the release build into dist/: the app (size-tuned wasm), then `scripts/broadsheet build`
## on content/ (articles, pictures, pre-rendered pages, feeds, sitemap, compression).
## SITE_URL=https://example.org/ sets the published address used in canonical links and feeds.
build:
	scripts/setup.sh build
	scripts/release.sh

setup:
	scripts/setup.sh test

clean:
	rm -rf dist target .build test-results playwright-report
