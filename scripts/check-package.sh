#!/usr/bin/env bash
# The packaging check (a ./test.sh step): builds the .deb and .rpm with scripts/package.sh,
# checks what they hold (binary, desktop entry, every icon size, version from Cargo.toml), then
# installs the .deb with apt on this machine, runs the installed binary's --version and a headless
# command against a temporary data dir, and removes the package again.
#
# Installing needs root (CI runs as root; elsewhere sudo). When an `afterword` package is already
# installed, that is somebody's real install: the check leaves it alone and skips only the
# install part, saying so.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/bootstrap.sh
source scripts/bootstrap.sh

fail() {
    echo "package check failed: $*" >&2
    exit 1
}

# The binary the app's tests ran (a no-op after the test-app step; builds it when run alone), packaged
# as is: a separate `tauri build` would compile the whole dependency tree again without the test
# features, minutes of CI for the same code.
cargo test -q -p afterword --no-run
packages="$(scripts/package.sh --debug --bundle-only | tail -n 2)"
deb="$(sed -n 1p <<<"$packages")"
rpm="$(sed -n 2p <<<"$packages")"
[[ -f "$deb" && -f "$rpm" ]] || fail "package.sh did not print a .deb and an .rpm (got: $packages)"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"

# Icons regenerated from icons/source.png must equal the committed ones.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    if [[ -n "$(git status --porcelain -- icons)" ]]; then
        git status --short -- icons
        fail "the icons in icons/ differ from what icons/source.png gives: commit them"
    fi
    echo "icons match icons/source.png"
fi

# --- what the .deb holds --------------------------------------------------------------------------
[[ "$(dpkg-deb -f "$deb" Package)" == afterword ]] || fail "the .deb's package name is not afterword"
[[ "$(dpkg-deb -f "$deb" Version)" == "$version" ]] || fail "the .deb's version is not $version"
contents="$(dpkg-deb -c "$deb" | awk '{print $NF}')"
expect_in_deb() {
    grep -qxE "(\./)?$1" <<<"$contents" || fail "the .deb has no /$1"
}
expect_in_deb usr/bin/afterword
expect_in_deb usr/share/applications/Afterword.desktop
for size in 32x32 64x64 128x128 256x256@2 512x512; do
    expect_in_deb "usr/share/icons/hicolor/$size/apps/afterword.png"
done
# The typeface built into the page (Inter, ui/src/lib/typeface.ts) goes with its license.
expect_in_deb usr/share/doc/afterword/Inter-LICENSE.txt
entry="$(mktemp -d)"
trap 'rm -rf "$entry"' EXIT
dpkg-deb -x "$deb" "$entry"
desktop="$entry/usr/share/applications/Afterword.desktop"
grep -qx 'Exec=afterword' "$desktop" || fail "the desktop entry does not start afterword"
grep -qx 'Icon=afterword' "$desktop" || fail "the desktop entry has no afterword icon"
grep -qx 'Name=Afterword' "$desktop" || fail "the desktop entry is not named Afterword"
grep -q 'SIL Open Font License' "$entry/usr/share/doc/afterword/Inter-LICENSE.txt" ||
    fail "the .deb's Inter-LICENSE.txt is not the font's license"
echo "the .deb holds the binary, the desktop entry, 5 icon sizes and the font's license (version $version)"

# --- what the .rpm holds --------------------------------------------------------------------------
[[ "$(rpm -qp --queryformat '%{NAME} %{VERSION}' "$rpm" 2>/dev/null)" == "afterword $version" ]] ||
    fail "the .rpm is not afterword $version"
rpm_files="$(rpm -qlp "$rpm" 2>/dev/null)"
for f in /usr/bin/afterword /usr/share/applications/Afterword.desktop \
    /usr/share/icons/hicolor/512x512/apps/afterword.png /usr/share/doc/afterword/Inter-LICENSE.txt; do
    grep -qxF "$f" <<<"$rpm_files" || fail "the .rpm has no $f"
done
echo "the .rpm holds the binary, the desktop entry and the icons (version $version)"

# --- install, run, remove -------------------------------------------------------------------------
if dpkg-query -W -f='${Status}' afterword 2>/dev/null | grep -q ' installed$'; then
    _aw_warn "an afterword package is already installed here; not touching it, install test skipped"
    exit 0
fi

# Prints a command's output only when it fails.
quietly() {
    local log
    if ! log="$("$@" 2>&1)"; then
        printf '%s\n' "$log" >&2
        return 1
    fi
}
apt_get() { _aw_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -q "$@"; }

data_dir="$(mktemp -d)"
# Whatever happens from here on, the package does not stay installed.
trap 'rm -rf "$entry" "$data_dir"; apt_get remove -y afterword >/dev/null 2>&1 || true' EXIT
# apt (not dpkg -i) so that a missing dependency is installed rather than reported as broken.
quietly apt_get install -y "$(realpath "$deb")" || fail "apt could not install $deb"

installed=/usr/bin/afterword
[[ -x "$installed" ]] || fail "$installed is not there after installing"
[[ "$("$installed" --version)" == "afterword $version" ]] || fail "$installed --version does not say $version"
# A headless round trip through the installed binary: log a post, read it back.
id="$("$installed" --data-dir "$data_dir" log post --channel LinkedIn --at "2026-03-02 09:30" \
    --title "Installed and working")"
[[ "$id" =~ ^[0-9]+$ ]] || fail "log post printed '$id', not an id"
"$installed" --data-dir "$data_dir" list posts --json | grep -q '"Installed and working"' ||
    fail "the installed binary did not list the post it logged"
"$installed" --data-dir "$data_dir" report --json | grep -q '"posts": 1' ||
    fail "the installed binary's report does not count the post"
echo "installed $(basename "$deb"): --version, log post, list posts and report work"

quietly apt_get remove -y afterword || fail "apt could not remove the afterword package"
[[ ! -e "$installed" ]] || fail "$installed is still there after removing the package"
echo "removed again"
