#!/usr/bin/env bash
# Builds the installable packages: a .deb and an .rpm, with the Tauri bundler (npm Tauri CLI).
#
#   scripts/package.sh            release build (what you ship)
#   scripts/package.sh --debug    debug build (quicker)
#   scripts/package.sh --debug --bundle-only
#                                 package the binary cargo already built for that profile, without
#                                 building it again (the CI check packages the binary the tests ran)
#
# The packages land in $CARGO_TARGET_DIR/{release,debug}/bundle/{deb,rpm}/ (target/ by default) and
# their paths are printed last, one per line. The version is the one in Cargo.toml (tauri.conf.json
# has none, so Tauri takes the crate's). No AppImage: its tooling is downloaded at build time.
#
# Every icon size comes from the one source image, icons/source.png: the sizes are regenerated
# before each build, and a change to the source shows up as changed icon files to commit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/bootstrap.sh
source scripts/bootstrap.sh

profile=release
build_flags=()
bundle_only=0
for arg in "$@"; do
    case "$arg" in
        --debug)
            profile=debug
            build_flags+=(--debug)
            ;;
        --bundle-only) bundle_only=1 ;;
        -h | --help)
            sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *) _aw_die "unknown option: $arg (see scripts/package.sh --help)" ;;
    esac
done

bootstrap

if [[ ! -t 1 ]]; then
    export CARGO_TERM_COLOR=never
fi
tauri=ui/node_modules/.bin/tauri
[[ -x "$tauri" ]] || _aw_die "the Tauri CLI is missing ($tauri); run: (cd ui && npm ci)"

# The desktop sizes the bundles use, from the source image. `tauri icon` also writes phone and
# store sizes; only the ones tauri.conf.json lists and the Windows .ico are kept. (The macOS .icns
# is left as committed: its encoder is not deterministic and Linux packages do not use it.)
regenerate_icons() {
    local out log f
    out="$(mktemp -d)"
    if ! log="$("$tauri" icon icons/source.png --output "$out" 2>&1)"; then
        printf '%s\n' "$log" >&2
        rm -rf "$out"
        _aw_die "tauri icon could not read icons/source.png"
    fi
    for f in 32x32.png 64x64.png 128x128.png 128x128@2x.png icon.png icon.ico; do
        cp "$out/$f" "icons/$f"
    done
    rm -rf "$out"
}

_aw_say "icons from icons/source.png"
regenerate_icons

# The CLI finds src-tauri/tauri.conf.json from the repository root.
if ((bundle_only)); then
    binary="${CARGO_TARGET_DIR:-target}/$profile/afterword"
    [[ -x "$binary" ]] || _aw_die "--bundle-only: there is no $binary to package; build it first"
    _aw_say "bundling the $profile binary already built ($binary) as .deb and .rpm"
    "$tauri" bundle "${build_flags[@]}" --bundles deb,rpm --ci
else
    # Tauri embeds ui/dist in the binary.
    _aw_say "building the UI"
    (cd ui && npm run build)
    _aw_say "building Afterword ($profile) and bundling .deb and .rpm"
    "$tauri" build "${build_flags[@]}" --bundles deb,rpm --ci
fi

bundle_dir="${CARGO_TARGET_DIR:-target}/$profile/bundle"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
[[ -n "$version" ]] || _aw_die "no version in Cargo.toml's [workspace.package]"
deb="$(find "$bundle_dir/deb" -maxdepth 1 -name "Afterword_${version}_*.deb" -print -quit)"
rpm="$(find "$bundle_dir/rpm" -maxdepth 1 -name "Afterword-${version}-*.rpm" -print -quit)"
[[ -n "$deb" ]] || _aw_die "no .deb for version $version in $bundle_dir/deb"
[[ -n "$rpm" ]] || _aw_die "no .rpm for version $version in $bundle_dir/rpm"
_aw_say "packages:"
printf '%s\n' "$deb" "$rpm"
