# Two commands do everything on a fresh Debian/Ubuntu machine with Swift installed:
#   make atlas   renders the whole atlas into Output/
#   make test    runs the tests
# Both install the Debian packages they need first (scripts/install-deps.sh).

SWIFT ?= swift
OUTPUT ?= Output

PREFIX ?= /usr/local

.PHONY: atlas test deps build clean bench install fuzz eval serve

deps:
	@./scripts/install-deps.sh

# The Swift runtime and Foundation are linked into the binary: a one-picture run then does
# not load and relocate a dozen more shared libraries (README, Performance). Every release
# build here uses the same flags, so that they share one build folder.
RELEASE = -c release --static-swift-stdlib

build: deps
	$(SWIFT) build $(RELEASE) --product referral-atlas

atlas: build
	./.build/release/referral-atlas validate
	./.build/release/referral-atlas render --all -o $(OUTPUT)

# Optimised, with @testable access: the photo and scan tests decode, warp and read
# megapixel images, which an unoptimised build does 20 times slower.
test: deps
	$(SWIFT) test -c release -Xswiftc -enable-testing --scratch-path .build-test
	./scripts/fuzz.sh short
	./scripts/serve-tests.sh .build-test/release/referral-atlas

# The clinic's web intake on http://127.0.0.1:8080 (data in ./intake).
serve: build
	./.build/release/referral-atlas serve

# The comparison on 400 held-out generated drawings (seeds never used while tuning): top-1,
# top-3, group, side, two-source and photo-vs-PNG agreement, the most confused pairs.
EVAL_COUNT ?= 400
eval: deps
	$(SWIFT) build $(RELEASE) --product atlas-eval
	./.build/release/atlas-eval held-out $(EVAL_COUNT)

# Fuzz every reader for FUZZ_SECONDS each (default 600), two at a time.
FUZZ_SECONDS ?= 600
fuzz: deps
	./scripts/fuzz.sh long $(FUZZ_SECONDS)

clean:
	rm -rf .build .build-test
	find $(OUTPUT) -mindepth 1 ! -name README.md -exec rm -rf {} +

# Release-mode benchmarks (package-benchmark): wall time, CPU, peak memory, allocations.
# The whole-process benchmarks run the release binary that `build` makes; the last line is the
# web intake under load (8 clients, 200 drawings on loopback: p50/p99 latency).
bench: build
	cd Benchmarks && $(SWIFT) package benchmark
	python3 Tests/Serve/load_and_crash.py .build/release/referral-atlas load

# Installs the binary and the atlas it reads by default (PREFIX/share/referral-atlas/Atlas).
install: build
	install -d $(PREFIX)/bin $(PREFIX)/share/referral-atlas
	install -m 755 .build/release/referral-atlas $(PREFIX)/bin/referral-atlas
	rm -rf $(PREFIX)/share/referral-atlas/Atlas
	cp -R Atlas $(PREFIX)/share/referral-atlas/Atlas
