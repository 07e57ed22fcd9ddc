#!/usr/bin/env bash
# Regenerates the small vector fixtures of the CPU tests: tests/fixtures/*.
#
# Needs: ogr2ogr (gdal-bin) and python3 (standard library only).
# The generated files are committed, so the tests never run this script; run it again after changing it.
# Idempotent: tests/fixtures/ is rebuilt from scratch each time (only the files listed below are touched), and
# for the same GDAL version the output is byte-identical (fixed DBF date, fixed coordinates).
#
# What is made (areas in square degrees, planar in lon/lat, as the tests check them):
#   polygons.geojson / polygons.shp      3 features, WGS84 lon/lat, field name/area/parts:
#       square_with_hole  outer lon -8..2, lat 10..20 (100) minus hole lon -5..-1, lat 13..17 (16)   = 84
#       two_parts         square lon -6..-4, lat 22..24 (4) + triangle (0,22) (2,22) (0,25) (3)     = 7
#       concave_l         L shape: lon -4..0 lat 0..4 minus lon -2..0 lat 2..4                       = 12
#   polygons_3857.shp, polygons_32630.shp  the same, reprojected (Web Mercator; UTM zone 30N), with .prj
#   latin1_regions.shp                    4 points, names Ségou Tombouctou Kidal Mopti stored as ISO-8859-1
#                                         bytes in the .dbf; the .cpg says ISO-8859-1 (GDAL 3.6 leaves LDID 0)
#   latin1_nocpg.shp                      the same .dbf bytes, no .cpg and LDID 0 (encoding unknown)
#   noprj_metres.shp                      polygons_3857 without its .prj (coordinates in metres)
#   noprj_lonlat.shp                      polygons.shp without its .prj (coordinates in degrees)
#   antimeridian.geojson                  polygon lon 170..-170 lat -10..10 (unwrapped area 400) and a line
#                                         (160,0) (175,5) (-175,10) (-160,15) crossing lon 180 at lat 7.5
#   bad/truncated.shp (+.shx .dbf)        polygons.shp with the .shp cut in the middle of the 2nd record
#   bad/missing_shx.shp (+.dbf)           no .shx
#   bad/missing_dbf.shp (+.shx .prj)      no .dbf
#   bad/empty.shp                         a layer with no features
#   bad/null_geometry.geojson             3 features, the 2nd with "geometry": null
#   bad/not_a_shapefile.shp               text, not a shapefile
#   bad/not_geojson.geojson               binary bytes, not GeoJSON
#   bad/folder.shp/                       a folder whose name looks like a file (holds only README)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(cd "$SCRIPT_DIR/.." && pwd)/tests/fixtures"
DBF_DATE="2000-01-01"

die() { echo "make_test_fixtures: error: $*" >&2; exit 1; }
for cmd in ogr2ogr python3; do
    command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' not found (ogr2ogr: apt-get install gdal-bin)"
done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/make_test_fixtures.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

shp() {  # shp OUT.shp IN [ogr2ogr options...]
    local out="$1" in="$2"
    shift 2
    ogr2ogr -f "ESRI Shapefile" -lco "DBF_DATE_LAST_UPDATE=$DBF_DATE" "$@" "$out" "$in"
}

# --- GeoJSON sources (python, standard library) -------------------------------------------------------------
python3 - "$TMP" <<'EOF'
import json, sys, os
tmp = sys.argv[1]

def fc(features):
    return {"type": "FeatureCollection", "features": features}

def feat(props, geom):
    return {"type": "Feature", "properties": props, "geometry": geom}

def closed(ring):
    return ring + [ring[0]]

# Outer rings counter-clockwise, holes clockwise (RFC 7946).
square_with_hole = {"type": "Polygon", "coordinates": [
    closed([[-8, 10], [2, 10], [2, 20], [-8, 20]]),
    closed([[-5, 13], [-5, 17], [-1, 17], [-1, 13]]),
]}
two_parts = {"type": "MultiPolygon", "coordinates": [
    [closed([[-6, 22], [-4, 22], [-4, 24], [-6, 24]])],
    [closed([[0, 22], [2, 22], [0, 25]])],
]}
concave_l = {"type": "Polygon", "coordinates": [
    closed([[-4, 0], [0, 0], [0, 2], [-2, 2], [-2, 4], [-4, 4]]),
]}
polygons = fc([
    feat({"name": "square_with_hole", "area": 84.0, "parts": 1}, square_with_hole),
    feat({"name": "two_parts", "area": 7.0, "parts": 2}, two_parts),
    feat({"name": "concave_l", "area": 12.0, "parts": 1}, concave_l),
])

regions = fc([
    feat({"name": "S\u00e9gou", "pop": 1}, {"type": "Point", "coordinates": [-6.2633, 13.4317]}),
    feat({"name": "Tombouctou", "pop": 2}, {"type": "Point", "coordinates": [-3.0074, 16.7735]}),
    feat({"name": "Kidal", "pop": 3}, {"type": "Point", "coordinates": [1.4078, 18.4411]}),
    feat({"name": "Mopti", "pop": 4}, {"type": "Point", "coordinates": [-4.1970, 14.4843]}),
])

antimeridian = fc([
    feat({"name": "dateline_box"}, {"type": "Polygon", "coordinates": [
        closed([[170, -10], [-170, -10], [-170, 10], [170, 10]])]}),
    feat({"name": "dateline_line"}, {"type": "LineString", "coordinates": [
        [160, 0], [175, 5], [-175, 10], [-160, 15]]}),
])

null_geometry = fc([
    feat({"name": "first"}, {"type": "Point", "coordinates": [1, 1]}),
    feat({"name": "no_geometry"}, None),
    feat({"name": "third"}, {"type": "Point", "coordinates": [3, 3]}),
])

def dump(name, obj):
    with open(os.path.join(tmp, name), "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")

dump("polygons.geojson", polygons)
dump("regions.geojson", regions)
dump("antimeridian.geojson", antimeridian)
dump("null_geometry.geojson", null_geometry)
EOF

# --- build everything in TMP/out, then replace the fixtures --------------------------------------------------
O="$TMP/out"
mkdir -p "$O/bad/folder.shp"
cp "$TMP/polygons.geojson" "$TMP/antimeridian.geojson" "$O/"
cp "$TMP/null_geometry.geojson" "$O/bad/"

shp "$O/polygons.shp" "$TMP/polygons.geojson" -lco ENCODING=UTF-8 -nlt MULTIPOLYGON
shp "$O/polygons_3857.shp" "$TMP/polygons.geojson" -lco ENCODING=UTF-8 -nlt MULTIPOLYGON -t_srs EPSG:3857
shp "$O/polygons_32630.shp" "$TMP/polygons.geojson" -lco ENCODING=UTF-8 -nlt MULTIPOLYGON -t_srs EPSG:32630
shp "$O/latin1_regions.shp" "$TMP/regions.geojson" -lco ENCODING=ISO-8859-1
[[ "$(tr -d '\r\n' < "$O/latin1_regions.cpg")" == "ISO-8859-1" ]] ||
    die "latin1_regions.cpg says '$(cat "$O/latin1_regions.cpg")', expected ISO-8859-1"

# Same bytes with the encoding unknown: no .cpg and LDID (byte 29 of the .dbf header) 0.
for ext in shp shx dbf prj; do cp "$O/latin1_regions.$ext" "$O/latin1_nocpg.$ext"; done
python3 - "$O/latin1_nocpg.dbf" <<'EOF'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
assert b"S\xe9gou" in data, "expected the Latin-1 bytes of Segou in the .dbf"
data[29] = 0
open(path, "wb").write(bytes(data))
EOF

for ext in shp shx dbf; do
    cp "$O/polygons_3857.$ext" "$O/noprj_metres.$ext"
    cp "$O/polygons.$ext" "$O/noprj_lonlat.$ext"
done

# Truncated: keep the header (100 bytes), the whole 1st record and half of the 2nd (records: 8-byte header +
# 2*content_length bytes, big-endian lengths in 16-bit words).
for ext in shx dbf prj cpg; do cp "$O/polygons.$ext" "$O/bad/truncated.$ext"; done
python3 - "$O/polygons.shp" "$O/bad/truncated.shp" <<'EOF'
import struct, sys
data = open(sys.argv[1], "rb").read()
pos = 100
_, words = struct.unpack(">ii", data[pos:pos + 8])
second = pos + 8 + 2 * words
_, words2 = struct.unpack(">ii", data[second:second + 8])
cut = second + 8 + words2  # half of the 2nd record's content
open(sys.argv[2], "wb").write(data[:cut])
EOF

for ext in shp dbf prj cpg; do cp "$O/polygons.$ext" "$O/bad/missing_shx.$ext"; done
for ext in shp shx prj; do cp "$O/polygons.$ext" "$O/bad/missing_dbf.$ext"; done
shp "$O/bad/empty.shp" "$TMP/polygons.geojson" -lco ENCODING=UTF-8 -nlt MULTIPOLYGON -where "name = 'none'"
printf 'This is a text file named like a shapefile.\n' > "$O/bad/not_a_shapefile.shp"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01' > "$O/bad/not_geojson.geojson"
printf 'A folder named like a shapefile: tests pass this folder where a file is expected.\n' \
    > "$O/bad/folder.shp/README"

# Replace only what this script owns.
rm -rf "$OUT/bad"
rm -f "$OUT"/polygons.* "$OUT"/polygons_3857.* "$OUT"/polygons_32630.* "$OUT"/latin1_regions.* \
    "$OUT"/latin1_nocpg.* "$OUT"/noprj_metres.* "$OUT"/noprj_lonlat.* "$OUT"/antimeridian.geojson
mkdir -p "$OUT"
cp -r "$O"/. "$OUT/"
echo "make_test_fixtures: wrote $(find "$O" -type f | wc -l) files to $OUT" >&2
