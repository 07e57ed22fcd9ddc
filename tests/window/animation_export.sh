#!/usr/bin/env bash
# Export > Animation in the window (issue 15, item 4): the panel makes a clip in the background while the window
# keeps drawing, with a progress bar; Cancel stops a second one and leaves nothing at the path (nor the
# temporary file). The clip itself is checked by the command's tests (tests/render/animation_command_test.cpp,
# read back with libavformat); here only that a complete MP4 arrived (its 'ftyp' and 'moov' boxes).
# The clicks aim at the widgets the window reports (--layout-dump; the Animation section of the sidebar).
#
#   animation_export.sh EVENTMAP OUT_DIR
set -euo pipefail

. "$(dirname "$0")/lib.sh"
binary="$1"
out="${2:-test-output}"
mkdir -p "$out"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run"; exit 1; }
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && { kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; }; rm -rf "$work"' EXIT
cd "$work"

dump="$work/layout.json"
"$binary" --no-settings --size 1600x900 --samples 0 --date 2024-08-20 --layout-dump "$dump" >"$out/animation.log" 2>&1 &
pid=$!
wid=$(find_window $pid "$out/animation.log")
sleep 3
click() { xdotool mousemove --window "$wid" "$1" "$2"; sleep 0.4; xdotool mousedown 1; sleep 0.15; xdotool mouseup 1; sleep 0.8; }
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else echo "FAIL: $1"; failed=$((failed + 1)); fi; }

wait_dump "$dump" "'Section/Animation' in d['widgets']"
click $(centre_of "$dump" Section/Animation)   # unfold the Animation section
# The section is the sidebar's last: scroll the sidebar to its end so the section's widgets are on screen.
xdotool mousemove --window "$wid" $(centre_of "$dump" sidebar); sleep 0.3
for _ in $(seq 1 20); do xdotool click 5; sleep 0.1; done
sleep 0.5
wait_dump "$dump" "'Animation/Make clip' in d['widgets']"
click $(centre_of "$dump" Animation/seconds)   # its "seconds": a 1 s clip (30 frames, and 1 s holds)
xdotool key --window "$wid" ctrl+a; sleep 0.3; xdotool type --window "$wid" --delay 150 "1"; sleep 0.3
xdotool key --window "$wid" Return; sleep 0.8
click $(centre_of "$dump" "Animation/Make clip")
sleep 2
import -window root "$out/animation_progress.png"
for _ in $(seq 1 240); do [ -s eventmap-animation.mp4 ] && break; sleep 0.5; done
check "the clip was written" '[ -s eventmap-animation.mp4 ]'
check "a complete MP4 (ftyp and moov boxes)" 'grep -q ftyp eventmap-animation.mp4 && grep -q moov eventmap-animation.mp4'
check "the window kept running" 'kill -0 $pid'
mv eventmap-animation.mp4 first.mp4

click $(centre_of "$dump" "Animation/Make clip")   # Make clip again...
xdotool mousemove --window "$wid" $(centre_of "$dump" sidebar); sleep 0.3   # the progress bar and Cancel come
for _ in $(seq 1 20); do xdotool click 5; sleep 0.1; done                      # below it: scroll to them
wait_dump "$dump" "'Animation/Cancel' in d['widgets']"
click $(centre_of "$dump" Animation/Cancel)         # ...and Cancel
sleep 3
import -window root "$out/animation_cancelled.png"
check "a cancelled clip leaves nothing at the path" '[ ! -e eventmap-animation.mp4 ]'
check "nor its temporary file" '! ls eventmap-animation.mp4.tmp.* >/dev/null 2>&1'

for _ in 1 2 3; do xdotool key --window "$wid" ctrl+q 2>/dev/null || true; sleep 1; kill -0 $pid 2>/dev/null || break; done
rc=0; wait $pid || rc=$?; pid=""
check "the window closes cleanly (exit 0)" '[ $rc -eq 0 ]'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
