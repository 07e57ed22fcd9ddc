#!/usr/bin/python3
"""Opens a vector file with QGIS (Debian's python3-qgis) and iterates every feature, counting vertices: what QGIS
must do at least before it can draw the whole layer. For bench/heavy_layers.sh. Usage: qgis_open.py PATH
Prints: features vertices seconds_to_open seconds_to_iterate"""
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import QgsApplication, QgsVectorLayer

t0 = time.monotonic()
app = QgsApplication([], False)
app.initQgis()
layer = QgsVectorLayer(sys.argv[1], "heavy", "ogr")
if not layer.isValid():
    print("QGIS could not open " + sys.argv[1], file=sys.stderr)
    sys.stdout.flush()
    os._exit(1)
t1 = time.monotonic()
features = vertices = 0
for f in layer.getFeatures():
    features += 1
    g = f.geometry()
    if not g.isNull():
        vertices += g.constGet().nCoordinates()
t2 = time.monotonic()
print(features, vertices, round(t1 - t0, 2), round(t2 - t1, 2))
# QGIS 3.22's teardown segfaults in standalone scripts on Debian 12 (see qgis_render.py): leave without it.
sys.stdout.flush()
os._exit(0)
