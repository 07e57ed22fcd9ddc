#!/usr/bin/env bash
# Export > Animation shows a thumbnail of the clip's first frame (issue 15, item 4), drawn in the background
# through the clip's own path (HeadlessMap::render of the first frame's document at thumbnail size) and drawn
# again when the settings change: here the preset, 1080p (16:9) then square. Checks, from the widgets the window
# reports (--layout-dump) and a screenshot: the thumbnail appears with the preset's shape, is not blank (the map's
# colours: land, sea, arcs), and turns square after the square preset is chosen. When it is redrawn (settled
# changes only, never every frame) is CPU-tested in tests/app/clip_preview_test.cpp.
#
#   animation_preview.sh EVENTMAP OUT_DIR
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
"$binary" --no-settings --size 1600x900 --samples 0 --date 2024-08-20 --layout-dump "$dump" >"$out/preview.log" 2>&1 &
pid=$!
wid=$(find_window $pid "$out/preview.log")
sleep 3
click() { xdotool mousemove --window "$wid" "$1" "$2"; sleep 0.4; xdotool mousedown 1; sleep 0.15; xdotool mouseup 1; sleep 0.8; }
scroll_sidebar_to_end() {
    xdotool mousemove --window "$wid" $(centre_of "$dump" sidebar); sleep 0.3
    for _ in $(seq 1 20); do xdotool click 5; sleep 0.1; done
    sleep 0.5
}
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else echo "FAIL: $1"; failed=$((failed + 1)); fi; }
# aspect: the preview's width / height in the dump.
aspect() { python3 -c "import json; r=json.load(open('$dump'))['widgets']['Animation/preview']; print(f'{r[2]/r[3]:.3f}')"; }
# not_blank PNG: the thumbnail's pixels vary (the map), and are not the panel's flat background.
not_blank() { [ "$(convert "$1" -colorspace gray -format '%[fx:standard_deviation>0.04]' info:)" = 1 ]; }
shot_preview() {
    import -window root "$work/screen.png"
    local crop
    crop=$(python3 -c "import json; x,y,w,h=json.load(open('$dump'))['widgets']['Animation/preview']; print(f'{int(w)-2}x{int(h)-2}+{int(x)+1}+{int(y)+1}')")
    convert "$work/screen.png" -crop "$crop" +repage "$1"
}

wait_dump "$dump" "'Section/Animation' in d['widgets']"
click $(centre_of "$dump" Section/Animation)   # unfold the Animation section
scroll_sidebar_to_end
# The thumbnail arrives once its own EGL context and the base map are loaded (a few seconds).
check "the thumbnail of the first frame appears" "wait_dump '$dump' \"'Animation/preview' in d['widgets']\" 90"
if [ "$failed" -eq 0 ]; then
    scroll_sidebar_to_end
    a=$(aspect); echo "1080p thumbnail: width/height $a"
    check "a 1080p thumbnail is 16:9" "python3 -c 'import sys; sys.exit(abs($a - 16/9) > 0.05)'"
    shot_preview "$out/preview_1080p.png"
    check "the 1080p thumbnail is not blank" "not_blank '$out/preview_1080p.png'"

    click $(centre_of "$dump" Animation/preset)   # open the preset list...
    wait_dump "$dump" "'Animation/preset/square' in d['widgets']"
    click $(centre_of "$dump" Animation/preset/square)   # ...and choose square
    scroll_sidebar_to_end
    check "the thumbnail is drawn again, square" \
        "wait_dump '$dump' \"abs(d['widgets']['Animation/preview'][2] - d['widgets']['Animation/preview'][3]) < 3\" 60"
    scroll_sidebar_to_end
    shot_preview "$out/preview_square.png"
    check "the square thumbnail is not blank" "not_blank '$out/preview_square.png'"
    import -window root "$out/preview_window.png"
fi

for _ in 1 2 3; do xdotool key --window "$wid" ctrl+q 2>/dev/null || true; sleep 1; kill -0 $pid 2>/dev/null || break; done
rc=0; wait $pid || rc=$?; pid=""
check "the window closes cleanly (exit 0)" '[ $rc -eq 0 ]'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
