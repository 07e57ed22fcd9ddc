#!/usr/bin/env bash
# Export in the window writes PDF and SVG too (issue 16, item 1): the file's extension chooses the format. The
# window opens a project (the Army-2024 forum, a title), the test types map.pdf into Export's "file" box and
# presses Export, then map.svg, then a4.pdf with the A4 size. Checked with the tools a reader would use: the PDF is one page of the map area's
# size x 2 at 96 dpi x 2 (= the area in points x 0.75), its text layer (pdftotext) holds the title and country
# labels, DejaVu Sans is embedded (pdffonts), its rasterisation is not blank; the SVG parses (xmllint), has the
# named groups and the labels as <text>. The clicks aim at the widgets the window reports (--layout-dump).
#
#   vector_export_from_window.sh EVENTMAP OUT_DIR
set -euo pipefail

. "$(dirname "$0")/lib.sh"
binary="$1"
out="${2:-test-output}"
mkdir -p "$out"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run"; exit 1; }
for tool in pdfinfo pdftotext pdffonts pdftoppm xmllint; do
    command -v $tool >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && { kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; }; rm -rf "$work"' EXIT
cd "$work"

cat > start.project.json <<JSON
{"version": 2, "layers": [],
 "view": {"projection": "laea", "bbox": [-25, -5, 50, 60]},
 "time": {"date": "2024-08-13", "window": "trailing", "days": 30},
 "decorations": {"title": "Army-2024 forum", "subtitle": "From the window", "legend": true, "scale_bar": true,
                 "inset": false, "attribution": true}}
JSON
dump="$work/layout.json"
"$binary" --no-settings --size 1600x900 --samples 0 --project start.project.json --layout-dump "$dump" \
    >"$out/vector_window.log" 2>&1 &
pid=$!
wid=$(find_window $pid "$out/vector_window.log")
sleep 3
click() { xdotool mousemove --window "$wid" "$1" "$2"; sleep 0.4; xdotool mousedown 1; sleep 0.15; xdotool mouseup 1; sleep 0.8; }
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else echo "FAIL: $1"; failed=$((failed + 1)); fi; }

# Unfold Export; its widgets may be below the sidebar's visible part: scroll down until they are reported.
wait_dump "$dump" "'Section/Export' in d['widgets']"
click $(centre_of "$dump" Section/Export)
for _ in $(seq 1 10); do
    wait_dump "$dump" "'Export/Export' in d['widgets'] and 'Export/file' in d['widgets']" 2 2>/dev/null && break
    xdotool mousemove --window "$wid" $(centre_of "$dump" sidebar); sleep 0.2
    for _ in 1 2 3; do xdotool click 5; sleep 0.1; done
    sleep 0.5
done
wait_dump "$dump" "'Export/Export' in d['widgets'] and 'Export/file' in d['widgets']"

# export_as NAME: types NAME into Export's file box and presses the Export button; waits for the file.
export_as() {
    click $(centre_of "$dump" Export/file)
    # Keys held for a while: Dear ImGui 1.86 sees a key only if it is down when a frame starts (typed characters
    # are queued, keys are not).
    xdotool keydown ctrl+a; sleep 0.3; xdotool keyup ctrl+a; sleep 0.3
    xdotool type --window "$wid" --delay 120 "$1"; sleep 0.3
    xdotool keydown Return; sleep 0.3; xdotool keyup Return; sleep 0.8
    click $(centre_of "$dump" Export/Export)
    for _ in $(seq 1 120); do [ -s "$1" ] && break; sleep 0.5; done
}

export_as map.pdf
import -window root "$out/vector_window_pdf.png"
check "the PDF was written" '[ -s map.pdf ]'
if [ -s map.pdf ]; then
    cp map.pdf "$out/window_export.pdf"
    pdfinfo map.pdf > info.txt || true
    cat info.txt
    # "Page size:      750 x 420 pts": the map area (camera) x 2 pixels at 96 x 2 dpi is the area x 0.75 pt.
    check "one page the size of the map area x 0.75 pt" "python3 - info.txt '$dump' <<'PY'
import json, re, sys
info = open(sys.argv[1]).read()
w, h = map(float, re.search(r'Page size:\s+([\d.]+) x ([\d.]+) pts', info).groups())
cw, ch = json.load(open(sys.argv[2]))['camera']['size']
print('page', w, h, 'expected', cw * 0.75, ch * 0.75)
sys.exit(0 if re.search(r'Pages:\s+1\n', info) and abs(w - cw * 0.75) < 0.5 and abs(h - ch * 0.75) < 0.5 else 1)
PY"
    pdftotext map.pdf text.txt || true
    for word in "Army-2024 forum" "From the window" Mali Niger Chad Legend; do
        check "the PDF's text holds '$word'" "grep -qF '$word' text.txt"
    done
    check "DejaVu Sans is embedded" "pdffonts map.pdf | grep DejaVuSans | grep -q ' yes '"
    pdftoppm -r 30 -png -singlefile map.pdf raster
    cp raster.png "$out/window_export_pdf.png"
    check "the PDF's rasterisation is not blank" \
        "[ \"\$(convert raster.png -colorspace gray -format '%[fx:standard_deviation>0.05]' info:)\" = 1 ]"
fi

export_as map.svg
check "the SVG was written" '[ -s map.svg ]'
if [ -s map.svg ]; then
    cp map.svg "$out/window_export.svg"
    check "the SVG parses" 'xmllint --noout map.svg'
    for group in countries borders graticule meeting-links labels decorations; do
        check "the SVG has the group $group" "grep -qF '<g id=\"$group\"' map.svg"
    done
    check "the title is SVG text" "grep -qF '>Army-2024 forum</text>' map.svg"
    check "a country label is SVG text" "grep -qF '>Mali</text>' map.svg"
fi

# The "A4 landscape, 300 dpi" size as a PDF is an A4 page (pdfinfo names it), not its pixels at the window's scale.
click $(centre_of "$dump" Export/size)
wait_dump "$dump" "'Export/size/a4' in d['widgets']"
click $(centre_of "$dump" Export/size/a4)
export_as a4.pdf
check "the A4 size gives an A4 PDF" "pdfinfo a4.pdf | grep -q 'Page size:.*pts (A4)'"
pdfinfo a4.pdf 2>/dev/null | grep 'Page size' || true

for _ in 1 2 3; do xdotool key --window "$wid" ctrl+q 2>/dev/null || true; sleep 1; kill -0 $pid 2>/dev/null || break; done
rc=0; wait $pid || rc=$?; pid=""
check "the window closes cleanly (exit 0)" '[ $rc -eq 0 ]'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
