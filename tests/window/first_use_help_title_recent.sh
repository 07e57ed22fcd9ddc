#!/usr/bin/env bash
# First use (issue 19 item 6), on a fresh settings folder:
#  1. the first launch shows the hint; "Got it" dismisses it, and the next launch does not show it again;
#  2. F1 opens the keyboard help over the map (its rectangle inside the map area), Esc closes it, ? opens it;
#  3. the window's title (xdotool getwindowname) names the date, and the project once one is opened;
#  4. a layer and a project opened are listed under File > Recent files / Recent projects at the next launch,
#     and choosing the recent project opens it again (the title names it).
# A run with --no-settings never shows the hint (scripts and tests stay stable) unless --first-use-hint.
#
#   first_use_help_title_recent.sh EVENTMAP OUT_DIR
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
layer="$source_dir/tests/fixtures/polygons.geojson"
project="$XDG_CONFIG_HOME/sahel-brief.json"
echo '{"version": 2, "time": {"date": "2023-05-05", "window": "trailing", "days": 30}}' >"$project"
dump="$out/first_use_layout.json"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
holds() { python3 -c "import json,sys; d=json.load(open('$dump')); sys.exit(0 if ($1) else 1)"; }

start() {
    rm -f "$dump"
    "$binary" --size 1280x720 --layout-dump "$dump" "$@" >"$out/first_use.log" 2>&1 &
    pid=$!
    wid=$(find_window $pid "$out/first_use.log")
    wait_dump "$dump" "'map' in d.get('layout', {})" 60
    sleep 1.5
}
click() {
    [ -n "$1" ] && [ -n "$2" ] || { echo "FAIL: nothing to click"; exit 1; }
    xdotool mousemove --window "$wid" "$1" "$2"; sleep 0.4
    xdotool mousedown 1; sleep 0.15; xdotool mouseup 1; sleep 0.8
}
key() { xdotool mousemove --window "$wid" $(centre_of "$dump" status); sleep 0.3; xdotool key --window "$wid" "$1"; sleep 0.8; }
quit_app() {
    for _ in 1 2 3; do xdotool key --window "$wid" ctrl+q 2>/dev/null || true; sleep 1; kill -0 $pid 2>/dev/null || break; done
    wait $pid || true
    pid=""
}
title_is() {  # waits up to 10 s for the window's title to be $1
    local t=""
    for _ in $(seq 1 20); do t=$(xdotool getwindowname "$wid"); [ "$t" = "$1" ] && return 0; sleep 0.5; done
    fail "title '$t', expected '$1'"
}

# 1-3. First launch: the hint; the title names the date; F1, Esc, ?.
start --date 2024-08-13 --layer "$layer"
wait_dump "$dump" "d.get('hint_open') and 'hint' in d.get('panels', {})" 10 || fail "no hint at the first launch"
title_is "eventmap - 13 Aug 2024"
import -window root "$out/first_use_0_hint.png"
key F1
wait_dump "$dump" "d.get('help_open') and 'help' in d.get('panels', {})" 10 || fail "F1 did not open the help"
holds "(lambda h, m: h[0] >= m[0] and h[1] >= m[1] and h[0] + h[2] <= m[0] + m[2] + 1 and h[1] + h[3] <= m[1] + m[3] + 1)(d['panels']['help'], d['layout']['map'])" \
    || fail "the help is not inside the map area: $(python3 -c "import json; d=json.load(open('$dump')); print(d['panels'].get('help'), d['layout']['map'])")"
import -window root "$out/first_use_1_help.png"
key Escape
wait_dump "$dump" "not d.get('help_open') and 'help' not in d.get('panels', {})" 10 || fail "Esc did not close the help"
key shift+slash
wait_dump "$dump" "d.get('help_open')" 10 || fail "? did not open the help"
key F1
wait_dump "$dump" "not d.get('help_open')" 10 || fail "F1 did not close the help"
wait_dump "$dump" "'hint/Got it' in d.get('widgets', {})" 10
click $(centre_of "$dump" 'hint/Got it')
wait_dump "$dump" "not d.get('hint_open') and 'hint' not in d.get('panels', {})" 10 || fail "Got it did not dismiss the hint"
quit_app

# 4. Next launch: no hint; the layer is a recent file; open the project, then quit.
start --project "$project"
holds "not d.get('hint_open')" || fail "the hint came back after it was dismissed"
title_is "eventmap - sahel-brief - 5 May 2023"
click $(centre_of "$dump" 'menu/File')
click $(centre_of "$dump" 'menu/Recent files')
wait_dump "$dump" "any(k.startswith('menu/recent-file/') and k.endswith('polygons.geojson') for k in d.get('widgets', {}))" 10 \
    || fail "File > Recent files does not list the layer opened before"
key Escape
key Escape
quit_app
python3 - "$XDG_CONFIG_HOME/eventmap/preferences.json" "$project" <<'PY' || fail "preferences.json does not keep the dismissed hint and the recent project"
import json, os, sys
p = json.load(open(sys.argv[1]))
print("preferences:", p)
sys.exit(0 if p.get("hint_dismissed") and os.path.realpath(sys.argv[2]) in [os.path.realpath(x) for x in p.get("recent_projects", [])] else 1)
PY

# Third launch without a project: File > Recent projects > sahel-brief opens it.
start --date 2024-08-13
title_is "eventmap - 13 Aug 2024"
click $(centre_of "$dump" 'menu/File')
click $(centre_of "$dump" 'menu/Recent projects')
wait_dump "$dump" "any(k.startswith('menu/recent-project/') for k in d.get('widgets', {}))" 10 || fail "no recent project listed"
click $(centre_of "$dump" 'menu/recent-project/.*sahel-brief.json')
title_is "eventmap - sahel-brief - 5 May 2023"
quit_app

# Without settings (scripts, tests) there is no hint, unless asked for.
start --no-settings
holds "not d.get('hint_open')" || fail "the hint shows under --no-settings"
quit_app
start --no-settings --first-use-hint
holds "d.get('hint_open')" || fail "--first-use-hint did not show the hint"
quit_app

if [ "$failures" -eq 0 ]; then echo "1 passed, 0 failed"; exit 0; fi
echo "0 passed, 1 failed"; exit 1
