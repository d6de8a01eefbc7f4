# MockPilot: `make demo` runs a meeting through the whole pipeline, `make test` runs the tests.
SWIFT ?= swift
BIN := .build/debug/mockpilot
RELEASE_BIN := .build/release/mockpilot

.PHONY: deps models build release demo test bench eval gallery clean

deps:
	@scripts/deps.sh

models: deps
	@scripts/models.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: build models
	@scripts/demo.sh $(BIN)

# Serially: several tests drive real processes (tmux, Chromium, local API servers) with
# deadlines, and two cores shared by Whisper tests in parallel make those deadlines noise.
test: deps models
	$(SWIFT) build
	$(SWIFT) test --no-parallel

bench: release models
	@scripts/bench.sh $(RELEASE_BIN)

eval: release models
	@scripts/eval.sh $(RELEASE_BIN)

# A contact sheet of every component kind, rendered offline in headless Chromium.
gallery: build models
	@scripts/gallery-all.sh $(BIN)

clean:
	rm -rf .build mockpilot-out
