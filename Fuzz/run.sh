#!/usr/bin/env bash
# Builds each libFuzzer target (with AddressSanitizer) and runs it for N seconds.
#   Fuzz/run.sh [seconds per target, default 60] [target ...]   targets: csv quantity search archive cronometer
# Crashes are written to Fuzz/crashes/<target>/; the corpus grows in .build-fuzz/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
if [ $# -gt 0 ]; then targets=("$@"); else targets=(csv quantity search archive cronometer); fi
build=.build-fuzz
mkdir -p "$build"
# The model with the files it is given (DataFiles), built as one module.
sources=$(find Sources/NutrientModel Sources/DataFiles -name '*.swift' | sort)
for target in "${targets[@]}"; do
    case "$target" in
        csv) files=(Fuzz/CSVFuzz.swift) ;;
        quantity) files=(Fuzz/QuantityFuzz.swift) ;;
        search) files=(Fuzz/SearchFuzz.swift) ;;
        # The journal archive's reader and validation need no SQLite: built with the model.
        archive) files=(Fuzz/ArchiveFuzz.swift Sources/Journal/JournalArchive.swift Sources/Journal/JournalArchive+CSV.swift
                        Sources/Journal/JournalArchive+JSON.swift Sources/Journal/JournalArchive+Validation.swift Sources/Journal/JournalArchive+Integrity.swift) ;;
        cronometer) files=(Fuzz/CronometerFuzz.swift) ;;
        *) echo "unknown target $target" >&2; exit 2 ;;
    esac
    binary="$build/$target-fuzzer"
    if [ ! -x "$binary" ] || [ -n "$(find $sources "${files[@]}" -newer "$binary" 2>/dev/null | head -1)" ]; then
        echo "building $target"
        # A failed build fails the script: the old binary is removed first, so a stale one
        # is never fuzzed, and swiftc's status (not grep's) decides.
        rm -f "$binary"
        status=0
        swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name NutrientModel -package-name absorb \
            $sources "${files[@]}" -o "$binary" > "$build/$target-build.log" 2>&1 || status=$?
        if [ "$status" -ne 0 ] || [ ! -x "$binary" ]; then
            grep -v "part of module 'NutrientModel'; ignoring import" "$build/$target-build.log" >&2 || true
            echo "building $target failed (swiftc exit status $status; the log is $build/$target-build.log)" >&2
            exit 1
        fi
    fi
    corpus="$build/corpus/$target"
    mkdir -p "$corpus" "Fuzz/crashes/$target"
    cp -n Fuzz/seeds/"$target"/* "$corpus"/ 2>/dev/null || true
    echo "fuzzing $target for $seconds s"
    # Swift's own crash reporter off: libFuzzer and AddressSanitizer report a crash and
    # save its input; the reporter, under them, could hang and keep this script waiting.
    SWIFT_BACKTRACE=enable=no ABSORB_DATA="$PWD/Data" "$binary" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -artifact_prefix="Fuzz/crashes/$target/" -print_final_stats=1 2>&1 | tail -15
done
