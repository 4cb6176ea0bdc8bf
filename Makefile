# SocialScan: the two quick-start commands are `make demo` and `make test`.
SWIFT ?= swift
PREFIX ?= /usr/local
BIN := .build/debug/socialscan

.PHONY: setup build demo test release install bench fuzz clean

## Install missing Debian packages (pkg-config, libxml2-dev, libcurl4-openssl-dev).
setup:
	@./scripts/setup-debian.sh

## Debug build of everything.
build: setup
	$(SWIFT) build

## Build, then scan the fictional samples (feeds and pages) and print the findings; the
## division's own copyright notices are not findings.
## Exit status 1 only means "findings were printed", which is what the demo is for.
## Student names are matched against the fictional roster in Samples/roster/ (its demo key is
## committed because the roster is invented; a real key never is).
OWN := --own-holder "Aspen Ridge School Division" --own-holder "Division scolaire Aspen Ridge"
ROSTER := --roster Samples/roster/students.csv --staff Samples/roster/staff.csv --key-file Samples/roster/demo.key
demo: build
	@echo "== socialscan scan Samples/feeds Samples/pages $(OWN) $(ROSTER)" >&2
	@$(BIN) scan Samples/feeds Samples/pages $(OWN) $(ROSTER); status=$$?; [ $$status -le 1 ] || exit $$status

## Build and run every test (XCTest and Swift Testing).
test: setup
	$(SWIFT) test

## Benchmarks (release build, baselines in the same run; not part of `make test`).
bench:
	@SOCIALSCAN_BENCH=1 ./scripts/setup-debian.sh
	@./scripts/bench.sh

## Optimised build.
release: setup
	$(SWIFT) build -c release

## Install the binary and the shipped pattern packs under PREFIX.
install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/socialscan/Patterns
	install -m 755 .build/release/socialscan $(DESTDIR)$(PREFIX)/bin/socialscan
	install -d $(DESTDIR)$(PREFIX)/share/socialscan/Patterns/names
	install -m 644 Patterns/*.yml $(DESTDIR)$(PREFIX)/share/socialscan/Patterns/
	install -m 644 Patterns/names/*.yml Patterns/names/*.tsv Patterns/names/*.txt Patterns/names/README.md $(DESTDIR)$(PREFIX)/share/socialscan/Patterns/names/

clean:
	$(SWIFT) package clean

## Fuzz the parse and detect stages (pattern rules, student names, roster numbers) for
## FUZZ_SECONDS (default 60) with libFuzzer and ASan, seeded with the samples and the eval texts.
## An input that takes longer than FUZZ_TIMEOUT seconds (default 10) is a hang: it is saved in
## .build/fuzz-artifacts/ like a crash. Not part of `make test`.
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 10
fuzz: setup
	rm -f Fuzz/.build/debug/description.json  # SwiftPM caches a path dependency's file list
	# --sanitize fuzzer instruments the fuzzer's own module only; -sanitize=fuzzer on every
	# module gives libFuzzer the coverage of the stages it fuzzes (73,000 counters, not 44).
	swift build --package-path Fuzz --product parse-fuzzer --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer
	mkdir -p .build/fuzz-corpus && cp -n Samples/feeds/*.* Samples/pages/*.html .build/fuzz-corpus/ 2>/dev/null || true
	python3 scripts/eval-texts.py Samples/eval .build/fuzz-corpus
	mkdir -p .build/fuzz-artifacts
	Fuzz/.build/debug/parse-fuzzer -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -max_len=65536 \
		-artifact_prefix=.build/fuzz-artifacts/ .build/fuzz-corpus
