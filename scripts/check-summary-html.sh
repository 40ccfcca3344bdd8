#!/usr/bin/env bash
# Renders the HTML session summary of the demo patient in a real headless browser and
# leaves a screenshot to look at: the by-eye check that goes with SummaryTests.
# Usage: scripts/check-summary-html.sh [OUT_DIR]   (needs Debian's chromium)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/.build/summary-check}
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "chromium is not installed: apt-get install chromium" >&2; exit 1; }
swift build --package-path "$root" --product absorb >/dev/null
absorb="$root/.build/debug/absorb"
rm -rf "$out" && mkdir -p "$out"
"$root/scripts/demo-journal.sh" "$out/journal.sqlite" "$absorb"
"$absorb" summary --format html --output "$out/summary.html" --journal "$out/journal.sqlite"
"$absorb" summary --format markdown --output "$out/summary.md" --journal "$out/journal.sqlite"
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$out/chromium" \
  --window-size=1000,2200 --screenshot="$out/summary.png" "file://$out/summary.html" 2>/dev/null
"$chromium" --headless --no-sandbox --disable-gpu --user-data-dir="$out/chromium" \
  --print-to-pdf="$out/summary.pdf" "file://$out/summary.html" 2>/dev/null
echo "Screenshot: $out/summary.png  Printed: $out/summary.pdf  Markdown: $out/summary.md"
