#!/usr/bin/env bash
# The clock, window and view come back at the next launch: start at 2023-05-05 with a 14-day window, quit with
# Ctrl+Q, start again without those options, quit, and check the settings file still says 2023-05-05 / 14
# (so the second run restored them before saving).
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
    for _ in 1 2 3; do xdotool key --window "$wid" ctrl+q; sleep 1; kill -0 $pid 2>/dev/null || break; done
    wait $pid
}
run_and_quit --date 2023-05-05 --window 14
grep -q '"2023-05-05"' "$XDG_CONFIG_HOME/eventmap/settings.json" || { echo "first run did not save the date"; echo "0 passed, 1 failed"; exit 1; }
[ -s "$XDG_CONFIG_HOME/eventmap/imgui.ini" ] || { echo "panel layout not saved"; echo "0 passed, 1 failed"; exit 1; }
run_and_quit
if grep -q '"2023-05-05"' "$XDG_CONFIG_HOME/eventmap/settings.json" && grep -q '"days": 14' "$XDG_CONFIG_HOME/eventmap/settings.json"; then
    echo "1 passed, 0 failed"; exit 0
fi
echo "second run did not restore the date and window:"; cat "$XDG_CONFIG_HOME/eventmap/settings.json"
echo "0 passed, 1 failed"; exit 1
