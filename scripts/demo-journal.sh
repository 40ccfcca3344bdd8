#!/usr/bin/env bash
# Builds a journal holding the demo patient (Data/demo/) with her fourteen days ending
# today, through absorb's own commands: absorb demo shows the same in a throwaway copy,
# this keeps it, for trying export, import and summary on realistic data.
# Usage: scripts/demo-journal.sh JOURNAL [ABSORB]
set -euo pipefail
journal=${1:?usage: scripts/demo-journal.sh JOURNAL [ABSORB]}
absorb=${2:-absorb}
root=$(cd "$(dirname "$0")/.." && pwd)
[ -e "$journal" ] && { echo "$journal exists: give a new path" >&2; exit 1; }
"$absorb" profile set --name "Maya (demo)" --sex female --age 34 --journal "$journal" >/dev/null
today=$(date +%F)
tail -n +2 "$root/Data/demo/meals.csv" | while IFS=, read -r day meal food grams _; do
  "$absorb" log add --food "$food" --grams "$grams" --meal "$meal" --date "$(date -d "$today $day days" +%F)" --journal "$journal" >/dev/null
done
echo "$journal: the demo patient's fourteen days, ending $today"
