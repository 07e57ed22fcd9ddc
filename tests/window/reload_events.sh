#!/usr/bin/env bash
# File > Reload events and the automatic reload, driven as a user would, at 1600x1000 with an ACLED export of 30
# rows in 2022 (Mali) and a window of a year ending 2022-12-31:
#   1. eight rows are moved to 2012 in place (same size, the file's time put back, so the automatic reload, which
#      compares size and time, cannot see it); the events list keeps its 30 rows until File > Reload events is
#      clicked, then shows 22;
#   2. three rows are appended (the file grows): the window reloads by itself within a few seconds, 25 rows.
# Targets and outcomes come from the window itself (--layout-dump). Screenshots go to OUT_DIR.
#
#   reload_events.sh EVENTMAP OUT_DIR
set -euo pipefail
. "$(dirname "$0")/lib.sh"
binary="$1"
out="${2:-test-output}"
mkdir -p "$out"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run"; exit 1; }
dump="$out/reload_layout.json"
events="$out/reload_acled.csv"
rm -f "$dump"

# ACLED's newer column set, 30 rows from 2022-01-05, twelve days apart, around Mali's towns.
python3 - "$events" <<'PY'
import sys
from datetime import date, timedelta
header = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
          "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,"
          "admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,"
          "timestamp")
towns = [("Gao", 16.27, -0.04), ("Mopti", 14.49, -4.20), ("Timbuktu", 16.77, -3.01), ("Segou", 13.43, -6.26)]
with open(sys.argv[1], "w") as f:
    f.write(header + "\n")
    for i in range(30):
        d = date(2022, 1, 5) + timedelta(days=12 * i)
        town, lat, lon = towns[i % 4]
        f.write(f"MLI{40001 + i},{d.isoformat()},{d.year},1,Political violence,Battles,Armed clash,"
                f"Military Forces of Mali (2021-),,,JNIM: Group for Support of Islam and Muslims,,,,,466,"
                f"Western Africa,Mali,{town},,,{town},{lat:.4f},{lon:.4f},1,Synthetic,National,"
                f"Synthetic test row {i}.,{i % 5},,1700000000\n")
PY

"$binary" --no-settings --size 1600x1000 --bbox -13,9,5,21 --events "$events" --date 2022-12-31 --window 365 \
    --layout-dump "$dump" >"$out/reload.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
wid=$(find_window $pid "$out/reload.log")
wait_dump "$dump" "d['list_rows'] == 30 and 'menu/File' in d['widgets']" 60
sleep 1
click() {
    [ -n "$1" ] && [ -n "$2" ] || { echo "FAIL: nothing to click"; exit 1; }
    xdotool mousemove --window "$wid" "$1" "$2"; sleep 0.4
    xdotool mousedown 1; sleep 0.15; xdotool mouseup 1; sleep 0.8
}
passed=0 failed=0
ok() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }
field() { python3 -c "import json; d = json.load(open('$dump')); print($1)"; }
ok "30 rows listed at first"
import -window root "$out/reload_0_start.png"

# 1. Rows 1-8 move to 2012: the same bytes count, and the file's time is put back.
cp -p "$events" "$out/reload_acled.time"  # keeps the time to the nanosecond (touch -d @SECONDS would not)
size=$(stat -c %s "$events")
python3 - "$events" <<'PY'
import sys
path = sys.argv[1]
lines = open(path).read().split("\n")
for i in range(1, 9):
    lines[i] = lines[i].replace(",2022-", ",2012-", 1).replace(",2022,", ",2012,", 1)
open(path, "w").write("\n".join(lines))
PY
touch -r "$out/reload_acled.time" "$events"
[ "$(stat -c %s "$events")" = "$size" ] && [ "$(stat -c %y "$events")" = "$(stat -c %y "$out/reload_acled.time")" ] ||
    { echo "FAIL: the edit changed the file's size or time; the test cannot tell the menu from the automatic reload"; exit 1; }
sleep 3  # the window looks at its files once a second
[ "$(field "d['list_rows']")" = 30 ] && ok "an edit that keeps size and time is not reloaded by itself" ||
    fail "the list changed before File > Reload events: $(field "d['list_rows']") rows"
click $(centre_of "$dump" 'menu/File')
if wait_dump "$dump" "'menu/File/Reload events' in d['widgets']" 10; then
    import -window root "$out/reload_1_menu.png"
    click $(centre_of "$dump" 'menu/File/Reload events')
    if wait_dump "$dump" "d['list_rows'] == 22" 20; then ok "File > Reload events: 22 rows (8 moved to 2012)"
    else fail "after File > Reload events the list has $(field "d['list_rows']") rows, not 22"; fi
else
    fail "File menu did not open: $(field "list(d['widgets'])")"
fi
import -window root "$out/reload_2_reloaded.png"

# 2. Three rows appended: the file grows and the window reloads by itself.
python3 - "$events" <<'PY'
import sys
with open(sys.argv[1], "a") as f:
    for i in range(3):
        f.write(f"MLI4010{i},2022-12-0{i + 1},2022,1,Political violence,Riots,Mob violence,Rioters (Mali),,,,,,,,466,"
                f"Western Africa,Mali,Bamako,,,Bamako,12.6392,-8.0029,1,Synthetic,National,Appended row {i}.,0,,1700000000\n")
PY
if wait_dump "$dump" "d['list_rows'] == 25" 20; then ok "the appended rows were reloaded by themselves: 25 rows"
else fail "after appending 3 rows the list has $(field "d['list_rows']") rows, not 25"; fi
import -window root "$out/reload_3_appended.png"
xdotool key --window "$wid" Escape ctrl+q 2>/dev/null || true
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
