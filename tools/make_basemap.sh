#!/usr/bin/env bash
# Regenerate the default base map: data/naturalearth/ne_{10m,50m,110m}_admin0_countries.*
#
# Source: npm package world-atlas@2.0.2 (TopoJSON built from public-domain
# Natural Earth admin-0 countries). See data/naturalearth/README.md.
#
# Needs: npm, ogr2ogr/ogrinfo (gdal-bin), python3 (standard library only),
#        Debian's iso-codes (installed with apt-get if missing and run as root).
# Offline use: WORLD_ATLAS_TGZ=/path/to/world-atlas-2.0.2.tgz tools/make_basemap.sh
#
# Idempotent: the output files are rebuilt from scratch on every run and, for
# the same inputs (tarball is checksum-pinned, DBF date is fixed), come out
# byte-identical. Only ne_*_admin0_countries.* in data/naturalearth/ are touched.
#
# Geometry is deliberately NOT repaired (no antimeridian splitting, no
# make-valid, no rewinding): the app's loader does that. The only change GDAL's
# TopoJSON reader makes is dropping rings that quantization collapsed to fewer
# than 3 distinct points (9 rings in 1:10m, including all of Vatican).
set -euo pipefail

PKG="world-atlas@2.0.2"
# dist.integrity of world-atlas 2.0.2 as published on the npm registry.
PKG_SHA512_B64="IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
ISO_JSON="/usr/share/iso-codes/json/iso_3166-1.json"
SCALES=(10m 50m 110m)
# Fixed "last update" date in the DBF header so reruns give identical files.
DBF_DATE="2000-01-01"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
OUT_DIR="$REPO_ROOT/data/naturalearth"

die() { echo "make_basemap: error: $*" >&2; exit 1; }
log() { echo "make_basemap: $*" >&2; }

for cmd in ogr2ogr ogrinfo python3 tar; do
    command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' not found (ogr2ogr/ogrinfo: apt-get install gdal-bin)"
done

if [[ ! -f "$ISO_JSON" ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "$ISO_JSON missing; installing Debian package iso-codes"
        apt-get install -y --no-install-recommends iso-codes >&2 \
            || { apt-get update >&2 && apt-get install -y --no-install-recommends iso-codes >&2; }
    fi
    [[ -f "$ISO_JSON" ]] || die "$ISO_JSON not found; install it with: apt-get install iso-codes"
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/make_basemap.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# --- 1. get the package -------------------------------------------------------
if [[ -n "${WORLD_ATLAS_TGZ:-}" ]]; then
    [[ -f "$WORLD_ATLAS_TGZ" ]] || die "WORLD_ATLAS_TGZ=$WORLD_ATLAS_TGZ does not exist"
    cp "$WORLD_ATLAS_TGZ" "$TMP/pkg.tgz"
else
    command -v npm >/dev/null 2>&1 || die "'npm' not found (or set WORLD_ATLAS_TGZ)"
    log "fetching $PKG with npm pack"
    tgz="$(cd "$TMP" && npm pack --silent "$PKG" | tail -n 1)"
    [[ -f "$TMP/$tgz" ]] || die "npm pack did not produce a tarball"
    mv "$TMP/$tgz" "$TMP/pkg.tgz"
fi
got="$(python3 -c 'import base64, hashlib, sys; print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$TMP/pkg.tgz")"
[[ "$got" == "$PKG_SHA512_B64" ]] || die "checksum mismatch for $PKG tarball (got sha512-$got)"
tar -xzf "$TMP/pkg.tgz" -C "$TMP"
SRC="$TMP/package"

# --- 2. add iso_a3 and convert -----------------------------------------------
mkdir -p "$OUT_DIR" "$TMP/out"
for s in "${SCALES[@]}"; do
    in="$SRC/countries-$s.json"
    [[ -f "$in" ]] || die "$in not in package"
    python3 "$SCRIPT_DIR/add_iso_a3.py" "$ISO_JSON" "$in" "$TMP/countries-$s.topojson"
    name="ne_${s}_admin0_countries"
    # Only the 'countries' layer. Polygon and MultiPolygon are mixed in the
    # source; the shapefile stores both as type Polygon, -nlt just makes it
    # explicit.
    # SHAPE_REWIND_ON_WRITE=NO: keep every ring exactly as in the source
    # (order and orientation). The source already uses the shapefile winding
    # (outer clockwise, holes counter-clockwise) for every ring that does not
    # cross the antimeridian. GDAL's default rewind decides outer/hole by planar
    # containment, and the antimeridian-crossing Russia rings make it write
    # (1:10m) Chukotka and 18 Russian islands as holes; see data/naturalearth/README.md.
    # (It also avoids the slow-write trap of GDAL 3.6's rewind.) Reading the
    # TopoJSON is fast (~1 s for 1:10m); OGR_ORGANIZE_POLYGONS is not involved.
    ogr2ogr --config SHAPE_REWIND_ON_WRITE NO \
        -f "ESRI Shapefile" \
        -a_srs EPSG:4326 \
        -nlt MULTIPOLYGON -dim XY \
        -select id,iso_a3,name \
        -lco ENCODING=UTF-8 \
        -lco RESIZE=YES \
        -lco "DBF_DATE_LAST_UPDATE=$DBF_DATE" \
        "$TMP/out/$name.shp" "$TMP/countries-$s.topojson" countries
    for ext in shp shx dbf prj cpg; do
        [[ -s "$TMP/out/$name.$ext" ]] || die "ogr2ogr did not write $name.$ext"
    done
    grep -qx 'UTF-8' <(tr -d '\r' < "$TMP/out/$name.cpg"; echo) || die "$name.cpg does not say UTF-8"
done

# Replace the old outputs only after everything was built.
for s in "${SCALES[@]}"; do
    name="ne_${s}_admin0_countries"
    rm -f "$OUT_DIR/$name".*
    mv "$TMP/out/$name".* "$OUT_DIR/"
done

# --- 3. summary ---------------------------------------------------------------
echo "file                              features   vertices      bytes(.shp+.shx+.dbf+.prj+.cpg)"
for s in "${SCALES[@]}"; do
    name="ne_${s}_admin0_countries"
    shp="$OUT_DIR/$name.shp"
    nfeat="$(ogrinfo -ro -so "$shp" "$name" | sed -n 's/^Feature Count: //p')"
    # Vertex count straight from the .shp records (numPoints of each shape,
    # closing points of rings included). Standard library only.
    nvert="$(python3 - "$shp" <<'EOF'
import struct, sys
with open(sys.argv[1], "rb") as f:
    data = f.read()
pos, total = 100, 0
while pos + 8 <= len(data):
    _, words = struct.unpack(">ii", data[pos:pos + 8])
    rec = data[pos + 8:pos + 8 + 2 * words]
    (stype,) = struct.unpack("<i", rec[:4])
    if stype in (3, 5, 8, 13, 15, 18, 23, 25, 28, 31):
        if stype in (8, 18, 28):           # multipoint: no parts
            (n,) = struct.unpack("<i", rec[36:40])
        else:
            (n,) = struct.unpack("<i", rec[40:44])
        total += n
    elif stype in (1, 11, 21):
        total += 1
    pos += 8 + 2 * words
print(total)
EOF
)"
    bytes="$(cat "$OUT_DIR/$name".{shp,shx,dbf,prj,cpg} | wc -c)"
    printf '%-33s %8s %10s %12s\n' "$name" "$nfeat" "$nvert" "$bytes"
done
