#!/usr/bin/env bash
# The inspector's events list, driven as a user would, at 1600x1000 over Moscow with ten years of events in the
# window: a click on the Kind header sorts by kind (again: the other way), typing in the search box narrows the
# rows, a click on a row pins its event and moves the map to it (Ouagadougou, far off a map of Moscow), and Down
# pins the next row. Targets and outcomes come from the window itself (--layout-dump). Screenshots go to OUT_DIR.
#
#   events_list_pins_and_moves.sh EVENTMAP OUT_DIR
set -euo pipefail
. "$(dirname "$0")/lib.sh"
binary="$1"
out="${2:-test-output}"
mkdir -p "$out"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run"; exit 1; }
dump="$out/events_list_layout.json"
rm -f "$dump"
"$binary" --no-settings --size 1600x1000 --bbox 30,50,45,60 --date 2024-12-31 --window 3650 --layout-dump "$dump" \
    >"$out/events_list.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
wid=$(find_window $pid "$out/events_list.log")
wait_dump "$dump" "d['list_rows'] > 20 and 'Events/header/Kind' in d['widgets']"
sleep 1
click() {
    [ -n "$1" ] && [ -n "$2" ] || { echo "FAIL: nothing to click"; exit 1; }
    xdotool mousemove --window "$wid" "$1" "$2"; sleep 0.3
    xdotool mousedown 1; sleep 0.15; xdotool mouseup 1; sleep 0.6
}
passed=0 failed=0
ok() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }
field() { python3 -c "import json; d = json.load(open('$dump')); print($1)"; }

rows=$(field "d['list_rows']")
echo "rows in a ten-year window: $rows; first by date: $(field "[r[0] for r in d['list']]")"
field "[r[2] for r in d['list']] == sorted(r[2] for r in d['list'])" | grep -q True && ok "sorted by date at first" ||
    fail "not sorted by date at first: $(field "d['list']")"

click $(centre_of "$dump" 'Events/header/Kind')
if wait_dump "$dump" "[r[1] for r in d['list']] == sorted(r[1] for r in d['list']) and d['list'][0][1] == 'announcement'" 10; then
    ok "the Kind header sorts by kind: $(field "[r[1] for r in d['list']]")"
else fail "the Kind header did not sort by kind: $(field "d['list']")"; fi
click $(centre_of "$dump" 'Events/header/Kind')
if wait_dump "$dump" "[r[1] for r in d['list']] == sorted((r[1] for r in d['list']), reverse=True) and d['list'][0][1] != 'announcement'" 10; then
    ok "a second click sorts the other way: $(field "[r[1] for r in d['list']]")"
else fail "a second click on Kind did not reverse the order: $(field "d['list']")"; fi
click $(centre_of "$dump" 'Events/header/Date')

# Typed again (all of the box selected first) if the box did not get every key: under a loaded machine a click
# or a key can arrive while the window is still busy with a frame (seen once in a parallel ctest run: 0 rows).
for attempt in 1 2 3; do
    click $(centre_of "$dump" 'Events/search')
    xdotool key --window "$wid" ctrl+a; sleep 0.2
    xdotool type --delay 60 "Ouagadougou"; sleep 1
    wait_dump "$dump" "d['list_search'] == 'Ouagadougou'" 5 && break
    echo "the search box holds '$(field "d['list_search']")' after typing (attempt $attempt)"
done
if wait_dump "$dump" "0 < d['list_rows'] < $rows" 10; then ok "search narrows $rows rows to $(field "d['list_rows']")"
else fail "searching Ouagadougou left $(field "d['list_rows']") of $rows rows"; fi
import -window root "$out/events_list_1_search.png"

# Ouagadougou is far off a map of Moscow; a click on the first row pins its event and brings it onto the map.
off=$(field "(lambda p, m: not (m[0] <= p[0] <= m[0] + m[2] and m[1] <= p[1] <= m[1] + m[3]))(d['places']['Ouagadougou'], d['layout']['map'])")
[ "$off" = True ] && ok "Ouagadougou starts off the map" || fail "Ouagadougou was already on the map"
first=$(field "d['list'][0][0]"); second=$(field "d['list'][1][0] if len(d['list']) > 1 else ''")
click $(centre_of "$dump" 'Events/row/0')
if wait_dump "$dump" "d['pinned'] == '$first'" 10; then ok "the row pins $first"; else fail "the row did not pin $first: '$(field "d['pinned']")'"; fi
if wait_dump "$dump" "(lambda p, m: m[0] <= p[0] <= m[0] + m[2] and m[1] <= p[1] <= m[1] + m[3])(d['places'][d['pinned_place']], d['layout']['map'])" 10; then
    ok "the map moved to $(field "d['pinned_place']")"
else fail "the pinned event's place is not on the map: $(field "d['places'].get(d['pinned_place'])") map $(field "d['layout']['map']")"; fi
import -window root "$out/events_list_2_pinned.png"
if [ -n "$second" ]; then
    xdotool key --window "$wid" Down; sleep 1
    if wait_dump "$dump" "d['pinned'] == '$second'" 10; then ok "Down pins the next row, $second"
    else fail "Down did not pin the next row $second: '$(field "d['pinned']")'"; fi
fi
xdotool key --window "$wid" Escape ctrl+q 2>/dev/null || true
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
