#!/usr/bin/env bash
# Builds each libFuzzer target (with AddressSanitizer) and runs it for N seconds.
#   Fuzz/run.sh [seconds per target, default 60] [target ...]   targets: csv quantity search
# Crashes are written to Fuzz/crashes/<target>/; the corpus grows in .build-fuzz/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
if [ $# -gt 0 ]; then targets=("$@"); else targets=(csv quantity search); fi
build=.build-fuzz
mkdir -p "$build"
sources=$(find Sources/NutrientModel -name '*.swift' | sort)
for target in "${targets[@]}"; do
    case "$target" in
        csv) file=Fuzz/CSVFuzz.swift ;;
        quantity) file=Fuzz/QuantityFuzz.swift ;;
        search) file=Fuzz/SearchFuzz.swift ;;
        *) echo "unknown target $target" >&2; exit 2 ;;
    esac
    binary="$build/$target-fuzzer"
    if [ ! -x "$binary" ] || [ -n "$(find $sources "$file" -newer "$binary" 2>/dev/null | head -1)" ]; then
        echo "building $target"
        swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name NutrientModel \
            $sources "$file" -o "$binary"
    fi
    corpus="$build/corpus/$target"
    mkdir -p "$corpus" "Fuzz/crashes/$target"
    cp -n Fuzz/seeds/"$target"/* "$corpus"/ 2>/dev/null || true
    echo "fuzzing $target for $seconds s"
    ABSORB_DATA="$PWD/Data" "$binary" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -artifact_prefix="Fuzz/crashes/$target/" -print_final_stats=1 2>&1 | tail -15
done
