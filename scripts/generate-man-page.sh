#!/usr/bin/env bash
# Writes man/absorb.1 from absorb's own help text with swift-argument-parser's manual
# generator (its generate-manual plugin), so the page and `absorb help` say the same.
#
# The generator drops every character that is not ASCII (its escaping has a TODO for it),
# which would print "µg RAE" as "g RAE" and lose the dashes. So the plugin is run once to
# build its tool, and the tool is then run on a wrapper that hands it absorb's help with
# each such character as a placeholder; the placeholders become roff's \[uXXXX] escapes,
# which man (groff, mandoc) prints as the character.
#
#   scripts/generate-man-page.sh          # regenerate man/absorb.1
#   MAN_DATE=2026-12-01 scripts/generate-man-page.sh
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Builds absorb (debug) and the generator; its own page, with the characters dropped, is discarded.
swift package --allow-writing-to-directory "$work" generate-manual --configuration debug \
    --output-directory "$work" > "$work/plugin.log" 2>&1 || { cat "$work/plugin.log"; exit 1; }
bin=$(swift build --show-bin-path)
tool="$bin/generate-manual-tool"
[ -x "$tool" ] || { echo "generate-man-page: no generator at $tool" >&2; exit 1; }

mkdir -p "$work/wrapper"
cat > "$work/wrapper/absorb" <<WRAPPER
#!/bin/sh
"$bin/absorb" "\$@" | perl -CS -pe 's/([^\x00-\x7F])/sprintf("QQU%04XQQ", ord(\$1))/ge'
WRAPPER
chmod +x "$work/wrapper/absorb"

mkdir -p "$work/out"
date=${MAN_DATE:-$(date -u +%Y-%m-%d)}
"$tool" "$work/wrapper/absorb" --date "$date" --section 1 --output-directory "$work/out"
mkdir -p man
perl -pe 's/QQU([0-9A-F]{4})QQ/\\[u$1]/g; s/^$/.Pp/' "$work/out/absorb.1" > man/absorb.1
echo "wrote man/absorb.1 ($(wc -l < man/absorb.1) lines); read it with: man ./man/absorb.1"
