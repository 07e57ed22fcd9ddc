#!/usr/bin/env bash
# Panels copied from their pictures (ui/panel_pictures) look as drawn, and a change shows: a window that copies its
# unchanged panels and one started with --draw-every-panel are brought to the same state (the "meeting" box of the
# Filters unticked once the sidebar has been copied for a while), and every pixel outside the map and the status line
# (which shows the frame time) must be the same in both, the legend card over the map included. The copying window's sidebar must also
# differ from its own picture before the click, so the test sees the change, and its layout dump must say that
# panels were copied, so it sees copies. Screenshots go to OUT_DIR.
#
#   copied_panels_look_drawn.sh EVENTMAP OUT_DIR
set -euo pipefail
. "$(dirname "$0")/lib.sh"
window_test_setup "$@"

# Moves the pointer about the map's corner: an unscripted window draws frames on input.
wiggle() {
    local wid=$1 x y
    read -r x y < <(corner_of "$2")
    for i in 1 2 3 4 5 6 7 8; do xdotool mousemove --window "$wid" $((x + i % 2)) "$y"; sleep 0.15; done
}

# Runs one window (extra options in $2), unticks "meeting" once the panels are settled, and leaves screenshots
# $1_before.png and $1_after.png.
run() {
    local name=$1 extra=$2 dump="$out/$1.json" log="$out/$1.log"
    rm -f "$dump"
    "$binary" --no-settings --size 1280x800 --theme light --date 2024-08-13 $extra --layout-dump "$dump" >"$log" 2>&1 &
    local pid=$!
    pids+=("$pid")
    local wid
    wid=$(find_window $pid "$log")
    wait_dump "$dump" "'Filters/kind/meeting' in d.get('widgets', {})"
    sleep 2  # loading done
    wiggle "$wid" "$dump"
    if [ -z "$extra" ]; then
        wait_dump "$dump" "d.get('panels_copied', 0) > 0" 10 || { wiggle "$wid" "$dump"; wait_dump "$dump" "d.get('panels_copied', 0) > 0" 10; }
    fi
    import -window root "$out/${name}_before.png"
    xdotool mousemove --window "$wid" $(centre_of "$dump" 'Filters/kind/meeting') click 1
    sleep 0.5
    wiggle "$wid" "$dump"
    sleep 0.5
    wiggle "$wid" "$dump"
    copied_after=$(python3 -c "import json; print(json.load(open('$dump')).get('panels_copied', 0))")
    import -window root "$out/${name}_after.png"
    # A window that is gone by now has crashed: say so with its log, rather than as xdotool's BadWindow.
    kill -0 "$pid" 2>/dev/null || { echo "the $name window (pid $pid) exited early; its log:" >&2; cat "$log" >&2; exit 1; }
    xdotool key --window "$wid" ctrl+q 2>/dev/null || true; sleep 1; kill "$pid" 2>/dev/null || true
}

run copying ""
copies=$copied_after
run drawing "--draw-every-panel"

# Everything but the map and the status line: the map area and the status line are painted over in both pictures.
mask() {
    python3 - "$out/copying.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for name in ("map", "status"):
    x, y, w, h = d["layout"][name]
    print(f"-draw 'rectangle {int(x)},{int(y)} {int(x + w)},{int(y + h)}'", end=" ")
PY
}
masked() { eval convert "$1" -fill black -stroke black $(mask) "$2"; }
masked "$out/copying_after.png" "$out/copying_after_masked.png"
masked "$out/drawing_after.png" "$out/drawing_after_masked.png"
masked "$out/copying_before.png" "$out/copying_before_masked.png"
count() {
    local n
    n=$(compare -metric AE -fuzz "$3" "$1" "$2" null: 2>&1) || true
    [[ "$n" =~ ^[0-9]+$ ]] || { echo "compare failed: $n" >&2; echo 999999; return; }
    echo "$n"
}
apart=$(count "$out/copying_after_masked.png" "$out/drawing_after_masked.png" 0)
changed=$(count "$out/copying_before_masked.png" "$out/copying_after_masked.png" 0.5%)
echo "panels copied in the last frame: $copies"
echo "pixels outside the map: copying vs drawing window $apart differ;" \
     "copying window before vs after the click $changed"
fail=0
if [ "$copies" -lt 1 ]; then echo "FAIL: the window copied no panel after the click"; fail=1; fi
if [ "$changed" -lt 20 ]; then echo "FAIL: unticking 'meeting' changed only $changed pixels of the panels"; fail=1; fi
if [ "$apart" -gt 0 ]; then echo "FAIL: copied panels differ from drawn ones in $apart pixels"; fail=1; fi
[ $fail -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
