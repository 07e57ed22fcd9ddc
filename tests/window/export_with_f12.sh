#!/usr/bin/env bash
# What you see is what you export, and what you export the command line redraws: the window opens a project
# (range mode, a search, a hidden kind, a user layer coloured by a category, the inset, a title), F12 exports
# it (twice the window's size, decorations, and the project beside the picture), and `eventmap render
# --project` of that saved project must give the same pixels. Also checks the export's size.
#
#   export_with_f12.sh EVENTMAP OUT_DIR SOURCE_DIR
set -euo pipefail

. "$(dirname "$0")/lib.sh"
binary="$1"
out="${2:-test-output}"
source_dir="$3"
mkdir -p "$out"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run"; exit 1; }
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && { kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; }; rm -rf "$work"' EXIT
cd "$work"

# A user layer with a category: the AES states against their neighbours.
ogr2ogr -f GeoJSON blocs.geojson "$source_dir/data/naturalearth/ne_110m_admin0_countries.shp" -dialect SQLite \
    -sql "SELECT geometry, name, CASE WHEN iso_a3 IN ('MLI','BFA','NER') THEN 'AES' ELSE 'other' END AS bloc
          FROM ne_110m_admin0_countries WHERE iso_a3 IN ('MLI','BFA','NER','SEN','GIN','CIV','GHA','TGO','BEN','NGA','TCD','MRT','DZA')"
cat > start.project.json <<JSON
{"version": 2,
 "layers": [{"path": "blocs.geojson", "title": "Blocs",
             "style": {"visible": true, "fill_enabled": true, "fill": "#0072B2FF", "outline": "#333333FF",
                       "outline_width": 0.8, "opacity": 0.45, "marker_radius": 3.5, "color_field": "bloc",
                       "label_field": ""}}],
 "view": {"projection": "laea", "bbox": [-25, -5, 50, 60]},
 "time": {"date": "2024-08-13", "window": "range", "days": 30, "range_start": "2024-06-01",
          "range_end": "2024-09-15"},
 "filters": {"hidden_parties": [], "hidden_kinds": ["call"], "countries": [], "hide_uncertain": false,
             "text": "Army"},
 "decorations": {"title": "Army-2024 and after", "subtitle": "Range mode, a search, calls hidden",
                 "legend": true, "scale_bar": true, "inset": true, "attribution": true}}
JSON

"$binary" --no-settings --size 800x500 --samples 0 --project start.project.json --layout-dump dump.json \
    >"$out/export.log" 2>&1 &
pid=$!
wid=$(find_window $pid "$out/export.log")
sleep 4   # the project's layer loads in the background
xdotool mousemove --window "$wid" 400 200
xdotool key --window "$wid" F12; sleep 1; [ -s eventmap-export.png ] || xdotool key --window "$wid" F12  # the first key may arrive before focus
for _ in $(seq 1 60); do [ -s eventmap-export.project.json ] && break; sleep 0.5; done
[ -s eventmap-export.png ] || { echo "no export written"; echo "0 passed, 1 failed"; exit 1; }
[ -s eventmap-export.project.json ] || { echo "no project written beside the export"; echo "0 passed, 1 failed"; exit 1; }
cp eventmap-export.png "$out/window_export.png"
cp eventmap-export.project.json "$out/window_export.project.json"
passed=0 failed=0
size=$(identify -format '%wx%h' eventmap-export.png)
# "twice the window" is twice the map's area (what the map shows between the panels), not the whole window.
want=$(python3 -c "import json; c=json.load(open('dump.json'))['camera']['size']; print(f'{2*c[0]}x{2*c[1]}')")
echo "exported $size (twice the map area: $want)"
if [ "$size" = "$want" ]; then passed=$((passed + 1)); else
    echo "FAIL: expected $want (twice the map area of the 800x500 window)"; failed=$((failed + 1)); fi
# The saved frame is the box the window's camera showed (the map area's), to a millionth of its size.
if python3 - dump.json eventmap-export.project.json <<'PY'
import json, sys
cam = json.load(open(sys.argv[1]))["camera"]["frame"]
frame = json.load(open(sys.argv[2]))["view"]["frame"]
span = max(cam[2] - cam[0], cam[3] - cam[1])
bad = [i for i in range(4) if abs(cam[i] - frame[i]) > 1e-6 * span]
print("view.frame", frame, "camera", cam)
sys.exit(1 if bad else 0)
PY
then passed=$((passed + 1)); else echo "FAIL: the saved view.frame is not the map area's visible box"; failed=$((failed + 1)); fi

# The saved project says what the window showed.
for want in '"window": "range"' '"range_start": "2024-06-01"' '"text": "Army"' '"call"' '"color_field": "bloc"' \
    '"inset": true' '"title": "Army-2024 and after"'; do
    grep -qF "$want" eventmap-export.project.json || { echo "FAIL: the saved project lacks $want"; failed=$((failed + 1)); }
done

# The command line redraws the saved project: the same pixels.
"$binary" render --project eventmap-export.project.json -o cli.png 2>"$out/export_cli.log" ||
    { echo "FAIL: eventmap render --project exited non-zero:"; cat "$out/export_cli.log"; failed=$((failed + 1)); }
cp cli.png "$out/window_export_cli.png" 2>/dev/null || true
if [ -s cli.png ]; then
    differing=$(compare -metric AE -fuzz 12% eventmap-export.png cli.png "$out/window_export_diff.png" 2>&1 || true)
    echo "pixels differing by more than 12 %: $differing"
    if [ "$differing" = "0" ]; then passed=$((passed + 1)); else
        echo "FAIL: the window's export and eventmap render --project differ (diff in $out/window_export_diff.png)"
        failed=$((failed + 1))
    fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
