#!/usr/bin/env python3
"""HISTORICAL: built the first data/events.csv and data/places.csv from the researched reference files
in ../shared/reference. Every interpretation it made is listed in data/README.md.

Since issue 14 the dataset is edited directly (data/events.csv, data/places.csv) and every change is
recorded in data/CHANGES.md; rerunning this script would drop those changes (the url column, the
corrected dates, the added rows). It therefore writes to a folder given with --out (default: refuse)
so that its output can be compared with the reference, e.g.:

    python3 tools/make_events_dataset.py --out /tmp/from-reference
"""
import argparse, csv, io, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.environ.get("EVENTMAP_REFERENCE", os.path.join(HERE, "..", "..", "shared", "reference"))
_ap = argparse.ArgumentParser(description="historical: regenerate the first dataset from the reference")
_ap.add_argument("--out", help="folder to write events.csv and places.csv to (never data/ by default)")
_args = _ap.parse_args()
if not _args.out:
    sys.exit("make_events_dataset.py is historical: data/events.csv is now edited directly (see data/CHANGES.md). "
             "Give --out DIR to write the reference transformation elsewhere.")
OUT = _args.out
os.makedirs(OUT, exist_ok=True)

def read(name):
    with open(os.path.join(REF, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

meetings = read("meetings.csv")
deploys = read("deployments.csv")
places = read("places.csv")
assert len(meetings) == 63 and len(deploys) == 38 and len(places) == 30

ISO = {"Russia": "RUS", "Mali": "MLI", "Burkina Faso": "BFA", "Niger": "NER", "Chad": "TCD",
       "Central African Republic": "CAF", "Guinea": "GIN", "Sudan": "SDN", "Libya": "LBY",
       "Equatorial Guinea": "GNQ", "Togo": "TGO", "France": "FRA", "USA": "USA"}
CAPITALS = {"Moscow", "Bamako", "Ouagadougou", "Niamey", "N'Djamena", "Bangui", "Conakry",
            "Khartoum", "Tripoli", "Malabo", "Lomé", "Paris", "Washington"}

# ---------------------------------------------------------------- places
place_rows = []
for p in places:
    place_rows.append({"place": p["place"], "country": p["country"], "iso_a3": ISO[p["country"]],
                       "lat": p["lat"], "lon": p["lon"],
                       "is_capital": "yes" if p["place"] in CAPITALS else "no",
                       "note": p["note"], "confidence": p["confidence"]})
ADDED = []  # (place,country,lat,lon,note,confidence) -- none needed, see data/README.md
for a in ADDED:
    place_rows.append(dict(zip(["place", "country", "lat", "lon", "note", "confidence"], a),
                           iso_a3=ISO[a[1]], is_capital="yes" if a[0] in CAPITALS else "no"))
place_country = {p["place"]: p["iso_a3"] for p in place_rows}

# ---------------------------------------------------------------- meetings
WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
M_END = {  # date_note names a span that the row covers (attendance of a multi-day event)
    "M02": "2019-10-24", "M05": "2019-10-24",
    "M10": "2023-07-28", "M12": "2023-07-28", "M13": "2023-07-28",
    "M53": "2025-04-04", "M54": "2025-04-04", "M55": "2025-04-04",
}
# The reference dates these two by the Russian MoD's announcement (14 Aug) and says the meeting day is not
# stated: the meetings took place at the forum, 12-14 Aug. They are given the forum's span, so that the data
# does not claim a day the sources do not give (and a map of 13 Aug shows them, as it shows Mali's and CAR's).
M_SPAN = {"M45": ("2024-08-12", "2024-08-14"), "M46": ("2024-08-12", "2024-08-14")}
M_ACTOR = {"M18": "AES", "M19": "AES", "M41": "AES", "M42": "AES"}
M_COUNTRY = {"M20": "NER"}
M_EXTRA = {
    "M18": "Intra-AES event (no outside party): actor AES; Burkina Faso endpoint (host Mali).",
    "M19": "Intra-AES event (no outside party): actor AES; host Mali.",
    "M41": "Intra-AES event (no outside party): actor AES; Mali endpoint (host Niger).",
    "M42": "Intra-AES event (no outside party): actor AES; host Niger.",
    "M20": "The African party is Niger (its defence minister); the meeting was held in Bamako, so the link is drawn Moscow -> Bamako and country is NER.",
    "M46": "Niger was represented by Col. Hamadou Djibo Bartie, director of external relations and military cooperation at Niger's defence ministry, not by the defence minister (Gen. Salifou Mody). Dated by the Russian MoD announcement of 14 Aug; the meeting day is not stated, so the row spans the forum, 12-14 Aug 2024 (reference date 2024-08-14).",
    "M45": "Dated by the Russian MoD announcement of 14 Aug; the meeting day is not stated, so the row spans the forum, 12-14 Aug 2024 (reference date 2024-08-14).",
    "M09": "Place not stated in the source; drawn to Moscow.",
    "M57": "Place not stated in the source; drawn to Moscow.",
}

def sentence(s):
    s = s.strip()
    return s if s.endswith(".") else s + "."

events = []
for m in meetings:
    i = m["id"]
    call = m["host_city"] == "phone call"
    a, b = m["endpoint_a"], m["endpoint_b"]
    assert a in place_country and b in place_country, i
    # direction check: endpoint_b is where it happened (or Moscow for calls / unknown venue)
    assert call or m["host_city"].startswith(b) or m["host_city"].startswith("unknown"), i
    if i in M_COUNTRY:
        country = M_COUNTRY[i]
    else:
        afr = [x for x in (a, b) if place_country[x] != "RUS"]
        country = place_country[afr[0]]
    desc = [sentence(m["description"])]
    if not call and m["host_city"] != b:
        desc.append("Venue: %s." % m["host_city"])
    if i in M_EXTRA:
        desc.append(M_EXTRA[i])
    dn = m["date_note"].strip()
    if dn and dn not in WEEKDAYS:
        desc.append("Date note: %s." % dn)
    events.append({
        "id": i, "date": M_SPAN[i][0] if i in M_SPAN else m["date"],
        "end_date": M_SPAN[i][1] if i in M_SPAN else M_END.get(i, ""),
        "kind": "call" if call else "meeting",
        "actor": M_ACTOR.get(i, "Russia"), "country": country,
        "from": a, "to": b, "size": "", "participants": m["participants"],
        "description": " ".join(desc), "source": m["source"], "confidence": m["confidence"],
    })

# ---------------------------------------------------------------- deployments
# id -> list of (suffix, overrides).  Fields not given: kind from reference (space -> _),
# country via ISO, size/source/confidence as found, description = reference description.
SPLIT = "split by eventmap (see data/README.md)"
D = {
 "D01": [("", dict(actor="France (Operation Serval)", frm="Paris", to="Bamako"))],
 "D02": [("", dict(actor="EU (EUTM Mali)", to="Koulikoro"))],
 "D03": [("", dict(actor="UN (MINUSMA)", to="Bamako"))],
 "D04": [
   ("a", dict(country="MLI", to="Gao", actor="France (Operation Barkhane)",
              pre="Handover: France (Operation Serval) -> France (Operation Barkhane).",
              post="Reference row names 'Mali, Niger, Chad, Burkina Faso (Sahel)'; split into D04a-D04d (Mali, Niger, Chad, Burkina Faso); the size is the whole operation's, repeated on each row.",
              conf_add="country " + SPLIT)),
   ("b", dict(country="NER", to="Niamey", actor="France (Operation Barkhane)",
              pre="Handover: France -> France (Operation Barkhane).",
              post="Niger part of the 2014 handover: French forces already in Niger (air detachment at Niamey) come under Barkhane. Reference row names 'Mali, Niger, Chad, Burkina Faso (Sahel)'; split into D04a-D04d; the size is the whole operation's.",
              conf_add="country " + SPLIT + "; predecessor named by eventmap")),
   ("c", dict(country="TCD", to="N'Djamena", actor="France (Operation Barkhane)",
              pre="Handover: France -> France (Operation Barkhane).",
              post="Chad part of the 2014 handover: Barkhane, headquartered in N'Djamena, takes over from the French forces already in Chad (Operation Épervier, since 1986; well-known, not in the reference row). Reference row names 'Mali, Niger, Chad, Burkina Faso (Sahel)'; split into D04a-D04d; the size is the whole operation's.",
              conf_add="country " + SPLIT + "; predecessor named by eventmap (well-known)")),
   ("d", dict(country="BFA", to="Ouagadougou", actor="France (Operation Barkhane)",
              pre="Handover: France (Task Force Sabre) -> France (Operation Barkhane).",
              post="Burkina Faso part of the 2014 handover: the French special forces at Ouagadougou (Task Force Sabre, camp at Kamboinsin) work within the Barkhane set-up and keep their name (see D15c, D16). Reference row names 'Mali, Niger, Chad, Burkina Faso (Sahel)'; split into D04a-D04d; the size is the whole operation's.",
              conf_add="country " + SPLIT + "; predecessor named by eventmap")),
 ],
 "D05": [("", dict(actor="Russia (instructors)", frm="Moscow", to="Bangui",
                   post="Reference actor: 'Russia (instructors; widely linked to Wagner)'."))],
 "D06": [("", dict(actor="Russia (instructors)", to="Bangui"))],
 "D07": [("", dict(actor="Russia (instructors)", to="Bangui"))],
 "D08": [("", dict(actor="Russia (instructors)", to="Bangui",
                   post="No base given in the reference; drawn at Bangui."))],
 "D09": [("", dict(kind="size_change", actor="France (Operation Barkhane)", to="Kidal",
                   post="A base closure, not the end of French presence in Mali (that is D14): kind size_change, reference kind departure."))],
 "D10": [("", dict(kind="size_change", end="2021-11-15", actor="France (Operation Barkhane)", to="Tessalit",
                   post="FAMa = Malian armed forces. Base handed to the host army while France stays in Mali: kind size_change, reference kind handover."))],
 "D11": [("", dict(kind="size_change", actor="France (Operation Barkhane)", to="Timbuktu",
                   post="Base handed to the host army while France stays in Mali: kind size_change, reference kind handover."))],
 "D12": [("", dict(end="2022-01", actor="Russia (Wagner)", frm="Moscow", to="Bamako",
                   post="Reference actor: 'Russia (Wagner Group)'."))],
 "D13": [("", dict(actor="Russia (Wagner)", to="Timbuktu",
                   post="The Malian army called them 'Russian instructors' (reference actor: \"Russia ('Russian instructors')\"); filed under Russia (Wagner) because D12 places the Wagner deployment of the same weeks in Timbuktu."))],
 "D14": [("", dict(actor="France (Operation Barkhane)", to="Gao"))],
 "D15": [
   ("a", dict(kind="handover", country="NER", to="Niamey",
              actor="France",
              pre="Handover: France (Operation Barkhane) -> France.",
              post="Reference row: country 'Sahel', kind departure; split into D15a-D15c; the size is the whole operation's. Barkhane ended as an operation but French forces stayed in Niger (withdrawal Oct-Dec 2023, D17-D23), so for Niger this is a change of name, not a departure.",
              conf_add="region 'Sahel' " + SPLIT)),
   ("b", dict(kind="handover", country="TCD", to="N'Djamena",
              actor="France",
              pre="Handover: France (Operation Barkhane) -> France.",
              post="Reference row: country 'Sahel', kind departure; split into D15a-D15c; the size is the whole operation's. Barkhane ended as an operation but French forces stayed in Chad (until 2025-01-30, D34-D37), so for Chad this is a change of name, not a departure.",
              conf_add="region 'Sahel' " + SPLIT)),
   ("c", dict(kind="handover", country="BFA", to="Ouagadougou",
              actor="France (Task Force Sabre)",
              pre="Handover: France (Operation Barkhane) -> France (Task Force Sabre).",
              post="Reference row: country 'Sahel', kind departure; split into D15a-D15c; the size is the whole operation's. French special forces (Task Force Sabre) stayed in Burkina Faso until 2023-02-18 (D16). Mali has no row: France had left Mali on 2022-08-15 (D14).",
              conf_add="region 'Sahel' " + SPLIT)),
 ],
 "D16": [("", dict(actor="France (Task Force Sabre)", to="Kamboinsin"))],
 "D17": [("", dict(kind="size_change", actor="France", to="Niamey",
                   post="Start of the withdrawal; French presence in Niger ends with D23: kind size_change, reference kind departure."))],
 "D18": [("", dict(kind="size_change", actor="France", to="Ouallam",
                   post="Base handed to the host army while France stays in Niger until D23: kind size_change, reference kind handover."))],
 "D19": [("", dict(kind="size_change", actor="UN (MINUSMA)", to="Kidal",
                   post="A base closure; MINUSMA stays in Mali until D24: kind size_change, reference kind departure."))],
 "D20": [("", dict(actor="Russia (Wagner)", to="Kidal",
                   post="Reference actor: 'Russia (Wagner) with FAMa' (Malian armed forces)."))],
 "D21": [("", dict(actor="Russia (instructors)", frm="Moscow", to="Ouagadougou"))],
 "D22": [("", dict(actor="Germany (Bundeswehr)", to="Gao",
                   post="German contingent of MINUSMA (reference actor: 'Germany (Bundeswehr, MINUSMA)')."))],
 "D23": [("", dict(actor="France", to="Niamey"))],
 "D24": [("", dict(actor="UN (MINUSMA)", to="Bamako"))],
 "D25": [("", dict(actor="Russia (Africa Corps)", frm="Moscow", to="Ouagadougou"))],
 "D26": [("", dict(actor="Russia (Africa Corps)", frm="Moscow", to="Niamey",
                   post="Reference actor: 'Russia (Africa Corps / MoD instructors)'."))],
 "D27": [("", dict(kind="size_change", actor="USA", to="N'Djamena",
                   post="US Special Forces (reference actor 'USA (Special Forces)'); about 75 of about 100 leave, so US presence in Chad continues: kind size_change, reference kind departure."))],
 "D28": [("", dict(actor="Russia", to="Niamey"))],
 "D29": [("", dict(actor="EU (EUTM Mali)", to="Koulikoro"))],
 "D30": [("", dict(kind="size_change", actor="USA", to="Niamey",
                   post="US forces remain at Agadez Air Base 201 until D31: kind size_change, reference kind departure."))],
 "D31": [("", dict(actor="USA", to="Agadez",
                   post="Air Base 201 was the last US base in Niger (Air Base 101 was left on 2024-07-07, D30), so this row ends US military presence in Niger; 15 Sep 2024 was the agreed deadline for the full exit."))],
 "D32": [("", dict(actor="Germany (Bundeswehr)", to="Niamey"))],
 "D33": [("", dict(end="2024-11", actor="Russia (Africa Corps)", frm="Moscow", to="Malabo",
                   post="Reference actor: 'Russia (Africa Corps, per Reuters sources)'."))],
 "D34": [("", dict(actor="France", to="N'Djamena"))],
 "D35": [("", dict(kind="size_change", actor="France", to="Faya-Largeau",
                   post="Base handed to the host army while France stays in Chad until D37: kind size_change, reference kind handover."))],
 "D36": [("", dict(kind="size_change", actor="France", to="Abéché",
                   post="Base handed to the host army while France stays in Chad until D37: kind size_change, reference kind handover."))],
 "D37": [("", dict(actor="France", to="N'Djamena"))],
 "D38": [("", dict(actor="Russia (Africa Corps)", to="Bamako",
                   pre="Handover: Russia (Wagner) -> Russia (Africa Corps).",
                   post="No base given in the reference; drawn at Bamako."))],
}
assert sorted(D) == [d["id"] for d in deploys]

for d in deploys:
    for suffix, o in D[d["id"]]:
        kind = o.get("kind", d["kind"].replace(" ", "_"))
        country = o.get("country") or ISO[d["country"]]
        to = o["to"]
        desc = []
        if "pre" in o:
            desc.append(o["pre"])
        desc.append(sentence(d["description"]))
        if d["base_or_city"] and d["base_or_city"] != to:
            desc.append(sentence("Places: %s" % d["base_or_city"]))
        if "post" in o:
            desc.append(o["post"])
        dn = d["date_note"].strip()
        if dn and dn not in WEEKDAYS:
            desc.append("Date note: %s." % dn)
        conf = d["confidence"]
        if "conf_add" in o:
            conf = conf + "; " + o["conf_add"]
        events.append({
            "id": d["id"] + suffix, "date": d["date"], "end_date": o.get("end", ""),
            "kind": kind, "actor": o["actor"], "country": country,
            "from": o.get("frm", ""), "to": to, "size": d["size"], "participants": "",
            "description": " ".join(desc), "source": d["source"], "confidence": conf,
        })

EV_COLS = ["id", "date", "end_date", "kind", "actor", "country", "from", "to", "size",
           "participants", "description", "source", "confidence"]
PL_COLS = ["place", "country", "iso_a3", "lat", "lon", "is_capital", "note", "confidence"]

def write(path, cols, rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writeheader()
    for r in rows:
        w.writerow(r)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())

write(os.path.join(OUT, "places.csv"), PL_COLS, place_rows)
write(os.path.join(OUT, "events.csv"), EV_COLS, events)
print(len(place_rows), "places;", len(events), "events")
