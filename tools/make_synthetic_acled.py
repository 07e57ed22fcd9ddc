#!/usr/bin/env python3
"""Writes N synthetic ACLED-style rows (the column set used since March 2023) for benchmarks and pictures.

Not ACLED data: places are jittered around real Sahel towns, everything else is random. Deterministic (seeded).
usage: tools/make_synthetic_acled.py N OUT.csv
"""
import csv
import random
import sys
from datetime import date, timedelta

HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
          "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
          "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp").split(",")
TOWNS = [("MLI", 466, "Mali", "Gao", 16.27, -0.04), ("MLI", 466, "Mali", "Mopti", 14.49, -4.20),
         ("MLI", 466, "Mali", "Timbuktu", 16.77, -3.01), ("MLI", 466, "Mali", "Kidal", 18.44, 1.41),
         ("MLI", 466, "Mali", "Segou", 13.43, -6.26), ("MLI", 466, "Mali", "Menaka", 15.92, 2.40),
         ("BFA", 854, "Burkina Faso", "Djibo", 14.10, -1.63), ("BFA", 854, "Burkina Faso", "Kaya", 13.09, -1.08),
         ("BFA", 854, "Burkina Faso", "Fada N'Gourma", 12.06, 0.36), ("BFA", 854, "Burkina Faso", "Dori", 14.03, -0.03),
         ("NER", 562, "Niger", "Tillaberi", 14.21, 1.45), ("NER", 562, "Niger", "Diffa", 13.32, 12.61),
         ("NER", 562, "Niger", "Tahoua", 14.89, 5.27)]
TYPES = [("Battles", "Armed clash", "Political violence"), ("Violence against civilians", "Attack", "Political violence"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Political violence"),
         ("Protests", "Peaceful protest", "Demonstrations"), ("Riots", "Violent demonstration", "Demonstrations"),
         ("Strategic developments", "Looting/property destruction", "Strategic developments")]
ACTORS = ["Military Forces of Mali (2021-)", "JNIM: Group for Support of Islam and Muslims", "Islamic State (Sahel)",
          "Military Forces of Burkina Faso (2022-)", "Military Forces of Niger (2023-)",
          "Civilians (Mali)", "Civilians (Burkina Faso)", "Civilians (Niger)"]
OUTSIDE = ["Wagner Group", "Africa Corps"]  # associated with about one row in twenty


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(17)
    start = date(2019, 1, 1)
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for i in range(n):
            iso3, num, country, town, lat, lon = rng.choice(TOWNS)
            et, sub, dis = rng.choice(TYPES)
            d = start + timedelta(days=rng.randrange(2100))
            fat = 0 if et in ("Protests", "Strategic developments") else int(rng.expovariate(0.25))
            a1, a2 = rng.choice(ACTORS), rng.choice(ACTORS)
            assoc = rng.choice(OUTSIDE) if rng.random() < 0.05 else ""
            w.writerow([f"{iso3}{i + 1}", d.strftime("%d %B %Y"), d.year, rng.choice((1, 1, 1, 2, 3)), dis, et, sub,
                        a1, assoc, "", a2, "", "", "", "", num, "Western Africa", country, town, "", "", town,
                        "%.4f" % (lat + rng.gauss(0, 0.6)), "%.4f" % (lon + rng.gauss(0, 0.6)),
                        rng.choice((1, 1, 2, 3)), "Synthetic", "National", "Synthetic row.", fat, "", "1700000000"])


if __name__ == "__main__":
    main()
