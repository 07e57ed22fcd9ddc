#!/usr/bin/env bash
# Writes the committed part of the bad-input corpus, tests/bad-inputs/ (python3's standard library only, so
# the bytes are exactly what each case needs, bad ones included). Rerunnable: it rewrites only the files it
# names. tests/bad-inputs/run.sh makes the rest at test time (a 100 MB CSV line, a folder named like a file,
# an unreadable file) and checks every case against tests/bad-inputs/expected.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 - tests/bad-inputs <<'PY'
import math, os, struct, sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
WGS84 = ('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
         'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')

written = set()
def write(name, data):
    written.add(name)
    path = os.path.join(out, name)
    with open(path, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))

def polygon_record(rings):
    pts = [p for r in rings for p in r]
    finite = [p for p in pts if all(math.isfinite(c) for c in p)] or [(0.0, 0.0)]
    box = (min(p[0] for p in finite), min(p[1] for p in finite), max(p[0] for p in finite), max(p[1] for p in finite))
    parts, n = [], 0
    for r in rings:
        parts.append(n)
        n += len(r)
    body = struct.pack('<i4d2i', 5, *box, len(rings), len(pts))
    body += b''.join(struct.pack('<i', i) for i in parts)
    body += b''.join(struct.pack('<2d', *p) for p in pts)
    return body

def null_record():
    return struct.pack('<i', 0)

def header(length_bytes, shape_type, box):
    return struct.pack('>7i', 9994, 0, 0, 0, 0, 0, length_bytes // 2) + struct.pack('<2i4d4d', 1000, shape_type, *box, 0, 0, 0, 0)

def dbf(names, encoding='utf-8'):
    """One character field 'name' (20 wide); names are str (encoded) or bytes (as is)."""
    width = 20
    head = struct.pack('<B3BIHH20x', 3, 124, 11, 28, len(names), 32 + 32 + 1, 1 + width)
    field = b'name'.ljust(11, b'\0') + b'C' + b'\0' * 4 + bytes([width, 0]) + b'\0' * 14
    recs = b''
    for n in names:
        raw = n if isinstance(n, bytes) else n.encode(encoding)
        recs += b' ' + raw[:width].ljust(width, b' ')
    return head + field + b'\r' + recs + b'\x1a'

def shapefile(stem, records, names=None, prj=WGS84, cpg='UTF-8', shx=True, dbf_file=True, shape_type=5):
    body, index, offset = b'', b'', 100
    # The header's bounding box: that of the finite coordinates of the polygon records (what a writer would do).
    xs, ys = [], []
    for rec in records:
        if len(rec) >= 44 and struct.unpack('<i', rec[:4])[0] == 5:
            nparts, npoints = struct.unpack('<2i', rec[36:44])
            if 0 <= nparts < 1000 and 0 <= npoints < 1000:
                for k in range(npoints):
                    at = 44 + 4 * nparts + 16 * k
                    if at + 16 <= len(rec):
                        x, y = struct.unpack('<2d', rec[at:at + 16])
                        if math.isfinite(x) and math.isfinite(y):
                            xs.append(x), ys.append(y)
    box = (min(xs), min(ys), max(xs), max(ys)) if xs else (0.0, 0.0, 0.0, 0.0)
    for i, rec in enumerate(records, 1):
        body += struct.pack('>2i', i, len(rec) // 2) + rec
        index += struct.pack('>2i', offset // 2, len(rec) // 2)
        offset += 8 + len(rec)
    write(stem + '.shp', header(100 + len(body), shape_type, box) + body)
    if shx:
        write(stem + '.shx', header(100 + len(index), shape_type, box) + index)
    if dbf_file:
        write(stem + '.dbf', dbf(names if names is not None else ['feature %d' % i for i in range(len(records))]))
    if prj:
        write(stem + '.prj', prj)
    if cpg:
        write(stem + '.cpg', cpg)

square = [(0.0, 10.0), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0), (0.0, 10.0)]
square2 = [(20.0, 30.0), (30.0, 30.0), (30.0, 20.0), (20.0, 20.0), (20.0, 30.0)]
good = [polygon_record([square]), polygon_record([square2])]

# Shapefiles.
shapefile('good', good)  # the control: every tool must succeed quietly
shapefile('truncated', good)
with open(os.path.join(out, 'truncated.shp'), 'r+b') as f:
    f.truncate(100 + 8 + len(good[0]) + 8 + 40)  # record 2 stops inside its point list
shapefile('garbled', [polygon_record([square]), struct.pack('<i4d2i', 5, 0, 0, 1, 1, 0x7fffffff, 0x7fffffff) + bytes(range(256)) * 2])
shapefile('bad_header', good)
with open(os.path.join(out, 'bad_header.shp'), 'r+b') as f:
    f.write(struct.pack('>i', 0x12345678))  # file code is not 9994
shapefile('missing_shx', good, shx=False)
shapefile('missing_dbf', good, dbf_file=False)
shapefile('wrong_cpg', good, names=[b'Bamako S\xe9gou', b'Tombouctou'], cpg='UTF-8')  # .cpg says UTF-8, text is Latin-1
shapefile('garbage_cpg', good, names=[b'S\xe9gou', b'Kayes'], cpg='KLINGON-42')  # an encoding no one knows
shapefile('no_features', [])
shapefile('null_geometries', [null_record(), polygon_record([square]), null_record()])
shapefile('self_intersecting', [polygon_record([[(0.0, 0.0), (10.0, 10.0), (10.0, 0.0), (0.0, 10.0), (0.0, 0.0)]])])
shapefile('nan_coordinates', [polygon_record([[(0.0, 0.0), (float('nan'), 5.0), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)]]),
                              polygon_record([[(float('nan'),) * 2] * 4])])
shapefile('inf_coordinates', [polygon_record([[(0.0, 0.0), (float('inf'), 5.0), (10.0, -float('inf')), (10.0, 0.0), (0.0, 0.0)]])])
shapefile('huge_coordinates', [polygon_record([[(0.0, 0.0), (1e308, 5.0), (10.0, 1e308), (-1e308, -1e308), (0.0, 0.0)]])])
shapefile('one_vertex', [polygon_record([[(5.0, 5.0)]])])

# GeoJSON.
def feature(geometry, name='x'):
    return '{"type":"Feature","properties":{"name":"%s"},"geometry":%s}' % (name, geometry)
def collection(*features):
    return '{"type":"FeatureCollection","features":[%s]}\n' % ','.join(features)
write('null_geometry.geojson', collection(feature('null', 'a'), feature('{"type":"Point","coordinates":[10,10]}', 'b')))
write('no_features.geojson', collection())
write('huge_coordinates.geojson', collection(
    feature('{"type":"Polygon","coordinates":[[[0,0],[1e308,5],[10,1e308],[-1e308,-1e308],[0,0]]]}', 'polygon'),
    feature('{"type":"LineString","coordinates":[[0,0],[1e308,0],[-1e308,10]]}', 'line'),
    feature('{"type":"Point","coordinates":[1e308,-1e308]}', 'point')))
write('overflow_coordinates.geojson', collection(
    feature('{"type":"Polygon","coordinates":[[[0,0],[1e309,5],[10,-1e999],[0,0]]]}', 'polygon')))
write('one_vertex.geojson', collection(feature('{"type":"Polygon","coordinates":[[[5,5]]]}')))
write('self_intersecting.geojson', collection(
    feature('{"type":"Polygon","coordinates":[[[0,0],[10,10],[10,0],[0,10],[0,0]]]}')))
write('invalid_utf8.geojson', collection(feature('{"type":"Point","coordinates":[10,10]}', 'S\xe9gou')).encode('utf-8').replace(b'S\xc3\xa9gou', b'S\xe9gou\xff'))
with open(os.path.join(out, 'null_geometry.geojson'), 'rb') as f:
    write('truncated.geojson', f.read()[:70])

# Not what the extension says.
png = bytes.fromhex('89504e470d0a1a0a0000000d4948445200000001000000010806000000') + b'\0' * 16
write('png_bytes.geojson', png)
write('png_bytes.shp', png)
write('png_bytes.csv', png)
write('text.shp', 'this is not a shapefile\n')
write('csv_text.geojson', 'id,date,kind\nX1,2023-01-01,arrival\n')
write('empty.shp', b'')
write('empty.geojson', b'')

# Events CSV (eventmap check).
HEAD = 'id,date,end_date,kind,actor,country,from,to,size,participants,description,source,confidence\n'
write('events_header_only.csv', HEAD)
write('events_empty.csv', b'')
write('events_invalid_utf8.csv', (HEAD + 'E1,2023-06-01,,arrival,Russia,MLI,,Bamako,,,S').encode() + b'\xe9gou \xff\xfe' + b',src,sourced\n')
write('events_unbalanced_quote.csv', HEAD + 'E1,2023-06-01,,arrival,"Russia,MLI,,Bamako,,,x,src,sourced\n')
write('events_nan_place.csv', HEAD + 'E1,2023-06-01,,arrival,Russia,MLI,,nan;inf,,,x,src,sourced\n'
                                    'E2,2023-06-01,,arrival,Russia,MLI,,1e308;1e308,,,x,src,sourced\n')
# Events GeoJSON (eventmap check).
ev = '"id":"G1","date":"2023-06-01","kind":"arrival","actor":"Russia","country":"MLI","source":"s","confidence":"c"'
write('events_huge_coordinates.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{%s},'
      '"geometry":{"type":"Point","coordinates":[1e308,1e308]}}]}\n' % ev)
write('events_null_geometry.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{%s},'
      '"geometry":null}]}\n' % ev)
print('make_bad_inputs: %d files written in %s' % (len(written), out))
PY
