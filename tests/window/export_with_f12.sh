#!/usr/bin/env bash
# Drives the real window under X: presses F12 (export with the current settings: twice the window size, with
# decorations) and checks that the PNG appears with exactly twice the window's pixel size.
set -euo pipefail

. "$(dirname "$0")/lib.sh"
binary="$1"
out="${2:-test-output}"
mkdir -p "$out"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run"; exit 1; }
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
"$binary" --no-settings --size 800x500 --date 2024-08-13 >"$out/export.log" 2>&1 &
pid=$!
wid=$(find_window $pid "$out/export.log")
sleep 2
xdotool mousemove --window "$wid" 400 200
xdotool key --window "$wid" F12; sleep 1; [ -s eventmap-export.png ] || xdotool key --window "$wid" F12  # the first key may arrive before focus
for _ in $(seq 1 60); do [ -s eventmap-export.png ] && break; sleep 0.5; done
[ -s eventmap-export.png ] || { echo "no export written"; echo "0 passed, 1 failed"; exit 1; }
cp eventmap-export.png "$out/window_export.png"
size=$(identify -format '%wx%h' eventmap-export.png)
echo "exported $size"
if [ "$size" = "1600x1000" ]; then echo "1 passed, 0 failed"; exit 0; fi
echo "expected 1600x1000 (twice the 800x500 window)"; echo "0 passed, 1 failed"; exit 1
