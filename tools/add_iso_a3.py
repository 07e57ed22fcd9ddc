#!/usr/bin/env python3
"""Add an ISO 3166-1 alpha-3 code ("iso_a3") to the countries of a world-atlas TopoJSON.

Usage: add_iso_a3.py ISO_3166-1_JSON IN.topojson OUT.topojson

Used by tools/make_basemap.sh. Standard library only.

The world-atlas (npm) TopoJSON gives each country geometry an "id" (ISO 3166-1
numeric, zero-padded string such as "036") and a "name" property. This script
looks the numeric id up in Debian's iso-codes table
(/usr/share/iso-codes/json/iso_3166-1.json) and stores the alpha-3 code as the
property "iso_a3". Only the "countries" object is touched; arcs, transform and
geometry are copied unchanged.

Features with no id (or an id that is not in ISO 3166-1) get the explicit code
from NON_ISO below; anything not listed there gets "-99" (the Natural Earth
convention for "no code") and a warning on stderr. Keep NON_ISO and
data/naturalearth/README.md in sync.
"""

import json
import sys

# Features of world-atlas 2.0.2 without a standard ISO 3166-1 code, by name.
# XKX is the user-assigned code used for Kosovo by the EU, IMF, etc.
# Everything else gets "-99", as Natural Earth does in its ISO_A3 field.
NON_ISO = {
    "Kosovo": "XKX",
    "N. Cyprus": "-99",
    "Somaliland": "-99",
    "Siachen Glacier": "-99",
    "Cyprus U.N. Buffer Zone": "-99",
    "Dhekelia": "-99",
    "Akrotiri": "-99",
    "Baikonur": "-99",
    "USNB Guantanamo Bay": "-99",
    "Indian Ocean Ter.": "-99",
    "Coral Sea Is.": "-99",
    "Spratly Is.": "-99",
    "Clipperton I.": "-99",
    "Bajo Nuevo Bank": "-99",
    "Serranilla Bank": "-99",
    "Scarborough Reef": "-99",
}
FALLBACK = "-99"


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    iso_path, in_path, out_path = argv[1:]

    with open(iso_path, encoding="utf-8") as f:
        table = json.load(f)["3166-1"]
    alpha3_by_numeric = {e["numeric"]: e["alpha_3"] for e in table}

    with open(in_path, encoding="utf-8") as f:
        topo = json.load(f)

    geoms = topo["objects"]["countries"]["geometries"]
    non_iso = []
    for g in geoms:
        props = g.setdefault("properties", {})
        name = props.get("name", "")
        num = g.get("id")
        if isinstance(num, int):
            num = "%03d" % num
        code = alpha3_by_numeric.get(num) if num is not None else None
        if code is None:
            code = NON_ISO.get(name)
            if code is None:
                code = FALLBACK
                sys.stderr.write(
                    "add_iso_a3: warning: %r (id=%r) has no ISO code and is not "
                    "listed in NON_ISO; using %s\n" % (name, num, FALLBACK)
                )
            non_iso.append((name, num, code))
        props["iso_a3"] = code

    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(topo, f, ensure_ascii=False, separators=(",", ":"))

    sys.stderr.write(
        "add_iso_a3: %d features, %d without an ISO 3166-1 code: %s\n"
        % (
            len(geoms),
            len(non_iso),
            ", ".join("%s=%s" % (n, c) for n, _, c in non_iso),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
