#!/usr/bin/env bash
# The default view (Army-2024, 13 Aug 2024) as an A4 landscape page at 300 dpi: eventmap's PDF and SVG against
# its PNG of the same picture (3272x2244 at --dpi 300, the PDF's picture inside 10 mm margins), whole process,
# median of RUNS runs, peak memory and file size; with --base 10m as well. QGIS (python3-qgis,
# QgsLayoutExporter.exportToPdf) is the peer the issue names; it is not on this machine (dpkg -l python3-qgis),
# so its row is left out rather than guessed.
# Usage: bench/vector_export.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
out=$(mktemp -d)
em="$PWD/build/eventmap"
[ -x "$em" ] || { echo "build first"; exit 1; }
export XDG_CACHE_HOME="$out/cache"
scene=(--date 2024-08-13 --title "Army-2024" --inset)
"$em" render -o "$out/warm.pdf" --paper a4 "${scene[@]}" >/dev/null  # fill the cache
"$em" render -o "$out/warm.pdf" --paper a4 --base 10m "${scene[@]}" >/dev/null

# time_cmd CMD... -> "median_seconds peak_MiB"
time_cmd() {
    local times=() mems=()
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$out/t" "$@" >/dev/null 2>"$out/err" || { cat "$out/err"; return 1; }
        read -r t m < "$out/t"
        times+=("$t"); mems+=("$m")
    done
    echo "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p") $(( $(printf '%s\n' "${mems[@]}" | sort -n | tail -1) / 1024 ))"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-40s %12s %10s %10s\n' output "median (s)" "peak MiB" "MB"
row() {
    local name=$1 file=$2; shift 2
    local r; r=$(time_cmd "$@")
    printf '%-40s %12s %10s %10.2f\n' "$name" $r "$(echo "$(stat -c %s "$file") / 1000000" | bc -l)"
}
row "PNG 3272x2244 --dpi 300" "$out/a4.png" "$em" render -o "$out/a4.png" --size 3272x2244 --dpi 300 "${scene[@]}"
row "PDF --paper a4 (300 dpi)" "$out/a4.pdf" "$em" render -o "$out/a4.pdf" --paper a4 "${scene[@]}"
row "SVG 3272x2244 --dpi 300" "$out/a4.svg" "$em" render -o "$out/a4.svg" --size 3272x2244 --dpi 300 "${scene[@]}"
row "PDF --paper a4 --base 10m" "$out/a4_10m.pdf" "$em" render -o "$out/a4_10m.pdf" --paper a4 --base 10m "${scene[@]}"
if /usr/bin/python3 -c "import qgis" 2>/dev/null; then
    echo "QGIS is installed: add its layout export here (not written: it could not be run when this was made)"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$out"
