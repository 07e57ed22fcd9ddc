#!/usr/bin/env bash
# Light and dark (issue 19 item 5): View > Dark theme turns the panels and the map dark (the sidebar's and the
# map's mean brightness fall, measured on screenshots of the rectangles --layout-dump gives), Ctrl+Q keeps the
# choice (settings.json map.theme, preferences.json ui_theme) and the next launch comes back dark; View > Light
# theme brings it back. The window's own dump says which theme it has (from Dear ImGui's colours). An export (F12)
# from the dark window is dark, its project says "theme": "dark", and `eventmap render --project` of it is dark too.
#
#   theme_switch_comes_back.sh EVENTMAP OUT_DIR
set -euo pipefail

. "$(dirname "$0")/lib.sh"
binary="$(realpath "$1")"
out="$(realpath -m "${2:-test-output}")"
mkdir -p "$out"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run"; exit 1; }
export XDG_CONFIG_HOME=$(mktemp -d)
cd "$XDG_CONFIG_HOME"  # F12 writes eventmap-export.png here
pid=""
trap '[ -n "$pid" ] && { kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; }; rm -rf "$XDG_CONFIG_HOME"' EXIT
dump="$out/theme_layout.json"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

start() {
    rm -f "$dump"
    "$binary" --size 1280x720 --date 2024-08-13 --layout-dump "$dump" >"$out/theme.log" 2>&1 &
    pid=$!
    wid=$(find_window $pid "$out/theme.log")
    wait_dump "$dump" "'map' in d.get('layout', {})" 60
    # The first-launch hint covers the map's corner: dismiss it when it shows (first run only).
    if python3 -c "import json,sys; sys.exit(0 if json.load(open('$dump')).get('hint_open') else 1)"; then
        wait_dump "$dump" "'hint/Got it' in d.get('widgets', {})"
        click $(centre_of "$dump" 'hint/Got it')
    fi
    sleep 2
}
click() {
    [ -n "$1" ] && [ -n "$2" ] || { echo "FAIL: nothing to click"; exit 1; }
    xdotool mousemove --window "$wid" "$1" "$2"; sleep 0.4
    xdotool mousedown 1; sleep 0.15; xdotool mouseup 1; sleep 0.8
}
quit_app() {
    for _ in 1 2 3; do xdotool key --window "$wid" ctrl+q 2>/dev/null || true; sleep 1; kill -0 $pid 2>/dev/null || break; done
    wait $pid || true
    pid=""
}
# Mean brightness (0..1) of the layout rectangle $2 in screenshot $1, 8 px in from its edges.
brightness() { convert "$1" -crop "$(crop_of "$dump" "$2" 8)" +repage -colorspace Gray -format '%[fx:mean]' info:; }
shot() {  # the pointer on the status bar (no hover highlight on the map), a moment for the frame, then the screen
    xdotool mousemove --window "$wid" $(centre_of "$dump" status); sleep 1.2
    import -window root "$out/$1"
}
choose() {  # View > $1
    click $(centre_of "$dump" 'menu/View')
    wait_dump "$dump" "'menu/$1' in d.get('widgets', {})"
    click $(centre_of "$dump" "menu/$1")
}
check_theme() {  # $1 light|dark: the dump says so, and the screenshot $2's sidebar and map agree
    wait_dump "$dump" "d.get('theme') == {'panels': '$1', 'map': '$1'}" 20 || fail "the window's theme is not $1: $(python3 -c "import json; print(json.load(open('$dump')).get('theme'))")"
    shot "$2"
    local side map
    side=$(brightness "$out/$2" sidebar); map=$(brightness "$out/$2" map)
    echo "$2: sidebar $side, map $map"
    if [ "$1" = dark ]; then
        python3 -c "import sys; sys.exit(0 if $side < 0.25 and $map < 0.25 else 1)" || fail "$2: not dark (sidebar $side, map $map)"
    else
        python3 -c "import sys; sys.exit(0 if $side > 0.8 and $map > 0.6 else 1)" || fail "$2: not light (sidebar $side, map $map)"
    fi
}

start
check_theme light theme_0_light.png
choose 'Dark theme'
check_theme dark theme_1_dark.png
xdotool key --window "$wid" F12; sleep 1; [ -s eventmap-export.png ] || xdotool key --window "$wid" F12
for _ in $(seq 1 60); do [ -s eventmap-export.project.json ] && break; sleep 0.5; done
if [ -s eventmap-export.png ] && [ -s eventmap-export.project.json ]; then
    exported=$(convert eventmap-export.png -colorspace Gray -format '%[fx:mean]' info:)
    echo "export: brightness $exported"
    python3 -c "import sys; sys.exit(0 if $exported < 0.25 else 1)" || fail "the export from the dark window is not dark ($exported)"
    python3 -c "import json,sys; sys.exit(0 if json.load(open('eventmap-export.project.json'))['map'].get('theme') == 'dark' else 1)" \
        || fail "the export's project does not say theme dark"
    if "$binary" render --project eventmap-export.project.json -o cli.png >"$out/theme_cli.log" 2>&1; then
        redrawn=$(convert cli.png -colorspace Gray -format '%[fx:mean]' info:)
        python3 -c "import sys; sys.exit(0 if abs($redrawn - $exported) < 0.02 else 1)" \
            || fail "render --project of the export is not as dark ($redrawn against $exported)"
    else
        fail "render --project failed: $(cat "$out/theme_cli.log")"
    fi
else
    fail "F12 wrote no export"
fi
quit_app
python3 - "$XDG_CONFIG_HOME/eventmap" <<'PY' || fail "the dark theme was not saved"
import json, sys
s = json.load(open(sys.argv[1] + "/settings.json")); p = json.load(open(sys.argv[1] + "/preferences.json"))
print("saved: map", s["map"].get("theme"), "panels", p.get("ui_theme"))
sys.exit(0 if s["map"].get("theme") == "dark" and p.get("ui_theme") == "dark" else 1)
PY

start   # the next launch comes back dark
check_theme dark theme_2_dark_again.png
choose 'Light theme'
check_theme light theme_3_light_again.png
quit_app

if [ "$failures" -eq 0 ]; then echo "1 passed, 0 failed"; exit 0; fi
echo "0 passed, 1 failed"; exit 1
