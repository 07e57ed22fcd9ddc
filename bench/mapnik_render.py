#!/usr/bin/python3
"""Renders a shapefile with Mapnik (Debian's python3-mapnik) at a size and lon/lat extent, for bench/render_compare.sh.

Usage: mapnik_render.py SHP OUT.png WIDTH HEIGHT W S E N
Style as eventmap's base map: pale fill, 0.6 px grey outline, pale sea.
"""
import sys

import mapnik

shp, out, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
w, s, e, n = (float(v) for v in sys.argv[5:9])
m = mapnik.Map(width, height, "+proj=longlat +datum=WGS84 +no_defs")
m.background = mapnik.Color("#DDE8EF")
style = mapnik.Style()
rule = mapnik.Rule()
fill = mapnik.PolygonSymbolizer()
fill.fill = mapnik.Color("#F3F1EC")
rule.symbols.append(fill)
line = mapnik.LineSymbolizer()
line.stroke = mapnik.Color("#A3A3A3")
line.stroke_width = 0.6
rule.symbols.append(line)
style.rules.append(rule)
m.append_style("countries", style)
layer = mapnik.Layer("countries")
layer.datasource = mapnik.Shapefile(file=shp)
layer.styles.append("countries")
m.layers.append(layer)
m.aspect_fix_mode = mapnik.aspect_fix_mode.RESPECT
m.zoom_to_box(mapnik.Box2d(w, s, e, n))
mapnik.render_to_file(m, out, "png")
