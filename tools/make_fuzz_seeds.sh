#!/usr/bin/env bash
# Writes the fuzzers' seed corpora, tests/fuzz/<target>/, from small pieces of the real data and the test
# fixtures. Rerunnable: it rewrites only the seed files it names (never tests/fuzz/regressions/).
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/fuzz
fx=tests/fixtures
for t in events_csv events_geojson dates places vector_shp vector_geojson project_file; do mkdir -p "$out/$t"; done

# events_csv: the header with a few real rows, in the encodings the reader accepts, plus the error fixture.
head -n 4 data/events.csv > "$out/events_csv/real_rows.csv"
{ head -n 1 data/events.csv; grep -m 3 -E ',(arrival|departure|handover),' data/events.csv; } > "$out/events_csv/presence_rows.csv"
head -n 3 data/events.csv | sed 's/$/\r/' > "$out/events_csv/crlf.csv"
{ printf '\xef\xbb\xbf'; head -n 2 data/events.csv; } > "$out/events_csv/bom.csv"
cp "$fx/events/errors.csv" "$out/events_csv/errors.csv"
cp "$fx/events/header_only.csv" "$out/events_csv/header_only.csv"
printf 'id,date,kind,actor,country,to,source,confidence,end_date\nX1,2023,arrival,"A ""quoted"" actor",MLI,12.5;-8.0,s,c,2023-07\n' \
    > "$out/events_csv/lat_lon_and_quotes.csv"

# events_geojson: the GeoJSON event fixtures.
cp "$fx/events/features.geojson" "$out/events_geojson/features.geojson"
cp "$fx/events/no_geometry.geojson" "$out/events_geojson/no_geometry.geojson"

# dates: every form the parsers take, and near misses.
i=0
for d in 2023-06-16 2023-06 2023 2024-02-29 2023-02-29 2024-13-01 0999-01-01 "13 Aug 2024" "Aug 2024" \
         "2024-8-13" " 2024-08-13 " "31 December 1999" "sept 2001" "2024-08-13x"; do
    printf '%s' "$d" > "$out/dates/date_$((i++))"
done

# places: the header and a few rows of the shipped table, and one bad row.
head -n 5 data/places.csv > "$out/places/real_rows.csv"
printf 'place,lat,lon\nNowhere,91,0\nBamako,12.65,-8.0\n' > "$out/places/minimal_and_bad.csv"

# vector_shp: .shp|SHX|.shx|DBF|.dbf|PRJ|.prj|CPG|.cpg (the split fuzz/entries.cpp expects).
shp_seed() {  # name stem [parts...]
    local name=$1 stem=$2
    shift 2
    {
        cat "$stem.shp"
        for ext in "$@"; do
            [ -f "$stem.$ext" ] || continue
            printf '|%s|' "$(echo "$ext" | tr a-z A-Z)"
            cat "$stem.$ext"
        done
    } > "$out/vector_shp/$name"
}
shp_seed polygons "$fx/polygons" shx dbf prj cpg
shp_seed polygons_3857 "$fx/polygons_3857" shx dbf prj cpg
shp_seed latin1_nocpg "$fx/latin1_nocpg" shx dbf prj
shp_seed noprj_lonlat "$fx/noprj_lonlat" shx dbf
shp_seed shp_only "$fx/polygons"

# vector_geojson: the GeoJSON fixtures.
cp "$fx/polygons.geojson" "$out/vector_geojson/polygons.geojson"
cp "$fx/antimeridian.geojson" "$out/vector_geojson/antimeridian.geojson"
cp "$fx/bad/null_geometry.geojson" "$out/vector_geojson/null_geometry.geojson"
printf '{"type":"Feature","geometry":{"type":"MultiLineString","coordinates":[[[170,10],[-170,12]],[[0,0],[1,1]]]},"properties":{"name":"x"}}' \
    > "$out/vector_geojson/line_across_antimeridian.geojson"
# project_file: the documented layout (src/app/project_file.hpp), full and minimal.
mkdir -p "$out/project_file"
cat > "$out/project_file/full.json" <<'JSON'
{"version": 1,
 "layers": [{"path": "data/x.shp", "title": "X", "style": {"visible": true, "fill_enabled": true,
            "fill": "#F1EEE8FF", "outline": "#9C9C9CFF", "outline_width": 0.6, "opacity": 1,
            "marker_radius": 3.5}},
            {"path": "/vsimem/y.geojson", "title": "Y"}],
 "view": {"projection": "laea", "bbox": [-13, 10, 5, 25]},
 "time": {"date": "2024-08-13", "window": "range", "days": 30,
          "range_start": "2023-01-01", "range_end": "2024-08-13"},
 "filters": {"hidden_parties": ["USA"], "hidden_kinds": ["call"], "countries": ["MLI"], "hide_uncertain": true,
             "text": "Wagner"}}
JSON
printf '{"version": 1}\n' > "$out/project_file/minimal.json"
printf '{"version": 1, "view": {"projection": "equirect"}, "time": {"window": "cumulative"}, "extra": 1}\n' \
    > "$out/project_file/unknown_key.json"

echo "make_fuzz_seeds: $(find "$out" -path "$out/regressions" -prune -o -type f -print | wc -l) seed files in $out"
