#!/usr/bin/python3
"""Renders a shapefile with QGIS (Debian's python3-qgis, offscreen, QgsMapRendererParallelJob), for
bench/render_compare.sh. Usage: qgis_render.py SHP OUT.png WIDTH HEIGHT W S E N"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFillSymbol, QgsMapRendererParallelJob,
                       QgsMapSettings, QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

shp, out, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
w, s, e, n = (float(v) for v in sys.argv[5:9])
app = QgsApplication([], False)
app.initQgis()
layer = QgsVectorLayer(shp, "countries", "ogr")
layer.renderer().setSymbol(QgsFillSymbol.createSimple(
    {"color": "243,241,236", "outline_color": "163,163,163", "outline_width": "0.6", "outline_width_unit": "Pixel"}))
settings = QgsMapSettings()
settings.setLayers([layer])
settings.setBackgroundColor(QColor(221, 232, 239))
settings.setOutputSize(QSize(width, height))
settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
settings.setExtent(QgsRectangle(w, s, e, n))
job = QgsMapRendererParallelJob(settings)
job.start()
job.waitForFinished()
ok = job.renderedImage().save(out, "png")
# QGIS 3.22's teardown (exitQgis and interpreter exit) segfaults in standalone scripts on Debian 12; the picture
# is written by then, so leave without it. The timing includes everything up to the saved file.
sys.stdout.flush()
os._exit(0 if ok else 1)
