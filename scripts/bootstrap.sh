#!/usr/bin/env bash
# Installs what Afterword needs to build and test, and nothing that is already there.
#
#   scripts/bootstrap.sh           build dependencies: apt packages, Rust, Node.js, the UI's npm packages
#   scripts/bootstrap.sh --test    the same plus what the tests need: Xvfb, WebKitWebDriver, tauri-driver,
#                                  dunst and a session bus
#
# run.sh and test.sh `source` this file and call `bootstrap` / `bootstrap --test`, so that PATH changes
# (~/.cargo/bin after a fresh rustup install) carry over to them.
#
# Idempotent and quick when everything is present. Non-interactive: apt runs with
# DEBIAN_FRONTEND=noninteractive, through sudo only when not root; `apt-get update` runs at most once,
# and only when something has to be installed. Debian 12 and Ubuntu 24.04 are supported; elsewhere
# the apt step is skipped with a warning and the rest still works if the libraries are present.

set -euo pipefail

AFTERWORD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Build dependencies of a Tauri 2 app on Linux (https://v2.tauri.app/start/prerequisites/).
AFTERWORD_BUILD_PACKAGES=(
    build-essential curl file pkg-config git
    libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
)
# Tests only: a virtual display, the WebDriver server for WebKitGTK (/usr/bin/WebKitWebDriver),
# a notification server and a private session bus (dbus-run-session is in dbus-daemon), and rpm to
# read the .rpm the packaging check builds.
AFTERWORD_TEST_PACKAGES=(
    xvfb xauth webkit2gtk-driver dunst dbus-x11 dbus-daemon libdbus-1-dev rpm
)
AFTERWORD_TAURI_DRIVER_VERSION=2.1.0
AFTERWORD_CARGO_DENY_VERSION=0.20.2
AFTERWORD_NODE_MIN_DEFAULT=18.18

_aw_say() { printf '==> %s\n' "$*"; }
_aw_warn() { printf '==> warning: %s\n' "$*" >&2; }
_aw_die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# True when version $1 >= version $2 (dotted numbers).
_aw_version_ge() {
    [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}

_aw_path_prepend() {
    case ":$PATH:" in
        *":$1:"*) ;;
        *) export PATH="$1:$PATH" ;;
    esac
}

_aw_cargo_bin() { printf '%s/bin' "${CARGO_HOME:-$HOME/.cargo}"; }

# Runs a command as root: directly when root, else through sudo (which may ask for a password on
# the terminal; without a terminal it must be password-less).
_aw_as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        if ! sudo -n true 2>/dev/null && ! { : </dev/tty; } 2>/dev/null; then
            _aw_die "root is needed for: $*
sudo wants a password and there is no terminal to ask on. Run it yourself, then try again."
        fi
        sudo "$@"
    else
        _aw_die "root is needed for: $*
You are not root and sudo is not installed. Run it as root, then try again."
    fi
}

# Prints the packages from the arguments that are not installed.
_aw_missing_packages() {
    local pkg status
    for pkg in "$@"; do
        status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
        [[ "$status" == *" ok installed" ]] || printf '%s\n' "$pkg"
    done
}

_AW_APT_UPDATED=0
_aw_apt_install() {
    (($# > 0)) || return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        _aw_die "apt-get not found; install these yourself: $*"
    fi
    if ((_AW_APT_UPDATED == 0)); then
        _aw_say "apt-get update"
        _aw_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -q update
        _AW_APT_UPDATED=1
    fi
    _aw_say "apt-get install $*"
    _aw_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -q install -y "$@"
    hash -r
}

# The Node.js version ui/package.json asks for ("engines": {"node": ">=18.18"}), else the default.
_aw_node_min() {
    local min=""
    if [[ -f "$AFTERWORD_ROOT/ui/package.json" ]]; then
        min="$(sed -n 's/.*"node"[[:space:]]*:[[:space:]]*">=[[:space:]]*\([0-9][0-9.]*\)".*/\1/p' \
            "$AFTERWORD_ROOT/ui/package.json" | head -n1)"
    fi
    printf '%s' "${min:-$AFTERWORD_NODE_MIN_DEFAULT}"
}

_aw_node_ok() {
    command -v node >/dev/null 2>&1 || return 1
    local have
    have="$(node --version 2>/dev/null)" || return 1
    _aw_version_ge "${have#v}" "$(_aw_node_min)"
}

# --- steps ---------------------------------------------------------------------------------------

# apt packages, plus Node.js and npm when node is missing or too old (Debian 12 and Ubuntu 24.04
# ship Node 18.19). One apt-get update and one apt-get install for everything missing.
bootstrap_system() {
    local with_tests=$1
    local wanted=("${AFTERWORD_BUILD_PACKAGES[@]}")
    if ((with_tests)); then
        wanted+=("${AFTERWORD_TEST_PACKAGES[@]}")
    fi
    if ! _aw_node_ok; then
        wanted+=(nodejs)
    fi
    # Debian's nodejs comes without npm; NodeSource's includes it (and conflicts with Debian's npm).
    if ! command -v npm >/dev/null 2>&1; then
        wanted+=(npm)
    fi

    if ! command -v dpkg-query >/dev/null 2>&1; then
        _aw_warn "not a Debian/Ubuntu system: make sure these (or their equivalents) are installed: ${wanted[*]}"
        return 0
    fi
    local missing=()
    mapfile -t missing < <(_aw_missing_packages "${wanted[@]}")
    if ((${#missing[@]} == 0)); then
        _aw_say "system packages: all present"
    else
        _aw_say "system packages missing: ${missing[*]}"
        _aw_apt_install "${missing[@]}"
    fi
}

# Rust via rustup (unless a recent enough cargo is already there), with rustfmt and clippy.
bootstrap_rust() {
    local cargo_bin need have
    cargo_bin="$(_aw_cargo_bin)"
    if [[ -d "$cargo_bin" ]]; then
        _aw_path_prepend "$cargo_bin"
    fi

    need="$(sed -n 's/^rust-version[[:space:]]*=[[:space:]]*"\([0-9.]*\)".*/\1/p' "$AFTERWORD_ROOT/Cargo.toml" | head -n1)"
    need="${need:-1.0}"

    if command -v cargo >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1 && ! rustc --version >/dev/null 2>&1; then
        _aw_say "rustup has no default toolchain: installing stable"
        rustup default stable
    fi

    have=""
    if command -v cargo >/dev/null 2>&1; then
        have="$(rustc --version 2>/dev/null | awk '{print $2}')" || true
        have="${have%%-*}"
    fi
    if [[ -n "$have" ]] && ! _aw_version_ge "$have" "$need"; then
        if command -v rustup >/dev/null 2>&1 && [[ "$(command -v cargo)" == "$cargo_bin/cargo" ]]; then
            _aw_say "Rust $have is older than the $need this project needs: rustup update stable"
            rustup update stable
            have="$(rustc --version | awk '{print $2}')"
            have="${have%%-*}"
            _aw_version_ge "$have" "$need" ||
                _aw_die "Rust $have is still older than $need (is the default toolchain pinned? see 'rustup show')"
        else
            _aw_say "Rust $have on PATH ($(command -v cargo)) is older than $need: installing rustup in $cargo_bin"
            have=""
        fi
    fi
    if [[ -z "$have" ]]; then
        _aw_say "installing Rust with rustup (profile minimal, with rustfmt and clippy)"
        curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs |
            RUSTUP_INIT_SKIP_PATH_CHECK=yes sh -s -- -y --profile minimal -c rustfmt,clippy
        if [[ -f "${CARGO_HOME:-$HOME/.cargo}/env" ]]; then
            # shellcheck source=/dev/null
            . "${CARGO_HOME:-$HOME/.cargo}/env"
        fi
        export PATH="$cargo_bin:$PATH" # first, ahead of an older cargo elsewhere on PATH
        hash -r
        [[ -x "$cargo_bin/cargo" ]] || _aw_die "rustup finished but cargo is not in $cargo_bin"
    fi

    local component
    for component in rustfmt clippy; do
        local probe=fmt
        [[ "$component" == clippy ]] && probe=clippy
        if ! cargo "$probe" --version >/dev/null 2>&1; then
            command -v rustup >/dev/null 2>&1 ||
                _aw_die "cargo $probe is missing and there is no rustup to add it; install $component"
            _aw_say "rustup component add $component"
            rustup component add "$component"
        fi
    done
    _aw_say "Rust: $(rustc --version | awk '{print $2}') with rustfmt and clippy"
}

bootstrap_node() {
    hash -r
    _aw_node_ok || _aw_die "Node.js $(_aw_node_min) or newer is needed, found: $(node --version 2>/dev/null || echo none).
Install a newer Node.js (https://nodejs.org or NodeSource) and try again."
    command -v npm >/dev/null 2>&1 || _aw_die "npm is missing (it comes with Node.js; on Debian/Ubuntu: apt-get install npm)"
    _aw_say "Node.js: $(node --version), npm $(npm --version)"
}

# `npm ci` in ui/ when node_modules is missing or older than package.json / package-lock.json.
# The stamp lives inside node_modules, so deleting node_modules also forgets it. npm's own hidden
# lockfile (node_modules/.package-lock.json, written by every npm install) counts as a stamp too.
bootstrap_ui_deps() {
    local ui="$AFTERWORD_ROOT/ui"
    if [[ ! -f "$ui/package.json" ]]; then
        _aw_say "ui/package.json does not exist yet: skipping the UI's npm packages"
        return 0
    fi
    local stamp="$ui/node_modules/.afterword-npm-ci.stamp"
    local fresh=0 ref
    for ref in "$stamp" "$ui/node_modules/.package-lock.json"; do
        if [[ -f "$ref" && ! "$ui/package.json" -nt "$ref" ]] &&
            [[ ! -f "$ui/package-lock.json" || ! "$ui/package-lock.json" -nt "$ref" ]]; then
            fresh=1
            break
        fi
    done
    if ((fresh)); then
        _aw_say "UI npm packages: up to date"
        return 0
    fi
    if [[ -f "$ui/package-lock.json" ]]; then
        _aw_say "UI npm packages: npm ci"
        (cd "$ui" && npm ci --no-audit --no-fund)
    else
        _aw_warn "ui/package-lock.json is missing: running npm install (commit the lockfile it writes)"
        (cd "$ui" && npm install --no-audit --no-fund)
    fi
    touch "$stamp"
}

# tauri-driver (the WebDriver proxy the end-to-end tests start) and WebKitWebDriver behind it.
bootstrap_tauri_driver() {
    local cargo_bin
    cargo_bin="$(_aw_cargo_bin)"
    if [[ -d "$cargo_bin" ]]; then
        _aw_path_prepend "$cargo_bin"
    fi
    if command -v tauri-driver >/dev/null 2>&1; then
        _aw_say "tauri-driver: $(command -v tauri-driver)"
    else
        _aw_say "installing tauri-driver $AFTERWORD_TAURI_DRIVER_VERSION (cargo install, a few minutes)"
        cargo install --locked tauri-driver --version "$AFTERWORD_TAURI_DRIVER_VERSION"
        hash -r
        command -v tauri-driver >/dev/null 2>&1 || _aw_die "cargo installed tauri-driver but it is not on PATH ($cargo_bin)"
    fi
    if ! command -v WebKitWebDriver >/dev/null 2>&1 && [[ ! -x /usr/bin/WebKitWebDriver ]]; then
        _aw_die "WebKitWebDriver not found (Debian/Ubuntu package webkit2gtk-driver)"
    fi
    _aw_say "WebKitWebDriver: $(command -v WebKitWebDriver || echo /usr/bin/WebKitWebDriver)"
}

# cargo-deny, for the license, ban and source checks of ./test.sh (see deny.toml, SECURITY.md).
bootstrap_cargo_deny() {
    if cargo deny --version 2>/dev/null | grep -q " $AFTERWORD_CARGO_DENY_VERSION\$"; then
        _aw_say "cargo-deny: $(cargo deny --version)"
    else
        _aw_say "installing cargo-deny $AFTERWORD_CARGO_DENY_VERSION (cargo install, a few minutes)"
        cargo install --locked cargo-deny --version "$AFTERWORD_CARGO_DENY_VERSION"
    fi
}

# bootstrap [--test]: everything needed to build (and with --test, to run the tests).
bootstrap() {
    local with_tests=0 arg
    for arg in "$@"; do
        case "$arg" in
            --test) with_tests=1 ;;
            *) _aw_die "bootstrap: unknown option '$arg' (usage: bootstrap [--test])" ;;
        esac
    done
    bootstrap_system "$with_tests"
    bootstrap_rust
    bootstrap_node
    bootstrap_ui_deps
    if ((with_tests)); then
        bootstrap_tauri_driver
        bootstrap_cargo_deny
    fi
}

# Kept for callers that prefer a named function for the test extras.
bootstrap_test_deps() { bootstrap --test; }

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    case "${1:-}" in
        -h | --help)
            sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
    esac
    bootstrap "$@"
    _aw_say "bootstrap done"
fi
