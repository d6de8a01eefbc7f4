#!/usr/bin/env bash
# TUI figures: time per frame (build the screen in memory + paint the diff through ncurses) under a
# fast event stream, and CPU use while idle. Each runs in a private tmux server at 120x40.
# The burst needs a scripted stream (`tui-demo --burst`: 20,000 transcript events as fast as they
# can be sent, far beyond what a meeting produces); idle is a real `run` on the demo meeting, with
# the screen up after the meeting has been replayed.
# usage: scripts/bench-tui.sh path/to/mockpilot
set -euo pipefail
BIN=$(realpath "${1:?usage: bench-tui.sh path/to/mockpilot}")
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
SOCK="mp-bench-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null || true; tmux -L "$SOCK-idle" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT
LOG="$WORK/frames.log"
BURST=${BURST:-20000}

# Polls a tmux server's screen until it shows $2 (30 s at most).
wait_for() {
  for _ in $(seq 1 300); do
    tmux -L "$1" capture-pane -p -t main 2>/dev/null | grep -q "$2" && return 0
    sleep 0.1
  done
  echo "bench-tui: timed out waiting for '$2'" >&2
  return 1
}

program_pid() {
  local pane
  pane=$(tmux -L "$1" display-message -p -t main '#{pane_pid}')
  cut -d' ' -f1 "/proc/$pane/task/$pane/children"
}

tmux -L "$SOCK" -f /dev/null new-session -d -s main -x 120 -y 40 \
  "cd '$WORK' && env LANG=C.UTF-8 TERM=tmux-256color MOCKPILOT_TUI_FRAME_LOG='$LOG' '$BIN' tui-demo --speed 50 --burst $BURST; sleep 30"
# The burst has been drawn when the status line says FINISHED.
wait_for "$SOCK" "FINISHED"
tmux -L "$SOCK" send-keys -t main q

mkdir -p "$WORK/idle"
tmux -L "$SOCK-idle" -f /dev/null new-session -d -s main -x 120 -y 40 \
  "cd '$WORK/idle' && env LANG=C.UTF-8 TERM=tmux-256color '$BIN' run --transcript '$HERE/demo/product-meeting.vtt' --out out --db '$WORK/idle/db.sqlite'; sleep 30"
wait_for "$SOCK-idle" "FINISHED"
PID=$(program_pid "$SOCK-idle")
# Idle CPU: clock ticks used over 10 s with nothing happening (notices from the start gone first).
sleep 7
TICKS=$(getconf CLK_TCK)
t0=$(awk '{print $14+$15}' "/proc/$PID/stat")
sleep 10
t1=$(awk '{print $14+$15}' "/proc/$PID/stat")
tmux -L "$SOCK-idle" send-keys -t main q

P95=$(awk 'NR > 1 {print $1 + $2}' "$LOG" | sort -n | awk '{v[NR] = $1} END {i = int(NR * 0.95); if (i < 1) i = 1; print v[i]}')
awk -v burst="$BURST" -v ticks="$TICKS" -v idle=$((t1 - t0)) -v p95="$P95" 'NR > 1 {
    n++; r += $1; p += $2; t = $1 + $2; if (t > max) max = t; cells += $3
  }
  END {
    printf "tui: %d frames for %d burst events (coalesced to <= 30 fps)\n", n, burst
    printf "tui: per frame: render %.2f ms + paint %.2f ms (mean), p95 %.2f ms, max %.2f ms, %.0f cells painted\n", r / n, p / n, p95, max, cells / n
    printf "tui: idle CPU %.2f%% (%d ticks in 10 s, run on the demo meeting, screen up)\n", idle / ticks / 10 * 100, idle
  }' "$LOG"
