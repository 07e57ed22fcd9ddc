#!/usr/bin/env bash
# The window's fixed frame at 1280x720, 1920x1080 and 2560x1440 (content scale 2: the X server says 192 dpi, as a
# HiDPI monitor does, and no --ui-scale is given), each on its own X screen of that size: the rectangles Dear ImGui
# drew the panels in (--layout-dump) lie inside the window, no two overlap (the legend card lies on the map, and
# only there), the widgets the dump notes (section headers, list headers, menus) lie inside the window and the
# menus inside the menu bar, and at 1920x1080 the map keeps at least 55 % of the window. Run once in the light and
# once in the dark theme (the dark one at 1920x1080 only: the frame is the same, the colours differ).
# Screenshots go to OUT_DIR.
#
#   layout_fits_every_size.sh EVENTMAP OUT_DIR
set -euo pipefail
. "$(dirname "$0")/lib.sh"
binary="$1"
out="${2:-test-output}"
mkdir -p "$out"
command -v xvfb-run >/dev/null || { echo "no xvfb-run"; exit 77; }
export XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

command -v xrdb >/dev/null || { echo "no xrdb (x11-xserver-utils): cannot set the screen's dpi"; exit 77; }

check_size() {  # WIDTH HEIGHT SCALE [THEME]: runs the window on a screen of that size and dpi and checks its dump
    local w=$1 h=$2 scale=$3 theme=${4:-light}
    local dump="$out/layout_${1}x${2}_${theme}.json" shot="$out/layout_${1}x${2}_${theme}.png"
    local dpi=$((96 * scale))
    rm -f "$dump"
    # GLFW takes the window's content scale from the X resource Xft.dpi (96 dpi = 1). -noreset: without it the
    # server resets, and forgets the resource, when xrdb (its only client then) disconnects.
    xvfb-run -a -s "-screen 0 ${w}x${h}x24 -noreset" bash -c "
        . '$(dirname "$0")/lib.sh'
        echo 'Xft.dpi: $dpi' | xrdb -merge
        '$binary' --no-settings --size ${w}x${h} --theme $theme --date 2022-08-13 --layout-dump '$dump' \
            >'$out/layout_${w}x${h}.log' 2>&1 &
        pid=\$!
        wid=\$(find_window \$pid '$out/layout_${w}x${h}.log') || exit 1
        wait_dump '$dump' \"'timeline' in d.get('panels', {}) and 'legend' in d.get('panels', {})\" || exit 1
        sleep 2
        import -window root '$shot'
        xdotool key --window \$wid ctrl+q; sleep 1; kill \$pid 2>/dev/null; wait \$pid 2>/dev/null || true" || return 1
    python3 - "$dump" "$w" "$h" "$scale" "$theme" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
W, H = float(sys.argv[2]), float(sys.argv[3])
want_scale, theme = float(sys.argv[4]), sys.argv[5]
panels = dict(d["panels"])
panels["menu"] = d["layout"]["menu"]
for name in ("sidebar_split", "inspector_split", "timeline_split"):
    panels[name] = d["layout"][name]
mp = d["layout"]["map"]
bad = []
def inside(r, box):
    return r[0] >= box[0] - 0.5 and r[1] >= box[1] - 0.5 and r[0] + r[2] <= box[0] + box[2] + 0.5 and r[1] + r[3] <= box[1] + box[3] + 0.5
def overlap(a, b):
    return a[0] < b[0] + b[2] - 0.5 and b[0] < a[0] + a[2] - 0.5 and a[1] < b[1] + b[3] - 0.5 and b[1] < a[1] + a[3] - 0.5
for want in ("sidebar", "inspector", "timeline", "status", "legend"):
    if want not in panels: bad.append(f"no {want} panel drawn")
for name, r in panels.items():
    if not inside(r, [0, 0, W, H]): bad.append(f"{name} {r} leaves the {W:.0f}x{H:.0f} window")
names = sorted(panels)
for i, a in enumerate(names):
    for b in names[i + 1:]:
        if overlap(panels[a], panels[b]): bad.append(f"{a} {panels[a]} overlaps {b} {panels[b]}")
    if a != "legend" and overlap(panels[a], mp): bad.append(f"{a} {panels[a]} covers the map {mp}")
if not inside(panels.get("legend", [0, 0, 0, 0]), mp): bad.append(f"the legend {panels.get('legend')} is not on the map {mp}")
share = mp[2] * mp[3] / (W * H)
print(f"{W:.0f}x{H:.0f} at scale {d['scale']}: map {mp} = {100 * share:.1f} % of the window; panels: " +
      ", ".join(f"{k} {[round(v) for v in r]}" for k, r in sorted(panels.items())))
if W == 1920 and H == 1080 and share < 0.55: bad.append(f"the map is {100 * share:.1f} % of the window, under 55 %")
if abs(d["scale"] - want_scale) > 0.01: bad.append(f"UI scale {d['scale']}, expected {want_scale} from the screen's dpi")
if d.get("theme") != {"panels": theme, "map": theme}: bad.append(f"theme {d.get('theme')}, expected {theme}")
widgets = d.get("widgets", {})
for name, r in widgets.items():
    if not inside(r, [0, 0, W, H]): bad.append(f"widget {name} {r} leaves the window")
    if name.startswith("menu/") and not inside(r, d["layout"]["menu"]): bad.append(f"{name} {r} is not in the menu bar")
for want in ("menu/File", "menu/View", "menu/Help", "Section/View", "Section/Filters", "Events/header/Date"):
    if want not in widgets: bad.append(f"no {want} drawn")
for b in bad: print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
}

passed=0 failed=0
for size in "1280 720 1" "1920 1080 1" "2560 1440 2" "1920 1080 1 dark"; do
    if check_size $size; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
