#!/usr/bin/env bash
# Start-up time and memory of Afterword against the floor: an empty Tauri 2 window of the same
# Tauri version (examples/empty-window), both built and measured in this run; then the core
# benches. See README.md, "Benchmarks".
#
#   scripts/bench.sh                 20 launches of each, idle wake-ups over 2 x 60 s in 5 more
#                                    launches of each, core benches
#   scripts/bench.sh --launches N    N launches of each (the targets are judged on at least 10)
#   scripts/bench.sh --skip-core     leave out the criterion benches
#   scripts/bench.sh --quick         a smoke run: 3 launches, wake-ups over 2 x 15 s in one launch
#                                    of each, no core benches
#
# Measured under Xvfb with a private session bus, launches alternating between the two:
# - start-up: from just before exec to the page's start-up mark (the first view has its data in
#   the DOM and the window is shown; for the empty window, its page is in the DOM);
# - PSS: summed over the process and its children (the WebKit processes) after 5 s idle;
# - idle wake-ups: context switches of every thread of that process tree over the first quiet
#   minute after start-up and over the minute after it, medians of five launches each.
# The app opens a fresh copy of a database with ten years of heavy use each time
# (afterword_core::bench_data); both get fresh XDG dirs each time, so WebKit starts alike.
# Targets (issue 7): start-up and PSS at most 1.15 x the empty window's; at most one wake-up a
# minute when idle beyond the empty window's own (an empty WebKitGTK window wakes ~35 times a
# minute here: its memory-pressure monitor polls every 5 s, and the main loops).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Twenty, not the ten the targets ask for at least: on a 2-core VM the time from exec to the
# page's request alone varies by +-50 ms between launches, and ten launches let that move a
# median (and the ratio) by 0.1 between otherwise equal runs.
LAUNCHES=20
WAKE_SECONDS=60
# Five, alternating: one launch's first minute moves by +-4 between otherwise equal launches
# (how many of WebKit's start-up timers fall inside it; the empty window's: 31-42), more than the
# target's one-a-minute margin; with three the medians still differed by +-3 between runs.
WAKE_LAUNCHES=5
CORE=1
IDLE_SECONDS=5
TARGET_RATIO=1.15

if [[ ${AFTERWORD_BENCH_INNER:-} == 1 ]]; then
    # The measuring half, started by the building half below under the virtual display.
    LAUNCHES=$AFTERWORD_BENCH_LAUNCHES
    WAKE_SECONDS=$AFTERWORD_BENCH_WAKE_SECONDS
    WAKE_LAUNCHES=$AFTERWORD_BENCH_WAKE_LAUNCHES
else
    while (($#)); do
        case "$1" in
            --launches)
                [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || {
                    echo "--launches needs a positive number" >&2
                    exit 2
                }
                LAUNCHES=$2
                shift
                ;;
            --skip-core) CORE=0 ;;
            --quick)
                LAUNCHES=3
                WAKE_SECONDS=15
                WAKE_LAUNCHES=1
                CORE=0
                ;;
            -h | --help)
                sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'
                exit 0
                ;;
            *)
                echo "unknown option: $1 (see scripts/bench.sh --help)" >&2
                exit 2
                ;;
        esac
        shift
    done
fi

TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
APP_BIN=$TARGET_DIR/release/afterword
EMPTY_BIN=$TARGET_DIR/release/empty-window
HEAVY_DB=$TARGET_DIR/release/examples/heavy_db

say() { printf '==> %s\n' "$*"; }

# --- measuring (runs inside the virtual display; see the end of the file) -------------------------

# Microseconds since the epoch from bash's $EPOCHREALTIME ("seconds.micros").
now_us() {
    local t=$EPOCHREALTIME
    printf '%s' "${t/./}"
}

# The process $1 and all its descendants, one pid a line (from the ppid in /proc/*/stat).
process_tree() {
    local root=$1 stat rest pid ppid
    declare -A children=()
    for stat in /proc/[0-9]*/stat; do
        pid=${stat#/proc/}
        pid=${pid%/stat}
        read -r rest <"$stat" 2>/dev/null || continue
        rest=${rest##*) }
        read -r _ ppid _ <<<"$rest"
        children[$ppid]+="$pid "
    done
    local queue=("$root") next
    while ((${#queue[@]})); do
        next=${queue[0]}
        queue=("${queue[@]:1}")
        [[ -d /proc/$next ]] || continue
        echo "$next"
        # shellcheck disable=SC2206
        queue+=(${children[$next]:-})
    done
}

# Summed PSS (kB) of the tree under $1.
tree_pss_kb() {
    local total=0 pid kb
    for pid in $(process_tree "$1"); do
        kb=$(awk '/^Pss:/ { print $2; exit }' "/proc/$pid/smaps_rollup" 2>/dev/null) || kb=0
        total=$((total + ${kb:-0}))
    done
    echo "$total"
}

# "pid/tid process:thread count" for every thread of the tree under $1 (voluntary + involuntary
# context switches: each is the thread going to sleep or being woken).
tree_switches() {
    local pid task comm name line n
    for pid in $(process_tree "$1"); do
        read -r name <"/proc/$pid/comm" 2>/dev/null || continue
        for task in /proc/"$pid"/task/*; do
            read -r comm <"$task/comm" 2>/dev/null || continue
            n=0
            while read -r line; do
                case "$line" in
                    voluntary_ctxt_switches:* | nonvoluntary_ctxt_switches:*) n=$((n + ${line##*[[:space:]]})) ;;
                esac
            done <"$task/status" 2>/dev/null || continue
            echo "$pid/${task##*/} ${name// /_}:${comm// /_} $n"
        done
    done
}

# Starts program $1 ("app" or "empty") in a fresh dir $2; sets LAUNCHED to its pid. The start
# time is taken in the child just before exec, so it includes everything the program does.
launch() {
    local which=$1 dir=$2
    mkdir -p "$dir/xdg/data" "$dir/xdg/cache" "$dir/xdg/config"
    local cmd=("$EMPTY_BIN")
    if [[ $which == app ]]; then
        mkdir -p "$dir/data"
        cp "$SEED_DIR/afterword.sqlite3" "$dir/data/"
        cmd=("$APP_BIN" --data-dir "$dir/data")
    fi
    (
        export XDG_DATA_HOME=$dir/xdg/data XDG_CACHE_HOME=$dir/xdg/cache
        export XDG_CONFIG_HOME=$dir/xdg/config AFTERWORD_STARTUP_MARK_FILE=$dir/mark
        now_us >"$dir/start"
        # A desktop's locale, as in the end-to-end tests. (Under LANG=C.UTF-8 the app's page
        # has been seen not to mark, so the window came only with the 5 s fallback.)
        exec env LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 "${cmd[@]}" >"$dir/out.log" 2>&1 </dev/null
    ) &
    LAUNCHED=$!
}

# Waits for the mark (60 s at most); prints the start-up time in µs.
await_mark() {
    local dir=$1 pid=$2 deadline=$((SECONDS + 60))
    while [[ ! -s $dir/mark ]]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "the program exited before its start-up mark; its output:" >&2
            cat "$dir/out.log" >&2
            return 1
        fi
        if ((SECONDS > deadline)); then
            echo "no start-up mark within 60 s (see $dir/out.log)" >&2
            return 1
        fi
        sleep 0.02
    done
    sleep 0.05 # the mark is written in one go; let the write finish
    echo $(($(head -n 1 "$dir/mark" | tr -d '[:space:]') - $(<"$dir/start")))
}

# Ends the tree under $1: TERM, then KILL for anything left after 5 s.
stop_tree() {
    local pids
    mapfile -t pids < <(process_tree "$1")
    kill -TERM "${pids[@]}" 2>/dev/null || true
    local deadline=$((SECONDS + 5))
    while kill -0 "${pids[@]}" 2>/dev/null && ((SECONDS < deadline)); do
        sleep 0.1
    done
    kill -KILL "${pids[@]}" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# median / min / max of the numbers on stdin, as "median min max".
stats() {
    sort -n | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        print m, v[1], v[NR] }'
}

measure() {
    local run_dir results round which order dir pid us kb
    run_dir=$(mktemp -d "${TMPDIR:-/tmp}/afterword-bench.XXXXXX")
    results=$run_dir/results
    : >"$results"
    say "launching each $LAUNCHES times, alternating (runs in $run_dir)"
    for ((round = 1; round <= LAUNCHES; round++)); do
        # Alternate which goes first, so neither always starts on a machine the other just warmed.
        if ((round % 2)); then order=(app empty); else order=(empty app); fi
        for which in "${order[@]}"; do
            dir=$run_dir/$which-$round
            launch "$which" "$dir"
            pid=$LAUNCHED
            us=$(await_mark "$dir" "$pid") || {
                stop_tree "$pid"
                return 1
            }
            sleep "$IDLE_SECONDS"
            kb=$(tree_pss_kb "$pid")
            if ((round == 1)); then
                printf '    %s processes: %s\n' "$which" \
                    "$(process_tree "$pid" | xargs -I{} cat /proc/{}/comm 2>/dev/null | tr '\n' ' ')"
            fi
            stop_tree "$pid"
            echo "$which $us $kb" >>"$results"
            # The steps on the way (after the mark's own line), relative to the start.
            tail -n +2 "$dir/mark" | awk -v s="$(<"$dir/start")" -v w="$which" \
                'NF == 2 { print w, $1, ($2 - s) / 1000 }' >>"$results.steps"
            printf '    %2d %-5s  start-up %6.0f ms  PSS %6.1f MB\n' "$round" "$which" \
                "$(awk -v u="$us" 'BEGIN { print u / 1000 }')" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
        done
    done

    local app_ms empty_ms app_mb empty_mb
    app_ms=$(awk '$1 == "app" { print $2 / 1000 }' "$results" | stats)
    empty_ms=$(awk '$1 == "empty" { print $2 / 1000 }' "$results" | stats)
    app_mb=$(awk '$1 == "app" { print $3 / 1024 }' "$results" | stats)
    empty_mb=$(awk '$1 == "empty" { print $3 / 1024 }' "$results" | stats)

    say "idle wake-ups over two ${WAKE_SECONDS} s windows (from the mark and ${IDLE_SECONDS} s), $WAKE_LAUNCHES launches each, alternating"
    local wake_results=$run_dir/wake-ups app_wake empty_wake
    : >"$wake_results"
    for ((round = 1; round <= WAKE_LAUNCHES; round++)); do
        if ((round % 2)); then order=(app empty); else order=(empty app); fi
        for which in "${order[@]}"; do
            echo "$which $(wakeups "$which" "$run_dir/$which-idle-$round")" >>"$wake_results"
        done
    done
    # "median-of-1st median-of-2nd" per program.
    app_wake="$(awk '$1 == "app" { print $2 }' "$wake_results" | stats | cut -d' ' -f1) \
$(awk '$1 == "app" { print $3 }' "$wake_results" | stats | cut -d' ' -f1)"
    empty_wake="$(awk '$1 == "empty" { print $2 }' "$wake_results" | stats | cut -d' ' -f1) \
$(awk '$1 == "empty" { print $3 }' "$wake_results" | stats | cut -d' ' -f1)"

    echo
    say "results ($LAUNCHES launches each; median (min-max); wake-ups: medians of $WAKE_LAUNCHES)"
    awk -v a="$app_ms" -v e="$empty_ms" -v am="$app_mb" -v em="$empty_mb" -v t="$TARGET_RATIO" \
        -v aw="$app_wake" -v ew="$empty_wake" 'BEGIN {
        split(a, A, " "); split(e, E, " "); split(am, AM, " "); split(em, EM, " ")
        split(aw, AW, " "); split(ew, EW, " ")
        printf "                 %-24s %-24s %s\n", "Afterword", "empty window", "ratio (target <= " t ")"
        rs = A[1] / E[1]; rm = AM[1] / EM[1]
        printf "    start-up     %-24s %-24s %.2f %s\n", sprintf("%.0f ms (%.0f-%.0f)", A[1], A[2], A[3]),
            sprintf("%.0f ms (%.0f-%.0f)", E[1], E[2], E[3]), rs, (rs <= t ? "ok" : "OVER")
        printf "    PSS          %-24s %-24s %.2f %s\n", sprintf("%.1f MB (%.1f-%.1f)", AM[1], AM[2], AM[3]),
            sprintf("%.1f MB (%.1f-%.1f)", EM[1], EM[2], EM[3]), rm, (rm <= t ? "ok" : "OVER")
        # The empty window already wakes (WebKitGTK'"'"'s memory-pressure monitor, the main loops);
        # what the app adds on top is what it can answer for.
        for (i = 1; i <= 2; i++) {
            wd = AW[i] - EW[i]
            printf "    wake-ups %s  %-24s %-24s %+.1f/min more (target <= 1/min more: %s)\n",
                (i == 1 ? "1st" : "2nd"), sprintf("%.1f/min", AW[i]), sprintf("%.1f/min", EW[i]), wd,
                (wd <= 1 ? "ok" : "OVER")
        }
    }'
    echo "    (load average now: $(cut -d' ' -f1-3 /proc/loadavg); other work on the machine moves these)"
    start_up_steps "$results.steps"
    rm -rf "$run_dir"
}

# Where start-up time goes: per step ("which name ms-after-start" lines in $1), the median ms
# after the process started, in order, the app's and the empty window's side by side.
start_up_steps() {
    [[ -s $1 ]] || return 0
    echo
    say "on the way to the mark: median ms after the process started"
    awk '{ k = $1 " " $2; n[k]++; v[k, n[k]] = $3; names[$2] = 1 }
        END {
            for (k in n) {
                # an insertion sort per step: ten or so values
                c = n[k]
                for (i = 2; i <= c; i++) { x = v[k, i]; j = i - 1
                    while (j > 0 && v[k, j] > x) { v[k, j + 1] = v[k, j]; j-- } v[k, j + 1] = x }
                med[k] = (c % 2) ? v[k, (c + 1) / 2] : (v[k, c / 2] + v[k, c / 2 + 1]) / 2
            }
            for (s in names) {
                a = ("app " s in med) ? sprintf("%.0f", med["app " s]) : "-"
                e = ("empty " s in med) ? sprintf("%.0f", med["empty " s]) : "-"
                order = ("app " s in med) ? med["app " s] : med["empty " s]
                printf "%012.3f        %-24s %10s %14s\n", order, s, a, e
            }
        }' "$1" | sort | cut -c17- | {
        printf '    %-24s %10s %14s\n' step Afterword "empty window"
        cat
    }
}

# Launches $1 once, waits for the mark and the idle time, then counts context switches over two
# windows of WAKE_SECONDS one after the other; prints "first-per-minute second-per-minute" and
# shows each window's busiest threads. The first window still holds start-up's one-time
# aftermath (the allocator giving memory back, the first garbage collections); the second is
# the idle a window left open sees.
wakeups() {
    local which=$1 dir=$2 pid first second third
    launch "$which" "$dir"
    pid=$LAUNCHED
    await_mark "$dir" "$pid" >/dev/null || {
        stop_tree "$pid"
        echo "0 0"
        return 0
    }
    sleep "$IDLE_SECONDS"
    first=$(tree_switches "$pid")
    sleep "$WAKE_SECONDS"
    second=$(tree_switches "$pid")
    sleep "$WAKE_SECONDS"
    third=$(tree_switches "$pid")
    stop_tree "$pid"
    local a b
    a=$(window_wakeups "$which" "1st" "$first" "$second")
    b=$(window_wakeups "$which" "2nd" "$second" "$third")
    echo "$a $b"
}

# Wake-ups between two tree_switches samples ($3, $4) of $1, labelled $2: names the busiest
# threads on stderr, prints the per-minute figure.
window_wakeups() {
    local which=$1 label=$2 per_thread total
    # Threads alive at both samples; the busiest first.
    per_thread=$(awk 'NR == FNR { b[$1] = $3; next } ($1 in b) { d = $3 - b[$1]; if (d > 0) print d, $2 }' \
        <(echo "$3") <(echo "$4") | sort -rn)
    total=$(awk '{ n += $1 } END { print n + 0 }' <<<"$per_thread")
    printf '    %-5s %s %d s: %d wake-ups; busiest threads: %s\n' "$which" "$label" "$WAKE_SECONDS" \
        "$total" "$(head -5 <<<"$per_thread" | awk '{ printf "%s %s, ", $2, $1 }' | sed 's/, $//')" >&2
    awk -v n="$total" -v s="$WAKE_SECONDS" 'BEGIN { print n * 60 / s }'
}

if [[ ${AFTERWORD_BENCH_INNER:-} == 1 ]]; then
    SEED_DIR=$1
    measure
    exit 0
fi

# --- building -------------------------------------------------------------------------------------

# shellcheck source=scripts/bootstrap.sh
source scripts/bootstrap.sh
bootstrap --test
if [[ ! -t 1 ]]; then
    export CARGO_TERM_COLOR=never NO_COLOR=1
fi

say "building the UI, then Afterword, the empty window and the database generator (release)"
npm --prefix ui run build >/dev/null
# Separately, so that the empty window's tauri features are not unified with the app's.
cargo build --release -p afterword
cargo build --release -p empty-window
cargo build --release -p afterword-core --example heavy_db
TAURI_VERSION=$(awk '/^name = "tauri"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
say "both on tauri $TAURI_VERSION (one Cargo.lock)"

SEED_DIR=$(mktemp -d "${TMPDIR:-/tmp}/afterword-bench-seed.XXXXXX")
trap 'rm -rf "$SEED_DIR"' EXIT
"$HEAVY_DB" "$SEED_DIR"
# The app's first open upgrades nothing and links nothing: the copy each launch opens is ready.

# Under a virtual display with a private session bus and runtime dir, like test.sh's `headless`.
RUNTIME_DIR=$(mktemp -d "${TMPDIR:-/tmp}/afterword-bench-runtime.XXXXXX")
chmod 700 "$RUNTIME_DIR"
trap 'rm -rf "$SEED_DIR" "$RUNTIME_DIR"' EXIT
xvfb-run -a -s "-screen 0 1280x900x24" \
    dbus-run-session -- \
    env -u WAYLAND_DISPLAY XDG_RUNTIME_DIR="$RUNTIME_DIR" GDK_BACKEND=x11 NO_AT_BRIDGE=1 \
    WEBKIT_DISABLE_DMABUF_RENDERER=1 AFTERWORD_BENCH_INNER=1 \
    AFTERWORD_BENCH_LAUNCHES="$LAUNCHES" AFTERWORD_BENCH_WAKE_SECONDS="$WAKE_SECONDS" \
    AFTERWORD_BENCH_WAKE_LAUNCHES="$WAKE_LAUNCHES" \
    bash "$0" "$SEED_DIR"

if ((CORE)); then
    echo
    say "core benches: cargo bench -p afterword-core --benches (insights, import, audience, reminders)"
    cargo bench -p afterword-core --benches 2>&1 |
        grep -v -E '^(Benchmarking|Found [0-9]+ outliers|  [0-9]+ \([0-9.]+%\) (low|high) (mild|severe)|Gnuplot|$)' ||
        true
fi
