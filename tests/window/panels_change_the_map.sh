#!/usr/bin/env bash
# The panels drive the map: in a 1600x1000 window at 2022-08-13 (French forces in Mali, Niger, Chad, Burkina
# Faso...) with a user layer (three test polygons over Mali and Burkina Faso), the Filters panel's France box is
# unticked (France's badges leave the map), the Layers panel's "visible" box of the user layer is unticked (its
# polygons leave the map), then the View panel's Equirectangular button is pressed (the map is redrawn in another
# projection); after Ctrl+Q the settings say what they keep (projection, hidden party). Clicking a call's arc
# opens the event inspector. Panel positions are Dear ImGui's first-use ones (a fresh config folder). Screenshots go to OUT_DIR.
#
#   panels_change_the_map.sh EVENTMAP OUT_DIR
set -euo pipefail

. "$(dirname "$0")/lib.sh"
binary="$1"
out="${2:-test-output}"
mkdir -p "$out"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run"; exit 1; }
export XDG_CONFIG_HOME=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && { kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; }; rm -rf "$XDG_CONFIG_HOME"' EXIT

source_dir="$(cd "$(dirname "$0")/../.." && pwd)"
"$binary" --size 1600x1000 --date 2022-08-13 >"$out/panels.log" 2>&1 &
pid=$!
wid=$(find_window $pid "$out/panels.log")
sleep 2
# The map between the panels (left of the legend and filters, right of the view panel, above the timeline).
map_area=900x560+380+170
french_blue() {  # France's #0072B2 badge text (not the USA's sky blue #56B4E9, which has red in it)
    convert "$1" -crop "$map_area" +repage -fx '(r<0.2 && b-r>0.35 && b>g+0.08) ? 1 : 0' -format '%[fx:round(mean*w*h)]' info:
}
shot() { xdotool mousemove --window "$wid" 800 1000; sleep 0.8; import -window root "$out/$1"; }
# A click a frame can see: the pointer arrives first (the window draws a frame on that input), then the button
# goes down and, a moment later, up.
click() {
    xdotool mousemove --window "$wid" "$1" "$2"; sleep 0.4
    xdotool mousedown 1; sleep 0.15; xdotool mouseup 1; sleep 0.8
}

shot panels_0_start.png
click 1320 358   # open the Filters panel (collapsed at first)
click 1338 489   # untick France in its Actors list
shot panels_1_france_hidden.png
click 28 107     # View: Equirectangular
shot panels_3_equirect.png
quit_app() {
    for _ in 1 2 3; do xdotool key --window "$wid" ctrl+q 2>/dev/null || true; sleep 1; kill -0 $pid 2>/dev/null || break; done
    wait $pid || true
    pid=""
}
quit_app

# Second run, with the user layer (its blue outline would count as France's blue above).
"$binary" --no-settings --size 1600x1000 --date 2022-08-13 --layer "$source_dir/tests/fixtures/polygons.geojson" \
    >"$out/panels_layer.log" 2>&1 &
pid=$!
wid=$(find_window $pid "$out/panels_layer.log")
sleep 3   # the layer loads in the background
shot panels_4_layer.png
click 20 169     # open the Layers panel (collapsed at first)
click 49 229     # untick "visible" of the first layer (the user's polygons)
shot panels_5_layer_hidden.png
click 686 343    # on the dashed Bamako-Moscow call (M06, 10 Aug 2022): the inspector pins it
shot panels_6_event_pinned.png
quit_app

passed=0 failed=0
before=$(french_blue "$out/panels_0_start.png")
after=$(french_blue "$out/panels_1_france_hidden.png")
echo "French-blue pixels on the map: all parties $before, France unticked $after"
# Measured: 15 before (six FR badges), 0 after.
if [ "$before" -ge 8 ] && [ "$after" -le $((before / 5)) ]; then passed=$((passed + 1)); else
    echo "FAIL: unticking France in the Filters panel did not take its badges off the map"; failed=$((failed + 1)); fi
# Where the polygons are drawn (west Africa); measured: 14,803 pixels changed when the layer goes.
layer_area=140x310+460+470
gone=$(compare -metric AE -fuzz 8% "$out/panels_4_layer.png" "$out/panels_5_layer_hidden.png" \
    -crop "$layer_area" null: 2>&1 || true)
gone=${gone%% *}
echo "pixels changed where the user layer was: $gone of 43400"
if [ "${gone%.*}" -gt 3000 ] 2>/dev/null; then passed=$((passed + 1)); else
    echo "FAIL: unticking the layer's visible box in the Layers panel did not take it off the map"; failed=$((failed + 1)); fi
changed=$(compare -metric AE -fuzz 10% "$out/panels_1_france_hidden.png" "$out/panels_3_equirect.png" \
    -crop "$map_area" null: 2>&1 || true)
changed=${changed%% *}
echo "map pixels changed by the projection button: $changed of 504000"
# Measured: about 90,000.
if [ "${changed%.*}" -gt 50000 ] 2>/dev/null; then passed=$((passed + 1)); else
    echo "FAIL: the View panel's Equirectangular button did not redraw the map"; failed=$((failed + 1)); fi
# The Event inspector opens at the top left with the pinned event's record (measured: 90,592 pixels off by more
# than 5 %; its light grey is within 10 % of the map's land, so 5 %).
pinned=$(compare -metric AE -fuzz 5% "$out/panels_5_layer_hidden.png" "$out/panels_6_event_pinned.png" \
    -crop 500x300+70+80 null: 2>&1 || true)
pinned=${pinned%% *}
echo "pixels changed where the inspector opens: $pinned of 150000"
if [ "${pinned%.*}" -gt 40000 ] 2>/dev/null; then passed=$((passed + 1)); else
    echo "FAIL: clicking the call's arc did not open the event inspector"; failed=$((failed + 1)); fi
settings="$XDG_CONFIG_HOME/eventmap/settings.json"
if grep -q '"projection": "equirect"' "$settings" && python3 -c "import json,sys; sys.exit(0 if 'France' in json.load(open('$settings'))['filters']['hidden_parties'] else 1)"; then
    passed=$((passed + 1))
else
    echo "FAIL: the settings do not keep the projection and the hidden party:"; cat "$settings" 2>/dev/null || true
    failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
