#!/usr/bin/env bash
# The default view (Army-2024, 13 Aug 2024) as an A4 landscape page at 300 dpi: eventmap's PDF and SVG against
# its PNG of the same picture (3272x2244 at --dpi 300, the PDF's picture inside 10 mm margins), whole process,
# median of RUNS runs, peak memory and file size; with --base 10m as well. Then the peer the issue names: QGIS
# (python3-qgis, bench/qgis_layout_pdf.py: a print layout of the same layers and decorations on A4 landscape,
# QgsLayoutExporter.exportToPdf at 300 dpi, the map item framed on the box eventmap drew), run in turns with
# eventmap's PDF (eventmap, QGIS, eventmap, QGIS, ...) so both see the same load; the ratio of each pair and its
# median is what counts on a shared machine. With KEEP_DIR both PDFs and their rasterisations (pdftoppm -r 50)
# are kept there to look at.
# Usage: bench/vector_export.sh [RUNS] [KEEP_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
keep="${2:-}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
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

# eventmap against QGIS, in turns: the same A4 page (the frame eventmap drew, saved as a project for QGIS).
if ! /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
    echo "QGIS (python3-qgis) is not installed: no comparison"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi
"$em" render -o "$out/pair.pdf" --paper a4 "${scene[@]}" --save-project "$out/page.project.json" >/dev/null
QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/qgis_layout_pdf.py "$out/qgis.pdf" "$out/page.project.json" \
    "$PWD/data" 2024-08-13 >/dev/null 2>&1  # QGIS's first start writes its profile; not timed
em_times=() qgis_times=() ratios=()
for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$out/t" "$em" render -o "$out/pair.pdf" --paper a4 "${scene[@]}" >/dev/null 2>"$out/err" ||
        { cat "$out/err"; exit 1; }
    read -r te me < "$out/t"
    QT_QPA_PLATFORM=offscreen /usr/bin/time -f "%e %M" -o "$out/t" /usr/bin/python3 bench/qgis_layout_pdf.py \
        "$out/qgis.pdf" "$out/page.project.json" "$PWD/data" 2024-08-13 >/dev/null 2>"$out/err" ||
        { cat "$out/err"; exit 1; }
    read -r tq mq < "$out/t"
    em_times+=("$te"); qgis_times+=("$tq"); ratios+=("$(echo "$te / $tq" | bc -l)")
    echo "  pair: eventmap $te s (${me} KiB), QGIS $tq s (${mq} KiB)"
done
median() { printf '%s
' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
mb() { echo "$(stat -c %s "$1") / 1000000" | bc -l; }
printf '%-40s %12s %10s
' "A4 PDF, 300 dpi, in turns" "median (s)" "MB"
printf '%-40s %12s %10.2f
' "eventmap render --paper a4" "$(median "${em_times[@]}")" "$(mb "$out/pair.pdf")"
printf '%-40s %12s %10.2f
' "QGIS QgsLayoutExporter.exportToPdf" "$(median "${qgis_times[@]}")" "$(mb "$out/qgis.pdf")"
printf 'median of the pairs'"'"' ratios eventmap / QGIS: %.2f\n' "$(median "${ratios[@]}")"
pdfinfo "$out/qgis.pdf" | grep -E '^(Pages|Page size)' | sed 's/^/  QGIS: /'
pdfinfo "$out/pair.pdf" | grep -E '^(Pages|Page size)' | sed 's/^/  eventmap: /'
if [ -n "$keep" ]; then
    mkdir -p "$keep"
    cp "$out/pair.pdf" "$keep/eventmap_a4.pdf"
    cp "$out/qgis.pdf" "$keep/qgis_a4.pdf"
    pdftoppm -r 50 -png -singlefile "$keep/eventmap_a4.pdf" "$keep/eventmap_a4"
    pdftoppm -r 50 -png -singlefile "$keep/qgis_a4.pdf" "$keep/qgis_a4"
    echo "kept in $keep: eventmap_a4.pdf qgis_a4.pdf and their rasterisations at 50 dpi"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
