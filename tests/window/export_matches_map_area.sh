#!/usr/bin/env bash
# What you see is what you export: F12 at "twice the window" must show exactly what the window's map area shows,
# nothing of what lies under the panels. The export (no decorations), halved, is compared with a screenshot of
# the window cropped to the map area from --layout-dump (the legend card over the map masked in both). The same
# comparison with the crop moved 24 px must be far worse, so the check can tell a shifted or wider frame.
#
#   export_matches_map_area.sh EVENTMAP OUT_DIR SOURCE_DIR
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

cat > plain.project.json <<JSON
{"version": 2,
 "view": {"projection": "laea", "bbox": [-20, 0, 45, 40]},
 "time": {"date": "2024-08-13", "window": "trailing", "days": 30},
 "decorations": {"title": "", "subtitle": "", "legend": false, "scale_bar": false, "inset": false,
                 "attribution": false}}
JSON

"$binary" --no-settings --size 1280x800 --samples 0 --project plain.project.json --layout-dump dump.json \
    >"$out/wysiwyg.log" 2>&1 &
pid=$!
wid=$(find_window $pid "$out/wysiwyg.log")
wait_dump dump.json '"camera" in d'
sleep 3
read -r sx sy < <(centre_of dump.json 'sidebar')   # the pointer off the map: no hover ring or tooltip on it
xdotool mousemove --window "$wid" "$sx" "$sy"
sleep 1
xdotool key --window "$wid" F12; sleep 1; [ -s eventmap-export.png ] || xdotool key --window "$wid" F12
for _ in $(seq 1 60); do [ -s eventmap-export.png ] && break; sleep 0.5; done
[ -s eventmap-export.png ] || { echo "no export written"; echo "0 passed, 1 failed"; exit 1; }
sleep 1
import -window "$wid" shot.png
cp eventmap-export.png "$out/wysiwyg_export.png"; cp shot.png "$out/wysiwyg_window.png"

# The map area and the legend card (relative to the area), in window pixels (scale 1: framebuffer = window).
read -r ax ay aw ah lx ly lw lh < <(python3 - dump.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
a = [round(v) for v in d["camera"]["area"]]
l = d["layout"]["legend"]
print(*a, round(l[0] - a[0]), round(l[1] - a[1]), round(l[0] - a[0] + l[2]), round(l[1] - a[1] + l[3]))
PY
)
mask=(-fill black -draw "rectangle $lx,$ly,$lw,$lh")
convert eventmap-export.png -resize "${aw}x${ah}!" "${mask[@]}" export_half.png
convert shot.png -crop "${aw}x${ah}+${ax}+${ay}" +repage "${mask[@]}" crop.png
convert shot.png -crop "${aw}x${ah}+$((ax + 24))+${ay}" +repage "${mask[@]}" crop_moved.png
cp crop.png "$out/wysiwyg_crop.png"
passed=0 failed=0
size=$(identify -format '%wx%h' eventmap-export.png)
if [ "$size" = "$((2 * aw))x$((2 * ah))" ]; then passed=$((passed + 1)); else
    echo "FAIL: export $size, expected twice the map area ${aw}x${ah}"; failed=$((failed + 1)); fi
# Normalised mean absolute error over the channels (0..1). Tolerance 0.03: labels and lines drawn at twice the
# scale and halved differ from the window's at their edges; a frame moved by 24 px gives several times that.
same=$(compare -metric MAE export_half.png crop.png null: 2>&1 | sed 's/.*(\(.*\)).*/\1/' || true)
moved=$(compare -metric MAE export_half.png crop_moved.png null: 2>&1 | sed 's/.*(\(.*\)).*/\1/' || true)
echo "mean abs difference: map area $same, the crop moved 24 px $moved"
if python3 -c "import sys; s, m = float('$same'), float('$moved'); sys.exit(0 if s <= 0.03 and m >= 3 * s else 1)"; then
    passed=$((passed + 1))
else
    echo "FAIL: the export does not show what the map area shows (tolerance 0.03, and 3x below a 24 px shift)"
    failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
