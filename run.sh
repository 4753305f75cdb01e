#!/usr/bin/env bash
# The first command: installs what is missing, builds the UI and the app, and opens Afterword.
#
#   ./run.sh [ARGS...]        ARGS go to the app, e.g. ./run.sh --data-dir /tmp/aw, ./run.sh list posts --json
#   AFTERWORD_DEBUG=1 ./run.sh   debug build instead of release (faster to compile)
#
# Your data lives in the platform data dir (~/.local/share/afterword) unless --data-dir or
# AFTERWORD_DATA_DIR says otherwise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# shellcheck source=scripts/bootstrap.sh
source scripts/bootstrap.sh
bootstrap

if [[ ! -t 1 ]]; then
    export CARGO_TERM_COLOR=never
fi

# Tauri embeds ui/dist into the binary at compile time, so the UI is built first.
_aw_say "building the UI (npm run build)"
(cd ui && npm run build)

if [[ "${AFTERWORD_DEBUG:-0}" == 1 ]]; then
    profile=debug
    _aw_say "building Afterword (debug)"
    cargo build -p afterword
else
    profile=release
    _aw_say "building Afterword (release; AFTERWORD_DEBUG=1 for a quicker debug build)"
    cargo build --release -p afterword
fi

target_dir="${CARGO_TARGET_DIR:-target}"
bin="$target_dir/$profile/afterword"
[[ -x "$bin" ]] || _aw_die "the build finished but $bin is not there"

# Without a subcommand (log, list, ...) or --help/--version the binary opens a window, which needs a
# desktop session. Subcommands work headless.
needs_window=1
skip_next=0
for arg in "$@"; do
    if ((skip_next)); then
        skip_next=0
        continue
    fi
    case "$arg" in
        --data-dir) skip_next=1 ;;
        -h | --help | -V | --version) needs_window=0 ;;
        -*) ;;
        *)
            needs_window=0
            break
            ;;
    esac
done

if ((needs_window)) && [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    cat >&2 <<EOF
Afterword is built ($bin), but it opens a window and there is no desktop session here
(neither DISPLAY nor WAYLAND_DISPLAY is set). Run ./run.sh from a terminal inside your desktop,
or use the command line without a window, e.g.:
    $bin list posts --json
EOF
    exit 1
fi

if ((needs_window)); then
    _aw_say "starting Afterword (data in ${AFTERWORD_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/afterword} unless --data-dir is given)"
fi
exec "$bin" "$@"
