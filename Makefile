# kei-pipeline — see README.md.
SWIFT   ?= swift
CONFIG  ?= debug
PREFIX  ?= /usr/local
WORKFLOW ?= issue-3-2
BIN      = .build/$(CONFIG)/kei-pipeline

.PHONY: all build run test install deps test-deps snapshots bench clean train-cite cv-cite bench-cite eval-dates hostile fuzz sanitize

all: build

# System dependencies: libxml2 headers through pkg-config (build), xmllint (tests).
# Installed with apt-get when running as root, otherwise the exact command is printed.
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libxml-2.0 2>/dev/null || missing="$$missing libxml2-dev"; \
	pkg-config --exists libxslt 2>/dev/null || missing="$$missing libxslt1-dev"; \
	pkg-config --exists sqlite3 2>/dev/null || missing="$$missing libsqlite3-dev"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing:$$missing"; apt-get update -qq && apt-get install -y -qq $$missing; \
	  else echo "missing:$$missing — run: sudo apt-get install -y$$missing"; exit 2; fi; \
	fi

test-deps: deps
	@if ! command -v xmllint >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing: libxml2-utils"; apt-get update -qq && apt-get install -y -qq libxml2-utils; \
	  else echo "missing: xmllint — run: sudo apt-get install -y libxml2-utils"; exit 2; fi; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG) --product kei-pipeline

# Runs the sample issue; the binary exits 0 gate passed, 1 gate failed, 2 configuration or input error.
# The binary prints the per-article summary and where the outputs went (out/$(WORKFLOW)/). A failed gate
# (exit 1: e.g. the journal's ISSNs are still placeholders, which fails the publish gate) still wrote every
# output, so make reports it and does not stop; exit 2 stops make.
run: build
	@$(BIN) run $(WORKFLOW); rc=$$?; \
	if [ $$rc -eq 1 ]; then echo "make run: the gate failed (kei-pipeline exit 1): see the findings above; the outputs are written."; \
	elif [ $$rc -ne 0 ]; then exit $$rc; fi

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Re-record golden files (the recording tests fail on purpose so the diff gets reviewed).
snapshots: test-deps
	-RECORD_SNAPSHOTS=1 $(SWIFT) test
	@git status --short Tests

install: deps
	$(SWIFT) build -c release --product kei-pipeline
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 .build/release/kei-pipeline $(DESTDIR)$(PREFIX)/bin/kei-pipeline

# Benchmark: generates the KEI-like corpus (../shared/bench) once into BENCH_DIR, then prints, from one run
# on the same files: bare libxml2 parsing, ingest alone, and the full pipeline through the CLI (a child
# `kei-pipeline check` with Workflows/default.yml, JSON report written) on 1/4, 1/2 and all of the pages,
# a warm re-run, the ratio full / bare on the same number of cores and the child's peak memory.
# BENCH_ARGS: e.g. --limit 1000, --jobs 1, --breakdown (in-process time per ingest step and for lint.style).
BENCH_N   ?= 6869
BENCH_ARGS ?=
BENCH_DIR ?= /tmp/kei-bench-corpus-$(BENCH_N)
bench: deps
	$(SWIFT) build -c release --product kei-pipeline
	@if [ ! -f $(BENCH_DIR)/.complete ]; then \
	  echo "generating $(BENCH_N) pages into $(BENCH_DIR)"; \
	  python3 ../shared/bench/make_corpus.py --seed-file ../shared/seed/000_585abf9ef188c73f.txt --out $(BENCH_DIR) --n $(BENCH_N) && touch $(BENCH_DIR)/.complete; \
	fi
	.build/release/kei-pipeline bench $(BENCH_DIR) $(BENCH_ARGS)

# Reference parser (Sources/KeiCitations): train-cite regenerates the committed model from
# Sources/KeiCitations/Training/*.xml minus the dev strings (deterministic); cv-cite cross-validates on
# the training data; bench-cite scores the compiled-in model on the dev set per field and measures speed.
CITE_DEV ?= ../shared/testdata/citations/anystyle-dev.json
CITE_TRAIN = Sources/KeiCitations/Training
train-cite:
	$(SWIFT) build -c release --product kei-cite-train
	.build/release/kei-cite-train train $(CITE_TRAIN) $(CITE_DEV) Sources/KeiCitations/Parser/ReferenceModelData.swift

cv-cite:
	$(SWIFT) build -c release --product kei-cite-train
	.build/release/kei-cite-train cv $(CITE_TRAIN) $(CITE_DEV) 5

bench-cite:
	$(SWIFT) build -c release --product kei-cite-train
	.build/release/kei-cite-train bench $(CITE_DEV)

# Precision and recall of the date extractor on Tests/KeiDatesTests/Fixtures/date-mentions.jsonl, by kind.
eval-dates: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter DateMentionSetTests 2>&1 | sed -n '/^date-mentions.jsonl/,/precisionAndRecallOnTheLabelledSet/p' | grep -v precisionAndRecallOnTheLabelledSet

# The hostile-input suite (Tests/KeiCLITests/HostileInput*.swift) at full size: 1,000,000 sibling paragraphs and
# 10,000 footnotes instead of the default suite's 20,000 and 500 (minutes and about 1.5 GB in the debug build).
# Prints each case's duration ("hostile: CASE: N s, exit N").
hostile: test-deps
	$(SWIFT) build --build-tests
	KEI_HOSTILE_FULL=1 $(SWIFT) test --skip-build --filter HostileInput

# Fuzzing (README "Fuzzing and sanitizers"): builds kei-fuzz with libFuzzer coverage and AddressSanitizer in
# .build/fuzz, seeds a corpus per reader from Samples/, Workflows/ and ../shared/testdata at run time, runs each
# reader for FUZZ_SECONDS (-timeout=10 per input, -rss_limit_mb=2048), FUZZ_PARALLEL at a time, and prints per
# reader the seconds, executions, coverage and any crash file (.build/fuzz/findings/RUN-TIME/). Exit 1 on a finding.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= html text workflow journal style timeline manifest baseline reference
FUZZ_PARALLEL ?= 1
fuzz: deps
	SWIFT=$(SWIFT) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGETS="$(FUZZ_TARGETS)" FUZZ_PARALLEL=$(FUZZ_PARALLEL) Fuzz/fuzz.sh

# The test suite under AddressSanitizer, then ThreadSanitizer, each in its own build folder (.build/asan,
# .build/tsan; the ordinary build is untouched). SANITIZE_FILTER limits both runs (swift test --filter).
SANITIZE_FILTER ?=
SANITIZE_TEST = $(if $(SANITIZE_FILTER),--filter '$(SANITIZE_FILTER)')
sanitize: test-deps
	$(SWIFT) build --build-tests --scratch-path .build/asan --sanitize address
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --scratch-path .build/asan --sanitize address $(SANITIZE_TEST)
	$(SWIFT) build --build-tests --scratch-path .build/tsan --sanitize thread
	TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --skip-build --scratch-path .build/tsan --sanitize thread $(SANITIZE_TEST)

clean:
	rm -rf .build out
