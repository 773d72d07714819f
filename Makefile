# Two commands do everything on a fresh Debian/Ubuntu machine with Swift installed:
#   make atlas   renders the whole atlas into Output/
#   make test    runs the tests
# Both install the Debian packages they need first (scripts/install-deps.sh).

SWIFT ?= swift
OUTPUT ?= Output

.PHONY: atlas test deps build clean bench

deps:
	@./scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product referral-atlas

atlas: build
	./.build/release/referral-atlas validate
	./.build/release/referral-atlas render --all -o $(OUTPUT)

test: deps
	$(SWIFT) test

clean:
	rm -rf .build
	find $(OUTPUT) -mindepth 1 ! -name README.md -exec rm -rf {} +

# Release-mode benchmarks (package-benchmark): wall time, CPU, peak memory, allocations.
bench: deps
	cd Benchmarks && $(SWIFT) package benchmark
