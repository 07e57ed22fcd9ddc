#!/usr/bin/env bash
# Opens a GeoPackage of two layers (all countries; the four central Sahel countries) with --layer: the window
# lists both layers, the test unticks "countries" and presses Open, and checks that only the Sahel layer is drawn
# (Chad tinted by the overlay's blue fill, Libya not). Screenshots go to test-output/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
binary="$1"
out="${2:-test-output}"
source_dir="$3"
mkdir -p "$out"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run"; exit 1; }
work=$(mktemp -d)
shp="$source_dir/data/naturalearth/ne_110m_admin0_countries.shp"
ogr2ogr -f GPKG -nlt MULTIPOLYGON "$work/two.gpkg" "$shp" -nln countries
ogr2ogr -update -f GPKG -nlt MULTIPOLYGON "$work/two.gpkg" "$shp" -nln sahel -where "iso_a3 IN ('MLI','NER','BFA','TCD')"

dump="$out/chooser_layout.json"
rm -f "$dump"
"$binary" --no-settings --size 1200x800 --layer "$work/two.gpkg" --layout-dump "$dump" >"$out/chooser.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
wid=$(find_window $pid "$out/chooser.log")
sleep 2
import -window root "$out/chooser_open.png"
# The chooser's boxes and button where the window says they are. Press and release in separate frames: Dear
# ImGui 1.86 samples the button once a frame, so a quick click during a slow frame (a loaded machine) was lost.
wait_dump "$dump" "'Chooser/Open' in d['widgets']"
slow_click() {
    xdotool mousemove --window "$wid" "$1" "$2"; sleep 0.3
    xdotool mousedown 1; sleep 0.3; xdotool mouseup 1; sleep 0.3
}
slow_click $(centre_of "$dump" Chooser/countries)   # untick "countries"
sleep 0.5
slow_click $(centre_of "$dump" Chooser/Open)        # Open
sleep 3
xdotool mousemove --window "$wid" $(centre_of "$dump" status)  # off the map, so no tooltip covers it
sleep 0.5
import -window root "$out/chooser_done.png"

# Blue overlay fill (Okabe-Ito #0072B2 at 25% over the land colour): blue clearly above red.
blue_share() {
    convert "$out/chooser_done.png" -crop "$1" +repage -fx '(b-r>0.08) ? 1 : 0' -format '%[fx:mean]' info:
}
# 30 px squares 25 px south of Faya-Largeau (north Chad) and of al-Jufra (central Libya), where the window says
# they are.
square_below() {
    python3 -c "import json; x, y = json.load(open('$dump'))['places']['$1']; print(f'30x30+{int(x) - 15}+{int(y) + 10}')"
}
chad=$(blue_share "$(square_below Faya-Largeau)")
libya=$(blue_share "$(square_below al-Jufra)")
echo "overlay share: Chad $chad, Libya $libya"
if awk -v c="$chad" -v l="$libya" 'BEGIN { exit !(c > 0.5 && l < 0.05) }'; then
    echo "1 passed, 0 failed"
    exit 0
fi
echo "expected only the chosen Sahel layer (Chad tinted, Libya not)"; echo "0 passed, 1 failed"; exit 1
