#!/usr/bin/env bash
# Issue 17's window targets with 100,000 ACLED rows at 1920x1080 (hexagon bins on, a year in the window): p95 and
# mean frame time of the scrub script (the clock moves 3 days a frame) and of the pan script (the camera moves a few
# pixels a frame), one run each, with the load average before and after. Targets: scrub p95 <= 16 ms, pan <= 33 ms.
# Usage: bench/acled_window.sh [FRAMES] [WORK_DIR]   (defaults 300, /tmp/eventmap-acled; the CSV is made there once)
# Needs: xvfb-run, a build (build/eventmap). Runs on Mesa llvmpipe: figures depend on the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-300}
work=${2:-/tmp/eventmap-acled}
mkdir -p "$work"
em="$PWD/build/eventmap"
[ -x "$em" ] || { echo "build first (cmake --build build --target eventmap)"; exit 1; }
[ -s "$work/100k.csv" ] || python3 tools/make_synthetic_acled.py 100000 "$work/100k.csv"
for script in scrub pan; do
    before=$(cut -d' ' -f1-3 /proc/loadavg)
    xvfb-run -a -s "-screen 0 1920x1080x24" "$em" --no-settings --size 1920x1080 --events "$work/100k.csv" \
        --view sahel --date 2024-08-13 --window 365 --frames "$frames" --script "$script" \
        --stats "$work/$script.json" >"$work/$script.log" 2>&1
    python3 - "$work/$script.json" "$script" "$before" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]:5s} p95 {s['p95_ms']:6.1f} ms  mean {s['mean_ms']:5.1f} ms  max {s['max_ms']:6.1f} ms  "
      f"({s['frames']} frames; load average {sys.argv[3]} before, {sys.argv[4]} after)")
PY
done
