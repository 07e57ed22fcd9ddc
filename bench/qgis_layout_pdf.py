#!/usr/bin/python3
"""The peer of `eventmap render -o OUT.pdf --paper a4` for bench/vector_export.sh: a QGIS print layout (Debian's
python3-qgis, offscreen) on an A4 landscape page holding the same layers and decorations, exported with
QgsLayoutExporter.exportToPdf at 300 dpi.

Usage: qgis_layout_pdf.py OUT.pdf PROJECT.json DATA_DIR DATE

PROJECT.json is the project eventmap saved for the same page (`--save-project`): its view.frame (projected metres,
Lambert azimuthal equal-area at 20E 25N) is the map item's extent, so both draw the same box. The layers: the
1:10m countries (QGIS simplifies to the export's resolution itself: PdfExportSettings.simplifyGeometries, on by
default), labelled by name; the countries with Russian forces or meetings in the window tinted; the 10-degree
graticule; the events of the 30 days to DATE from data/events.csv and places.csv (meeting links solid, calls
dashed, straight rather than great circles; venues as points); the capitals. Decorations: title, subtitle,
legend, scale bar, the 1:110m locator inset, the sources line. Text is written as text (TextFormatAlwaysText), as
eventmap's is.
"""
import csv
import datetime
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFeature, QgsField, QgsFillSymbol,
                       QgsGeometry, QgsLayoutExporter, QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap,
                       QgsLayoutItemMapGrid, QgsLayoutItemScaleBar, QgsLayoutPoint, QgsLayoutSize, QgsLineSymbol,
                       QgsMarkerSymbol, QgsPalLayerSettings, QgsPointXY, QgsPrintLayout, QgsProject, QgsRectangle,
                       QgsRenderContext, QgsTextFormat, QgsUnitTypes, QgsVectorLayer, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor, QFont

out, project_path, data_dir, date_text = sys.argv[1:5]
MM = QgsUnitTypes.LayoutMillimeters
app = QgsApplication([], False)
app.initQgis()
project = QgsProject.instance()

frame = json.load(open(project_path))["view"]["frame"]
laea = QgsCoordinateReferenceSystem()
laea.createFromProj("+proj=laea +lat_0=25 +lon_0=20 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs")
wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
ne = os.path.join(data_dir, "naturalearth")

countries = QgsVectorLayer(os.path.join(ne, "ne_10m_admin0_countries.shp"), "Countries", "ogr")
countries.renderer().setSymbol(QgsFillSymbol.createSimple(
    {"color": "243,241,236", "outline_color": "163,163,163", "outline_width": "0.15"}))
labels = QgsPalLayerSettings()
labels.fieldName = "NAME"
fmt = QgsTextFormat()
fmt.setFont(QFont("DejaVu Sans"))
fmt.setSize(8)
labels.setFormat(fmt)
countries.setLabeling(QgsVectorLayerSimpleLabeling(labels))
countries.setLabelsEnabled(True)

# The events of the 30 days to DATE (the default window), placed through places.csv.
places = {r["place"]: (float(r["lon"]), float(r["lat"])) for r in csv.DictReader(open(os.path.join(data_dir, "places.csv")))}
capitals = [r for r in csv.DictReader(open(os.path.join(data_dir, "places.csv"))) if r["is_capital"] == "yes"]
end = datetime.date.fromisoformat(date_text)
start = end - datetime.timedelta(days=30)


def day(text):  # fuzzy dates (2023-06, 2023) as their first day
    return datetime.date.fromisoformat((text + "-01-01")[:10] if len(text) == 4 else (text + "-01")[:10])


events = [r for r in csv.DictReader(open(os.path.join(data_dir, "events.csv"))) if start < day(r["date"]) <= end]


def memory_layer(geometry, name, features):
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4326", name, "memory")
    layer.dataProvider().addAttributes([QgsField("name", QVariant.String)])
    layer.updateFields()
    feats = []
    for geom, label in features:
        f = QgsFeature(layer.fields())
        f.setGeometry(geom)
        f.setAttribute("name", label)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def link(r):
    a, b = places.get(r["from"]), places.get(r["to"])
    return (QgsGeometry.fromPolylineXY([QgsPointXY(*a), QgsPointXY(*b)]), r["id"]) if a and b else None


meetings = memory_layer("LineString", "Meetings", [l for l in (link(r) for r in events if r["kind"] == "meeting") if l])
meetings.renderer().setSymbol(QgsLineSymbol.createSimple({"line_color": "204,51,51", "line_width": "0.5"}))
calls = memory_layer("LineString", "Calls", [l for l in (link(r) for r in events if r["kind"] == "call") if l])
calls.renderer().setSymbol(QgsLineSymbol.createSimple({"line_color": "204,51,51", "line_width": "0.4",
                                                        "line_style": "dash"}))
venues = memory_layer("Point", "Event places", [(QgsGeometry.fromPointXY(QgsPointXY(*places[r["to"]])), r["to"])
                                                for r in events if r["to"] in places])
venues.renderer().setSymbol(QgsMarkerSymbol.createSimple({"name": "circle", "color": "204,51,51", "size": "1.6"}))
caps = memory_layer("Point", "Capitals", [(QgsGeometry.fromPointXY(QgsPointXY(float(r["lon"]), float(r["lat"]))),
                                           r["place"]) for r in capitals])
caps.renderer().setSymbol(QgsMarkerSymbol.createSimple({"name": "square", "color": "60,60,60", "size": "1.0"}))
tinted = sorted({r["country"] for r in events if r["country"]})
tints = QgsVectorLayer(os.path.join(ne, "ne_10m_admin0_countries.shp"), "Russian presence", "ogr")
tints.setSubsetString("ISO_A3 IN (" + ",".join(f"'{c}'" for c in tinted) + ")" if tinted else "FALSE")
tints.renderer().setSymbol(QgsFillSymbol.createSimple({"color": "204,51,51,70", "outline_style": "no"}))
inset_countries = QgsVectorLayer(os.path.join(ne, "ne_110m_admin0_countries.shp"), "World", "ogr")
inset_countries.renderer().setSymbol(QgsFillSymbol.createSimple(
    {"color": "230,228,222", "outline_color": "150,150,150", "outline_width": "0.05"}))
layers = [meetings, calls, venues, caps, tints, countries]
for layer in layers + [inset_countries]:
    project.addMapLayer(layer)

layout = QgsPrintLayout(project)
layout.initializeDefaults()  # one A4 landscape page
layout.setName("Army-2024")
map_item = QgsLayoutItemMap(layout)
map_item.attemptMove(QgsLayoutPoint(10, 10, MM))
map_item.attemptResize(QgsLayoutSize(277, 190, MM))
map_item.setCrs(laea)
map_item.setLayers(layers)
map_item.setBackgroundColor(QColor(221, 232, 239))
map_item.setExtent(QgsRectangle(frame[0], frame[1], frame[2], frame[3]))
grid = QgsLayoutItemMapGrid("graticule", map_item)
grid.setCrs(wgs84)
grid.setIntervalX(10)
grid.setIntervalY(10)
grid.setStyle(QgsLayoutItemMapGrid.Solid)
map_item.grids().addGrid(grid)
layout.addLayoutItem(map_item)

inset = QgsLayoutItemMap(layout)
inset.attemptMove(QgsLayoutPoint(222, 14, MM))
inset.attemptResize(QgsLayoutSize(60, 35, MM))
inset.setLayers([inset_countries])
inset.setExtent(QgsRectangle(-180, -60, 180, 85))
inset.setFrameEnabled(True)
layout.addLayoutItem(inset)


def label(text, size, x, y, bold=False):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    font = QFont("DejaVu Sans", size)
    font.setBold(bold)
    item.setFont(font)
    item.adjustSizeToText()
    item.attemptMove(QgsLayoutPoint(x, y, MM))
    layout.addLayoutItem(item)


label("Army-2024", 20, 14, 13, bold=True)
label(date_text, 10, 14, 23)
label("Natural Earth; eventmap events data", 6, 14, 194)
legend = QgsLayoutItemLegend(layout)
legend.setLinkedMap(map_item)
legend.setTitle("Legend")
layout.addLayoutItem(legend)
legend.attemptMove(QgsLayoutPoint(14, 120, MM))
scale = QgsLayoutItemScaleBar(layout)
scale.setStyle("Single Box")
scale.setLinkedMap(map_item)
scale.applyDefaultSize()
layout.addLayoutItem(scale)
scale.attemptMove(QgsLayoutPoint(230, 185, MM))

settings = QgsLayoutExporter.PdfExportSettings()
settings.dpi = 300
settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
result = QgsLayoutExporter(layout).exportToPdf(out, settings)
# QGIS 3.22's teardown segfaults in standalone scripts on Debian 12 (see qgis_render.py); the PDF is written by
# then, so leave without it. The timing includes everything up to the written file.
sys.stdout.flush()
os._exit(0 if result == QgsLayoutExporter.Success else 1)
