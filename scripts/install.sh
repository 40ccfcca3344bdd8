#!/usr/bin/env bash
# Builds absorb in release mode and installs it under a prefix:
#
#   PREFIX/bin/absorb                                  the program
#   PREFIX/share/absorb/Data/                          the data tables (found beside the program)
#   PREFIX/share/man/man1/absorb.1                     the man page (man/absorb.1)
#   PREFIX/share/bash-completion/completions/absorb    shell completions, made by the program
#   PREFIX/share/zsh/site-functions/_absorb
#   PREFIX/share/fish/vendor_completions.d/absorb.fish
#
# PREFIX is --prefix, else $PREFIX, else /usr/local when run as root and ~/.local otherwise
# (no sudo needed). --destdir stages the files under another root (for packaging);
# --binary PATH installs an absorb already built instead of building one; --uninstall
# removes what an install put there.
#
#   scripts/install.sh                       # or: make install
#   scripts/install.sh --prefix /opt/absorb  # or: make install PREFIX=/opt/absorb
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=${PREFIX:-}
destdir=${DESTDIR:-}
binary=""
uninstall=false
while (($#)); do
    case "$1" in
        --prefix) prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#*=}; shift ;;
        --destdir) destdir=$2; shift 2 ;;
        --destdir=*) destdir=${1#*=}; shift ;;
        --binary) binary=$2; shift 2 ;;
        --binary=*) binary=${1#*=}; shift ;;
        --uninstall) uninstall=true; shift ;;
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
    esac
done
if [ -z "$prefix" ]; then
    if [ "$(id -u)" -eq 0 ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
fi
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac
root="$destdir$prefix"

files=(bin/absorb share/man/man1/absorb.1 share/bash-completion/completions/absorb
       share/zsh/site-functions/_absorb share/fish/vendor_completions.d/absorb.fish)
if $uninstall; then
    for file in "${files[@]}"; do rm -f "$root/$file"; done
    rm -rf "$root/share/absorb/Data"
    rmdir "$root/share/absorb" 2>/dev/null || true
    echo "removed absorb from $root"
    exit 0
fi

if [ -z "$binary" ]; then
    # The Swift runtime and Foundation linked in, so the program runs where no Swift
    # toolchain is installed (it still needs libncursesw6 and libsqlite3, as the README says).
    swift build -c release --static-swift-stdlib --product absorb
    binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/absorb"
fi
[ -x "$binary" ] || { echo "install.sh: $binary is not an executable" >&2; exit 1; }

install -d -m 0755 "$root/bin" "$root/share/man/man1" "$root/share/absorb" \
    "$root/share/bash-completion/completions" "$root/share/zsh/site-functions" \
    "$root/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$root/bin/absorb.new"
mv -f "$root/bin/absorb.new" "$root/bin/absorb"
# The tables are replaced whole, so a table an older absorb had and this one has not is gone.
rm -rf "$root/share/absorb/Data.new"
cp -R Data "$root/share/absorb/Data.new"
chmod -R u=rwX,go=rX "$root/share/absorb/Data.new"
rm -rf "$root/share/absorb/Data"
mv "$root/share/absorb/Data.new" "$root/share/absorb/Data"
install -m 0644 man/absorb.1 "$root/share/man/man1/absorb.1"
"$root/bin/absorb" --generate-completion-script bash > "$root/share/bash-completion/completions/absorb"
"$root/bin/absorb" --generate-completion-script zsh > "$root/share/zsh/site-functions/_absorb"
"$root/bin/absorb" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/absorb.fish"

echo "installed absorb in $root"
if [ -z "$destdir" ]; then
    # The installed program finds its own tables: check it, on a journal of its own.
    check=$(mktemp -d)
    (cd / && env -u ABSORB_DATA ABSORB_JOURNAL="$check/journal.sqlite" XDG_CACHE_HOME="$check/cache" \
        "$root/bin/absorb" foods search salmon --limit 1 > /dev/null) \
        || { rm -rf "$check"; echo "install.sh: the installed absorb did not run" >&2; exit 1; }
    rm -rf "$check"
    case ":$PATH:" in
        *":$prefix/bin:"*) ;;
        *) echo "add $prefix/bin to your PATH (then man absorb finds the page too), e.g. in ~/.profile:"
           echo "  export PATH=\"$prefix/bin:\$PATH\"" ;;
    esac
fi
