#!/usr/bin/env bash
# The presence tints follow the clock: moving the clock in a running window gives the map the same tints as a
# window opened at the new date. Before, the tints were drawn into the cached base map and a change of the clock
# did not redraw it, so a country kept the tint of whatever day the cache was last drawn on.
# The window opens over Mali and Burkina Faso on 2023-10-29, when no outside force is in Burkina Faso (no tint);
# '.' is pressed five times (a day each; the first may land before the window has focus), past 2023-11-01, when
# Russian instructors arrive there (one party: Russia's orange tint and an RU badge). Then a second window opens at
# the date the first one's title shows, and the two map areas are compared. Screenshots go to OUT_DIR.
#
#   tints_follow_the_clock.sh EVENTMAP OUT_DIR
set -euo pipefail
. "$(dirname "$0")/lib.sh"
window_test_setup "$@"

# Starts the window at date $1 with layout dump $2 and log $3; prints "PID WID".
open_at() {
    rm -f "$2"
    "$binary" --no-settings --size 1280x800 --theme light --bbox -13,9,5,25 --date "$1" --window 0 \
        --layout-dump "$2" >"$3" 2>&1 &
    local pid=$!
    local wid
    wid=$(find_window $pid "$3") || return 1
    wait_dump "$2" "'Bamako' in d.get('places', {})" || return 1
    echo "$pid $wid"
}

read -r pid1 wid1 < <(open_at 2023-10-29 "$out/tints_moved.json" "$out/tints_moved.log")
pids+=("$pid1")
xdotool mousemove --window "$wid1" $(corner_of "$out/tints_moved.json")
sleep 2  # first frames: the base map's cache drawn on the start date
import -window root "$out/tints_before.png"
for _ in 1 2 3 4 5; do xdotool key --window "$wid1" period; sleep 0.4; done
sleep 1.5
import -window root "$out/tints_moved.png"
date_now=$(python3 - "$out/tints_moved.json" <<'PY'
import datetime, json, sys
title = json.load(open(sys.argv[1]))["title"]  # "eventmap - 20 Feb 2013"
print(datetime.datetime.strptime(title.split(" - ")[-1], "%d %b %Y").date().isoformat())
PY
)
crop=$(crop_of "$out/tints_moved.json" map 2)
# The window may close on the q before xdotool sends the key releases: its BadWindow is no failure (as elsewhere).
xdotool key --window "$wid1" ctrl+q 2>/dev/null || true; sleep 1; kill "$pid1" 2>/dev/null || true

read -r pid2 wid2 < <(open_at "$date_now" "$out/tints_fresh.json" "$out/tints_fresh.log")
pids+=("$pid2")
xdotool mousemove --window "$wid2" $(corner_of "$out/tints_fresh.json")
sleep 3
import -window root "$out/tints_fresh.png"
xdotool key --window "$wid2" ctrl+q 2>/dev/null || true; sleep 1; kill "$pid2" 2>/dev/null || true

# Pixels of the map area differing by more than 3% of a channel's range (antialiasing noise stays below).
differ() {
    convert "$1" -crop "$crop" +repage "$out/tints_a.png"
    convert "$2" -crop "$crop" +repage "$out/tints_b.png"
    local n
    n=$(compare -metric AE -fuzz 3% "$out/tints_a.png" "$out/tints_b.png" null: 2>&1) || true
    [[ "$n" =~ ^[0-9]+$ ]] || { echo "compare failed: $n" >&2; echo 999999; return; }
    echo "$n"
}
moved_vs_fresh=$(differ "$out/tints_moved.png" "$out/tints_fresh.png")
before_vs_fresh=$(differ "$out/tints_before.png" "$out/tints_fresh.png")
echo "clock moved 2023-10-29 -> $date_now; map area $crop"
echo "pixels differing from a window opened on $date_now: after the keys $moved_vs_fresh, before them $before_vs_fresh"
fail=0
if [[ "$date_now" < "2023-11-01" ]]; then
    echo "FAIL: the keys did not move the clock past 2023-11-01 (title date $date_now)"
    fail=1
fi
# Before the keys Burkina Faso had no tint: thousands of pixels apart from the fresh window, where it has Russia's
# (the test sees tints). After them, the same picture as the fresh window but for a few stray pixels.
if [ "$before_vs_fresh" -lt 2000 ]; then
    echo "FAIL: the start date's map differs from the new date's by only $before_vs_fresh pixels (no tint to see?)"
    fail=1
fi
if [ "$moved_vs_fresh" -gt 50 ]; then
    echo "FAIL: after moving the clock the map differs from a window opened at that date by $moved_vs_fresh pixels"
    fail=1
fi
[ $fail -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
