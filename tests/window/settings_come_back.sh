#!/usr/bin/env bash
# The clock, window and view come back at the next launch: start at 2023-05-05 with a 14-day window on the
# Sahel view, quit with Ctrl+Q, start again without those options, quit, and check that the second run wrote
# the settings again (its file is newer) with the same date, window and view (so it restored them before
# saving).
set -euo pipefail

. "$(dirname "$0")/lib.sh"
binary="$1"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run"; exit 1; }
export XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
run_and_quit() {
    "$binary" --size 900x600 "$@" >"$XDG_CONFIG_HOME/app.log" 2>&1 &
    local pid=$!
    local wid
    wid=$(find_window $pid "$XDG_CONFIG_HOME/app.log")
    sleep 1.5
    xdotool mousemove --window "$wid" 450 200
    # (A press may meet the window as it closes: BadWindow is not a failure.)
    for _ in 1 2 3; do xdotool key --window "$wid" ctrl+q 2>/dev/null || true; sleep 1; kill -0 $pid 2>/dev/null || break; done
    wait $pid
}
settings="$XDG_CONFIG_HOME/eventmap/settings.json"
run_and_quit --date 2023-05-05 --window 14 --view sahel
grep -q '"2023-05-05"' "$settings" || { echo "first run did not save the date"; echo "0 passed, 1 failed"; exit 1; }
[ -s "$XDG_CONFIG_HOME/eventmap/imgui.ini" ] || { echo "panel layout not saved"; echo "0 passed, 1 failed"; exit 1; }
cp "$settings" "$XDG_CONFIG_HOME/first.json"
touch -d '2001-01-01' "$settings"   # so a second run that never writes is seen
run_and_quit
failed=0
[ "$(stat -c %Y "$settings")" -gt "$(date -d 2001-01-02 +%s)" ] || { echo "the second run did not save the settings"; failed=1; }
# Same date, window and view (the lon/lat box in view within a hundredth of a degree).
python3 - "$XDG_CONFIG_HOME/first.json" "$settings" <<'PY' || failed=1
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
problems = []
if b["time"].get("date") != "2023-05-05": problems.append(f"date {b['time'].get('date')}")
if b["time"].get("days") != 14: problems.append(f"days {b['time'].get('days')}")
if any(abs(x - y) > 0.01 for x, y in zip(a["view"]["bbox"], b["view"]["bbox"])):
    problems.append(f"view {b['view']['bbox']} != first run's {a['view']['bbox']}")
# The Sahel view, not the default Sahel + Moscow one: its box ends well south of Moscow (55.8 N).
if a["view"]["bbox"][3] > 40: problems.append(f"first run's view {a['view']['bbox']} is not the Sahel preset")
for p in problems: print("second run did not restore:", p)
sys.exit(1 if problems else 0)
PY
if [ "$failed" -eq 0 ]; then echo "1 passed, 0 failed"; exit 0; fi
cat "$settings"; echo "0 passed, 1 failed"; exit 1
