#!/usr/bin/env bash
# TUI figures: time per frame (build the screen in memory + paint the diff through ncurses) under a
# fast event stream, and CPU use while idle. Runs the scripted `tui-demo` in a private tmux server.
# usage: scripts/bench-tui.sh path/to/mockpilot
set -euo pipefail
BIN=$(realpath "${1:?usage: bench-tui.sh path/to/mockpilot}")
WORK=$(mktemp -d)
SOCK="mp-bench-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT
LOG="$WORK/frames.log"
BURST=${BURST:-20000}

tmux -L "$SOCK" -f /dev/null new-session -d -s main -x 120 -y 40 \
  "cd '$WORK' && env LANG=C.UTF-8 TERM=tmux-256color MOCKPILOT_TUI_FRAME_LOG='$LOG' '$BIN' tui-demo --speed 50 --burst $BURST; sleep 30"

# Wait until the burst has been drawn (the status line says FINISHED).
for _ in $(seq 1 300); do
  tmux -L "$SOCK" capture-pane -p -t main 2>/dev/null | grep -q "FINISHED" && break
  sleep 0.1
done
PANE=$(tmux -L "$SOCK" display-message -p -t main '#{pane_pid}')
PID=$(cut -d' ' -f1 "/proc/$PANE/task/$PANE/children")

# Idle CPU: clock ticks used over a few seconds with nothing happening.
sleep 2
TICKS=$(getconf CLK_TCK)
t0=$(awk '{print $14+$15}' "/proc/$PID/stat")
sleep 5
t1=$(awk '{print $14+$15}' "/proc/$PID/stat")
tmux -L "$SOCK" send-keys -t main q

P95=$(awk 'NR > 1 {print $1 + $2}' "$LOG" | sort -n | awk '{v[NR] = $1} END {i = int(NR * 0.95); if (i < 1) i = 1; print v[i]}')
awk -v burst="$BURST" -v ticks="$TICKS" -v idle=$((t1 - t0)) -v p95="$P95" 'NR > 1 {
    n++; r += $1; p += $2; t = $1 + $2; if (t > max) max = t; cells += $3
  }
  END {
    printf "tui: %d frames for %d burst events (coalesced to <= 30 fps)\n", n, burst
    printf "tui: per frame: render %.2f ms + paint %.2f ms (mean), p95 %.2f ms, max %.2f ms, %.0f cells painted\n", r / n, p / n, p95, max, cells / n
    printf "tui: idle CPU %.2f%% (%d ticks in 5 s)\n", idle / ticks / 5 * 100, idle
  }' "$LOG"
