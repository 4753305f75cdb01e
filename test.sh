#!/usr/bin/env bash
# The second command: installs what is missing, then runs every check CI runs, failing fast.
#
#   ./test.sh              all steps, in order
#   ./test.sh STEP...      only the named steps (after the same set-up), e.g. ./test.sh fmt clippy
#   ./test.sh --list       print the step names
#
# Works without a display and without stdin: the app's tests run under Xvfb with a private session
# bus (dbus-run-session; dunst is D-Bus-activated as the notification server when a test notifies).
#
# Adding a check: append a `step NAME COMMAND...` line below, or drop an executable
# scripts/check-*.sh in; those run last, in name order, each as its own step.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

ALL_STEPS=(fmt ui-build ui-check ui-test types clippy test-core test-app)
for f in scripts/check-*.sh; do
    if [[ -e "$f" ]]; then
        ALL_STEPS+=("$(basename "$f" .sh)")
    fi
done

ONLY=()
for arg in "$@"; do
    case "$arg" in
        --list)
            printf '%s\n' "${ALL_STEPS[@]}"
            exit 0
            ;;
        -h | --help)
            sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        -*)
            echo "unknown option: $arg (see ./test.sh --help)" >&2
            exit 2
            ;;
        *)
            if [[ " ${ALL_STEPS[*]} " != *" $arg "* ]]; then
                echo "unknown step: $arg (steps: ${ALL_STEPS[*]})" >&2
                exit 2
            fi
            ONLY+=("$arg")
            ;;
    esac
done

TOTAL_START=$SECONDS

# shellcheck source=scripts/bootstrap.sh
source scripts/bootstrap.sh
bootstrap --test

if [[ ! -t 1 ]]; then
    export CARGO_TERM_COLOR=never NO_COLOR=1
fi
# The tests start tauri-driver from PATH.
_aw_path_prepend "$(_aw_cargo_bin)"

# --- helpers -------------------------------------------------------------------------------------

DONE_NAMES=()
DONE_TIMES=()

_fmt_duration() {
    local s=$1
    if ((s >= 60)); then
        printf '%dm%02ds' $((s / 60)) $((s % 60))
    else
        printf '%ds' "$s"
    fi
}

_summary() {
    ((${#DONE_NAMES[@]} > 0)) || return 0
    local i line=""
    for i in "${!DONE_NAMES[@]}"; do
        line+="${DONE_NAMES[$i]} $(_fmt_duration "${DONE_TIMES[$i]}"), "
    done
    printf '==> %s\n' "${line%, }"
}

# step NAME COMMAND... : runs COMMAND (a program or a function) with `set -e` and no stdin, timed.
# On failure prints "FAILED: NAME" and stops.
step() {
    local name=$1
    shift
    if ((${#ONLY[@]})) && [[ " ${ONLY[*]} " != *" $name "* ]]; then
        return 0
    fi
    printf '\n==> [%s]\n' "$name"
    local start=$SECONDS rc
    set +e
    (
        set -e
        "$@"
    ) </dev/null
    rc=$?
    set -e
    local took=$((SECONDS - start))
    if ((rc != 0)); then
        echo
        _summary
        echo "FAILED: $name (exit code $rc, after $(_fmt_duration "$took"))" >&2
        exit 1
    fi
    DONE_NAMES+=("$name")
    DONE_TIMES+=("$took")
    printf '==> [%s] ok (%s)\n' "$name" "$(_fmt_duration "$took")"
}

# Runs a command under a virtual X display with a private session bus and runtime dir, never on
# the user's desktop. A notification sent there D-Bus-activates dunst.
headless() {
    local runtime_dir rc=0
    runtime_dir="$(mktemp -d "${TMPDIR:-/tmp}/afterword-test-runtime.XXXXXX")"
    chmod 700 "$runtime_dir"
    xvfb-run -a -s "-screen 0 1280x900x24" \
        dbus-run-session -- \
        env -u WAYLAND_DISPLAY XDG_RUNTIME_DIR="$runtime_dir" GDK_BACKEND=x11 NO_AT_BRIDGE=1 \
        WEBKIT_DISABLE_DMABUF_RENDERER=1 \
        "$@" || rc=$?
    rm -rf "$runtime_dir"
    return "$rc"
}

ui() { (cd ui && "$@"); }

# The TypeScript types in ui/src/lib/bindings are generated from Rust and committed; regenerating
# them must change nothing.
types_up_to_date() {
    local dir=ui/src/lib/bindings
    if [[ ! -x scripts/gen-types.sh ]]; then
        echo "scripts/gen-types.sh does not exist (yet): skipping the type drift check"
        return 0
    fi
    scripts/gen-types.sh
    if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        echo "not a git checkout: cannot compare $dir with the committed files; skipping"
        return 0
    fi
    # Unstaged, staged and untracked changes (and deletions) against the last commit.
    local changes
    changes="$(git status --porcelain --untracked-files=all -- "$dir")"
    if [[ -n "$changes" ]] || ! git diff --quiet -- "$dir"; then
        printf '%s\n' "$changes"
        git --no-pager diff --stat -- "$dir" || true
        echo "generated TypeScript types are out of date: run scripts/gen-types.sh and commit" >&2
        return 1
    fi
    echo "generated TypeScript types match the Rust types"
}

# --- steps ---------------------------------------------------------------------------------------

step fmt cargo fmt --all --check

# The UI is built before anything compiles the app: Tauri embeds ui/dist at compile time.
step ui-build ui npm run build
step ui-check ui npm run check
step ui-test ui npm test

step types types_up_to_date

# Licenses, banned crates and sources of every dependency (offline; advisories: SECURITY.md).
step deny cargo deny --log-level error check licenses bans sources

step clippy cargo clippy --workspace --all-targets -- -D warnings

# Everything but the app crate needs no window: parallel, no display. The empty window
# (examples/empty-window, scripts/bench.sh's floor) has no tests; excluding it saves building tauri.
step test-core env -u AFTERWORD_E2E cargo test --workspace --exclude afterword --exclude empty-window
# The app crate (command tests, crash test, end-to-end tests through tauri-driver and
# WebKitWebDriver) under Xvfb, one test at a time.
step test-app headless env AFTERWORD_E2E=1 cargo test -p afterword -- --test-threads=1

for f in scripts/check-*.sh; do
    if [[ -e "$f" ]]; then
        step "$(basename "$f" .sh)" "$f"
    fi
done

echo
_summary
printf '==> all %d steps passed in %s\n' "${#DONE_NAMES[@]}" "$(_fmt_duration $((SECONDS - TOTAL_START)))"
