#!/usr/bin/env bash
# Drives the real window under X (xvfb-run gives the display): starts on 2022-08-13 with a one-day window over
# Mali, presses '.' five times (the timeline's one-day step; the first may land before the window has focus) to move the clock across 2022-08-15, and checks
# that France's presence badge in Mali is drawn before and gone after. Screenshots go to test-output/.
set -euo pipefail

. "$(dirname "$0")/lib.sh"
binary="$1"
out="${2:-test-output}"
mkdir -p "$out"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run"; exit 1; }

dump="$out/slider_layout.json"
rm -f "$dump"
"$binary" --no-settings --size 1600x1000 --bbox -13,9,5,25 --date 2022-08-13 --window 0 --layout-dump "$dump" \
    >"$out/slider.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
wid=$(find_window $pid "$out/slider.log")
sleep 2  # first frames: base map and overlay drawn
wait_dump "$dump" "'Bamako' in d.get('places', {})"
# The map from 20 px west of Bamako (Senegal's FR badge stays out) to the legend card, from the top down to
# 10 px above Bamako (Burkina Faso's FR badge, whose forces stay till 2023, stays out).
mali=$(python3 -c "
import json; d = json.load(open('$dump')); m = d['layout']['map']; x0, by = d['places']['Bamako']; x0 = int(x0) - 20
print(f\"{int(d['layout']['legend'][0]) - 8 - x0}x{int(by) - 10 - int(m[1]) - 8}+{x0}+{int(m[1]) + 8}\")")
echo "counted in $mali"

# Strongly blue pixels (France's #0072B2 badge text) in the map area between the side panels, right of
# Senegal (French forces there until July 2025: its FR badge stays).
blue_pixels() {
    convert "$1" -crop "$mali" +repage -fx '(b-r>0.35 && b>g+0.08) ? 1 : 0' -format '%[fx:round(mean*w*h)]' info:
}

import -window root "$out/slider_before.png"
xdotool mousemove --window "$wid" $(centre_of "$dump" map)   # over the map, so the keys go to the map, not a text field
for _ in 1 2 3 4 5; do xdotool key --window "$wid" period; sleep 0.4; done
sleep 1.5
import -window root "$out/slider_after.png"

before=$(blue_pixels "$out/slider_before.png")
after=$(blue_pixels "$out/slider_after.png")
echo "French-blue pixels over Mali: before 2022-08-15: $before, after: $after"
if [ "$before" -ge 15 ] && [ "$after" -le $((before / 3)) ]; then
    echo "1 passed, 0 failed"
    exit 0
fi
echo "expected France's badge over Mali before the slider crossed 2022-08-15 and none after"
exit 1
