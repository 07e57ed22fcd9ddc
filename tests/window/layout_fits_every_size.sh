#!/usr/bin/env bash
# The window's fixed frame at 1280x720, 1920x1080 and 2560x1440 (UI scale 2), each on its own X screen of that
# size: the rectangles Dear ImGui drew the panels in (--layout-dump) lie inside the window, no two overlap (the
# legend card lies on the map, and only there), and at 1920x1080 the map keeps at least 55 % of the window.
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

check_size() {  # WIDTH HEIGHT SCALE: runs the window on a screen of that size and checks its dump
    local w=$1 h=$2 scale=$3 dump="$out/layout_${1}x${2}.json" shot="$out/layout_${1}x${2}.png"
    rm -f "$dump"
    xvfb-run -a -s "-screen 0 ${w}x${h}x24" bash -c "
        . '$(dirname "$0")/lib.sh'
        '$binary' --no-settings --size ${w}x${h} --ui-scale $scale --date 2022-08-13 --layout-dump '$dump' \
            >'$out/layout_${w}x${h}.log' 2>&1 &
        pid=\$!
        wid=\$(find_window \$pid '$out/layout_${w}x${h}.log') || exit 1
        wait_dump '$dump' \"'timeline' in d.get('panels', {}) and 'legend' in d.get('panels', {})\" || exit 1
        sleep 2
        import -window root '$shot'
        xdotool key --window \$wid ctrl+q; sleep 1; kill \$pid 2>/dev/null; wait \$pid 2>/dev/null || true" || return 1
    python3 - "$dump" "$w" "$h" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
W, H = float(sys.argv[2]), float(sys.argv[3])
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
for b in bad: print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
}

passed=0 failed=0
for size in "1280 720 1" "1920 1080 1" "2560 1440 2"; do
    if check_size $size; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
