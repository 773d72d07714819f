#!/usr/bin/env bash
# The web intake end to end, on loopback: 8 clients sending 200 drawings (p50/p99 latency),
# a SIGKILL in the middle of that load, then a real browser (Debian's chromium, headless,
# driven by Playwright) drawing, sending and reviewing. Each step is bounded in time.
# Usage: scripts/serve-tests.sh [BINARY]   (default: the optimised test build's binary)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build-test/release/referral-atlas}
[ -x "$binary" ] || { echo "error: $binary not found; run the Swift tests first (make test)" >&2; exit 1; }
./scripts/install-deps.sh --browser
timeout 900 python3 Tests/Serve/load_and_crash.py "$binary"
timeout 600 python3 Tests/Serve/browser_test.py "$binary" .build-test/screenshots
