#!/usr/bin/env bash
# The map is drawn at the UI's scale: on a 2560x1440 screen at content scale 2 (the X server says 192 dpi, as a
# HiDPI monitor does) the map's labels are twice as many pixels as at scale 1 (96 dpi), like the panels' text.
# Before, the panels grew and the map stayed at pixel scale 1: its labels were 12 px on a 2x screen.
# Two measures, each on the same screen size at both dpis: the labels the map placed (--layout-dump: their text,
# size and box), and the ink of those labels in a screenshot (rows of dark pixels inside each label's box), so that
# what the GL path drew is checked, not only what the layout asked for. Screenshots go to OUT_DIR.
#
#   map_follows_ui_scale.sh EVENTMAP OUT_DIR
set -euo pipefail
. "$(dirname "$0")/lib.sh"
binary="$1"
out="${2:-test-output}"
mkdir -p "$out"
command -v xvfb-run >/dev/null || { echo "no xvfb-run"; exit 77; }
command -v xrdb >/dev/null || { echo "no xrdb (x11-xserver-utils): cannot set the screen's dpi"; exit 77; }
command -v convert >/dev/null || { echo "no ImageMagick convert"; exit 77; }
export XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

run_at() {  # SCALE: the window on a 2560x1440 screen at 96 * SCALE dpi; writes map_scale_S.json and .png
    local scale=$1 dpi=$((96 * $1))
    local dump="$out/map_scale_$scale.json" shot="$out/map_scale_$scale.png" log="$out/map_scale_$scale.log"
    rm -f "$dump" "$shot"
    # -noreset: the server keeps the Xft.dpi resource after xrdb disconnects (see layout_fits_every_size.sh).
    xvfb-run -a -s "-screen 0 2560x1440x24 -noreset" bash -c "
        . '$(dirname "$0")/lib.sh'
        echo 'Xft.dpi: $dpi' | xrdb -merge
        '$binary' --no-settings --size 2560x1440 --theme light --date 2022-08-13 --view sahel \
            --layout-dump '$dump' >'$log' 2>&1 &
        pid=\$!
        wid=\$(find_window \$pid '$log') || exit 1
        wait_dump '$dump' \"len(d.get('map', {}).get('labels', [])) > 3\" || exit 1
        sleep 2
        import -window root '$shot'
        xdotool key --window \$wid ctrl+q; sleep 1; kill \$pid 2>/dev/null; wait \$pid 2>/dev/null || true"
}

run_at 1
run_at 2
python3 - "$out/map_scale_1.json" "$out/map_scale_1.png" "$out/map_scale_2.json" "$out/map_scale_2.png" <<'PY'
import json, statistics, subprocess, sys

def ink_rows(png, box):
    """Rows of the label's box (window pixels) holding dark text pixels: the text's drawn height."""
    l, t, r, b = (int(round(v)) for v in box)
    w, h = r - l, b - t
    if w <= 0 or h <= 0:
        return 0
    pgm = subprocess.run(["convert", png, "-crop", f"{w}x{h}+{l}+{t}", "+repage", "-colorspace", "gray",
                          "-depth", "8", "pgm:-"], check=True, capture_output=True).stdout
    # P5 header: magic, width, height, maxval, then the bytes.
    parts = pgm.split(maxsplit=4)
    pw, ph, pixels = int(parts[1]), int(parts[2]), parts[4]
    rows = [any(pixels[y * pw + x] < 110 for x in range(pw)) for y in range(ph)]
    inked = [y for y, dark in enumerate(rows) if dark]
    return inked[-1] - inked[0] + 1 if inked else 0

def labels(dump_path, png):
    d = json.load(open(dump_path))
    m = d.get("map")
    if not m:
        sys.exit(f"FAIL: {dump_path} says nothing of the map's labels")
    out = {}
    for lab in m["labels"]:
        out.setdefault(lab["text"], (lab["size"], lab["box"][3] - lab["box"][1], ink_rows(png, lab["box"])))
    return d["scale"], m["pixel_scale"], out

ui1, px1, one = labels(sys.argv[1], sys.argv[2])
ui2, px2, two = labels(sys.argv[3], sys.argv[4])
bad = []
print(f"scale 1: UI {ui1}, map {px1}, {len(one)} labels; scale 2: UI {ui2}, map {px2}, {len(two)} labels")
if abs(ui2 - 2) > 0.01 or abs(ui1 - 1) > 0.01:
    bad.append(f"UI scales {ui1} and {ui2}, expected 1 and 2 from the screen's dpi")
common = [t for t in one if t in two and one[t][2] > 0 and two[t][2] > 0]
print("labels at both scales (text: size, box height, ink rows):")
for t in common[:12]:
    print(f"  {t!r}: {one[t]} -> {two[t]}")
if len(common) < 3:
    bad.append(f"only {len(common)} labels drawn at both scales: {common}")
else:
    size = statistics.median(two[t][0] / one[t][0] for t in common)
    box = statistics.median(two[t][1] / one[t][1] for t in common)
    ink = statistics.median(two[t][2] / one[t][2] for t in common)
    print(f"median ratios scale 2 / scale 1: text size {size:.2f}, box height {box:.2f}, ink height {ink:.2f}")
    if not 1.8 <= size <= 2.2: bad.append(f"the map's text is {size:.2f} times as large at scale 2, not about 2")
    if not 1.7 <= box <= 2.3: bad.append(f"the labels' boxes are {box:.2f} times as high at scale 2, not about 2")
    if not 1.5 <= ink <= 3.2: bad.append(f"the labels' drawn text is {ink:.2f} times as high at scale 2, not about 2")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
