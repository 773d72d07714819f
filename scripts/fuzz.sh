#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (with AddressSanitizer) and runs them.
#   scripts/fuzz.sh short          replay corpus and regressions, then a fixed-seed run (CI)
#   scripts/fuzz.sh long [SECONDS] fuzz each reader for SECONDS (default 600), two at a time
# Crashes, hangs and leaks are written to Fuzz/Regressions/<target>/ (keep them: the
# test suite replays every file there).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-short}
seconds=${2:-600}
targets=(FuzzPattern FuzzFigure FuzzStyleAndBody FuzzAnatomy FuzzPNG FuzzJPEG)
scratch=.build-fuzz

for t in "${targets[@]}"; do
    (cd Fuzz && swift build --product "$t" -Xswiftc -sanitize=fuzzer,address --scratch-path "../$scratch" 2>&1 \
        | grep -v "ld.gold: warning" | grep -E "error|Compiling|Build" | tail -1)
done

# fontconfig, glib and pango keep caches for the life of the process: not our leaks.
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0"
common=(-timeout=30 -rss_limit_mb=2048)

run() {  # target, extra libFuzzer flags...
    local t=$1; shift
    mkdir -p "Fuzz/Regressions/$t" "Fuzz/Corpus/$t"
    "$scratch/debug/$t" "${common[@]}" -artifact_prefix="Fuzz/Regressions/$t/" "$@"
}

case "$mode" in
short)
    for t in "${targets[@]}"; do
        # Every seed and regression file once, then a fixed-seed mutation run (repeatable).
        mapfile -t files < <(find "Fuzz/Corpus/$t" "Fuzz/Regressions/$t" -type f ! -name '.*' | sort)
        run "$t" "${files[@]}" 2>&1 | grep -E "^Executed|ERROR|SUMMARY" | tail -1
        run "$t" -seed=1 -runs=2000 "$(mktemp -d)" "Fuzz/Corpus/$t" 2>&1 | tail -1
        echo "$t: ok"
    done
    echo "fuzz short run: every reader clean"
    ;;
long)
    for pair in "FuzzPattern FuzzPNG" "FuzzFigure FuzzStyleAndBody" "FuzzJPEG FuzzAnatomy"; do
        # New inputs go to a working corpus under the scratch folder; Fuzz/Corpus keeps the seeds.
        for t in $pair; do
            mkdir -p "$scratch/corpus-$t"
            run "$t" -max_total_time="$seconds" "$scratch/corpus-$t" "Fuzz/Corpus/$t" > "$scratch/$t.log" 2>&1 &
        done
        wait
    done
    tail -n 3 "$scratch"/Fuzz*.log
    ;;
*) echo "usage: scripts/fuzz.sh short|long [SECONDS]" >&2; exit 2 ;;
esac
