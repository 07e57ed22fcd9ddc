#!/usr/bin/env python3
"""Check eventmap's default dataset: data/events.csv, data/places.csv and data/CHANGES.md.

Standard library only.  Usage:

    python3 tools/check_events_dataset.py [--data DIR] [--reference DIR] [--quiet]

--data       folder holding events.csv, places.csv and CHANGES.md (default: <repo>/data)
--reference  folder holding the researched reference files meetings.csv and
             deployments.csv (default: <repo>/../shared/reference if it exists).
             Optional: without it the 101 reference ids are checked from the
             built-in list and the source/confidence comparison is skipped.

Rules of the default dataset beyond the schema (docs/data-format.md, "The default dataset"):
- every row has a `url`: http(s), well-formed (the same rule as the app's loader);
- no event is recorded twice under two ids (same kind, actor, country, from, to and days);
- a row whose every source is Russian state or official media says `single-party source`
  in its confidence (the map then draws it as uncertain);
- every `announcement` of an end of presence is followed by a departure or handover of that
  party in that country; the presence intervals the sources close are closed on the right day;
- a row added after the reference, or a reference row whose date differs from the reference,
  is listed in data/CHANGES.md.

Exit status 0 when every check passes, 1 otherwise.  The schema is described in
docs/data-format.md.
"""
import argparse
import calendar
import csv
import datetime as dt
import os
import re
import sys

EVENT_COLUMNS = ["id", "date", "end_date", "kind", "actor", "country", "from", "to", "size",
                 "participants", "description", "source", "confidence", "url"]
PLACE_COLUMNS = ["place", "country", "iso_a3", "lat", "lon", "is_capital", "note", "confidence"]
KINDS = {"meeting", "call", "arrival", "departure", "handover", "size_change", "announcement", "incident"}
TROOP_KINDS = {"arrival", "departure", "handover", "size_change", "announcement"}
ACTORS = {  # keep in step with docs/data-format.md, "Actor vocabulary"
    "Russia", "Russia (instructors)", "Russia (Wagner)", "Russia (Africa Corps)",
    "France", "France (Operation Serval)", "France (Operation Barkhane)",
    "France (Task Force Sabre)",
    "USA", "UN (MINUSMA)", "EU (EUTM Mali)", "Germany (Bundeswehr)", "AES",
}
REFERENCE_IDS = ["M%02d" % i for i in range(1, 64)] + ["D%02d" % i for i in range(1, 39)]
# Reference ids (M01..M63, D01..D38, optional a-z suffix when a reference row became several) and
# the rows added after the reference (M64.., D39..), which data/CHANGES.md must list.
ID_RE = re.compile(r"^([MD]\d{2,3})([a-z]?)$")
DATE_RES = [(re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "day"),
            (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
            (re.compile(r"^(\d{4})$"), "year")]
LATLON_RE = re.compile(r"^(-?\d{1,3}(?:\.\d+)?);(-?\d{1,3}(?:\.\d+)?)$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
HANDOVER_RE = re.compile(r"^Handover: (.+?) -> (.+?)\. ")
# A well-formed web address, as the app's loader checks it (src/events/event_loader.cpp,
# web_address_problem): http or https, a dotted host of letters, digits and '-', an optional
# port, then no spaces, control characters or " < > \\ `.
URL_RE = re.compile(r"^https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::[0-9]+)?(?:[/?#][^\s\x00-\x20\x7f\"<>\\\\`]*)?$")
# Russian state media and official outlets, as data/README.md names them ("Sources"), plus
# outlets that only relay them. A source item matching one of these is not independent.
RUSSIAN_STATE_RE = re.compile(
    r"\b(TASS|RIA Novosti|RIA\b|Sputnik|RT\b|RT France|kremlin\.ru|Kremlin transcript|Russian MFA|"
    r"Russian MoD|Russian Defence Ministry|Russian embassy|news-pravda|African Initiative|afrinz\.ru|"
    r"russia-islworld|ria24\.today|cmio\.org|OUIS)", re.I)
SINGLE_PARTY = "single-party source"
# Presence intervals that the sources close (party, country) -> last day, with the row that closes it.
CLOSED_BY_SOURCES = [
    ("France", "MLI", "2022-08-15", "D14"), ("France", "BFA", "2023-02-18", "D16"),
    ("France", "NER", "2023-12-22", "D23"), ("France", "TCD", "2025-01-30", "D37"),
    ("France", "SEN", "2025-07-17", "D40"), ("UN", "MLI", "2023-12-31", "D24"),
    ("EU", "MLI", "2024-05-18", "D29"), ("Germany", "MLI", "2023-12-12", "D22"),
    ("Germany", "NER", "2024-08-30", "D32"), ("USA", "NER", "2024-08-05", "D31"),
]
# Actors closed by a handover to a successor, with the successor's first day.
HANDED_OVER = [
    ("Russia (Wagner)", "MLI", "2025-06-05", "D38"), ("Russia (Wagner)", "LBY", "2023-11-30", "D43"),
]


class Report:
    def __init__(self, quiet):
        self.errors = []
        self.quiet = quiet

    def err(self, msg):
        self.errors.append(msg)

    def info(self, msg):
        if not self.quiet:
            print(msg)


def date_interval(text):
    """'2023-06' -> (2023-06-01, 2023-06-30); None when malformed or not a real date."""
    for rx, prec in DATE_RES:
        m = rx.match(text)
        if not m:
            continue
        try:
            y = int(m.group(1))
            if prec == "year":
                return dt.date(y, 1, 1), dt.date(y, 12, 31)
            mo = int(m.group(2))
            if prec == "month":
                return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
            d = dt.date(y, mo, int(m.group(3)))
            return d, d
        except ValueError:
            return None
    return None


def read_csv(path, columns, rep):
    name = os.path.basename(path)
    try:
        raw = open(path, "rb").read()
    except OSError as e:
        rep.err("%s: cannot read (%s)" % (name, e))
        return []
    if raw.startswith(b"\xef\xbb\xbf"):
        rep.err("%s: starts with a UTF-8 BOM" % name)
    if b"\r" in raw:
        rep.err("%s: contains CR characters (line ends must be LF)" % name)
    if raw and not raw.endswith(b"\n"):
        rep.err("%s: last line does not end with LF" % name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        rep.err("%s: not UTF-8 (%s)" % (name, e))
        return []
    rows = list(csv.reader(text.splitlines(keepends=True), strict=True))
    if not rows or rows[0] != columns:
        rep.err("%s: header is %r, expected %r" % (name, rows[0] if rows else None, columns))
        return []
    out = []
    for n, r in enumerate(rows[1:], start=2):
        if len(r) != len(columns):
            rep.err("%s line %d: %d fields, expected %d" % (name, n, len(r), len(columns)))
            continue
        out.append(dict(zip(columns, r)))
    return out


def check_places(rows, rep):
    names = {}
    capitals = {}
    for p in rows:
        name = p["place"]
        where = "places.csv %r" % name
        if not name.strip() or name != name.strip():
            rep.err("%s: empty name or surrounding spaces" % where)
        if ";" in name:
            rep.err("%s: ';' not allowed in a place name" % where)
        if name in names:
            rep.err("%s: duplicate place" % where)
        try:
            lat, lon = float(p["lat"]), float(p["lon"])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                rep.err("%s: lat/lon out of range" % where)
        except ValueError:
            rep.err("%s: lat/lon not numbers (%r, %r)" % (where, p["lat"], p["lon"]))
        if not ISO3_RE.match(p["iso_a3"]):
            rep.err("%s: iso_a3 %r is not 3 uppercase letters" % (where, p["iso_a3"]))
        if p["is_capital"] not in ("yes", "no"):
            rep.err("%s: is_capital must be yes or no, got %r" % (where, p["is_capital"]))
        elif p["is_capital"] == "yes":
            if p["iso_a3"] in capitals:
                rep.err("%s: second capital for %s (%s)" % (where, p["iso_a3"], capitals[p["iso_a3"]]))
            capitals[p["iso_a3"]] = name
        if not p["country"].strip():
            rep.err("%s: empty country" % where)
        if not p["confidence"].strip():
            rep.err("%s: empty confidence" % where)
        names[name] = p
    return names


def check_endpoint(value, places, where, rep, required):
    if value == "":
        if required:
            rep.err("%s: empty (a row must say where it is drawn)" % where)
        return
    if value in places:
        return
    m = LATLON_RE.match(value)
    if m:
        lat, lon = float(m.group(1)), float(m.group(2))
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return
        rep.err("%s: %r lat;lon out of range" % (where, value))
        return
    rep.err("%s: %r is neither a place in places.csv nor 'lat;lon'" % (where, value))


def check_events(rows, places, rep):
    seen = set()
    for e in rows:
        i = e["id"]
        where = "events.csv %s" % (i or "<no id>")
        if not ID_RE.match(i):
            rep.err("%s: id must be M or D and two or three digits, with an optional a-z suffix" % where)
        if i in seen:
            rep.err("%s: duplicate id" % where)
        seen.add(i)
        start = date_interval(e["date"])
        if start is None:
            rep.err("%s: date %r is not YYYY-MM-DD, YYYY-MM or YYYY, or not a real date" % (where, e["date"]))
        if e["end_date"]:
            end = date_interval(e["end_date"])
            if end is None:
                rep.err("%s: end_date %r is not YYYY-MM-DD, YYYY-MM or YYYY, or not a real date" % (where, e["end_date"]))
            elif start is not None and end[1] < start[0]:
                rep.err("%s: end_date %s before date %s" % (where, e["end_date"], e["date"]))
            elif start is not None and end[1] <= start[1]:
                rep.err("%s: end_date %s does not extend date %s (leave it empty)" % (where, e["end_date"], e["date"]))
        if e["kind"] not in KINDS:
            rep.err("%s: kind %r not in %s" % (where, e["kind"], sorted(KINDS)))
        if e["actor"] not in ACTORS:
            rep.err("%s: actor %r not in the vocabulary" % (where, e["actor"]))
        if not ISO3_RE.match(e["country"]):
            rep.err("%s: country %r is not 3 uppercase letters" % (where, e["country"]))
        check_endpoint(e["from"], places, where + " from", rep, required=False)
        check_endpoint(e["to"], places, where + " to", rep, required=True)
        if e["kind"] in ("meeting", "call") and not e["from"]:
            rep.err("%s: a meeting/call needs both from and to" % where)
        if e["kind"] == "handover":
            m = HANDOVER_RE.match(e["description"])
            if not m:
                rep.err("%s: handover description must start 'Handover: <predecessor> -> <actor>. '" % where)
            else:
                if m.group(1) not in ACTORS:
                    rep.err("%s: handover predecessor %r not in the vocabulary" % (where, m.group(1)))
                if m.group(2) != e["actor"]:
                    rep.err("%s: handover successor %r differs from actor %r" % (where, m.group(2), e["actor"]))
                if m.group(1) == e["actor"]:
                    rep.err("%s: handover predecessor equals actor" % where)
        for col in ("description", "source", "confidence"):
            if not e[col].strip():
                rep.err("%s: empty %s" % (where, col))
        if not e["url"]:
            rep.err("%s: no url (every row of the default dataset links to the page it rests on)" % where)
        elif not URL_RE.match(e["url"]):
            rep.err("%s: url %r is not a well-formed http(s) address" % (where, e["url"]))
        items = [x for x in e["source"].split("; ") if x.strip()]
        if items and all(RUSSIAN_STATE_RE.search(x) for x in items) and SINGLE_PARTY not in e["confidence"]:
            rep.err("%s: every source is Russian state or official media; add an independent source or say "
                    "'%s' in the confidence" % (where, SINGLE_PARTY))
        for col in EVENT_COLUMNS:
            if e[col] != e[col].strip():
                rep.err("%s: %s has leading/trailing spaces" % (where, col))
    # the same event under two ids
    same = {}
    for e in rows:
        iv = date_interval(e["date"])
        if iv and e["end_date"] and date_interval(e["end_date"]):
            iv = (iv[0], date_interval(e["end_date"])[1])
        key = (e["kind"], e["actor"], e["country"], e["from"], e["to"], iv)
        if iv and key in same:
            rep.err("events.csv %s: same event as %s (kind, actor, country, from, to and days)" % (e["id"], same[key]))
        same.setdefault(key, e["id"])
    # every reference id present, as itself or split with suffixes (not both)
    by_ref = {}
    for i in seen:
        m = ID_RE.match(i)
        if m:
            by_ref.setdefault(m.group(1), []).append(i)
    for ref in REFERENCE_IDS:
        got = sorted(by_ref.get(ref, []))
        if not got:
            rep.err("reference id %s missing from events.csv" % ref)
        elif ref in got and len(got) > 1:
            rep.err("reference id %s present both whole and split: %s" % (ref, got))
    for ref, ids in by_ref.items():
        if ref not in REFERENCE_IDS:
            n = int(ref[1:])
            if n <= (63 if ref[0] == "M" else 38) or ids != [ref]:
                rep.err("id %s is neither a reference id nor an added row (M64.., D39.., no suffix)" % ",".join(ids))
    return by_ref


def read_changes(path, rep):
    """data/CHANGES.md tables: rows '| row | field | old | new | source |' -> list of tuples."""
    try:
        text = open(path, encoding="utf-8").read()
    except OSError as e:
        rep.err("CHANGES.md: cannot read (%s)" % e)
        return []
    out = []
    for line in text.splitlines():
        if not line.startswith("| ") or line.startswith("| row ") or line.startswith("|---"):
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if len(cells) == 5:
            out.append(tuple(cells))
    return out


def check_changes(rows, by_ref, changes, rep):
    """Rows added after the reference must be in CHANGES.md, with their link."""
    added = {c[0] for c in changes if c[1] == "(new row)"}
    for ref, ids in by_ref.items():
        if ref not in REFERENCE_IDS and ref not in added:
            rep.err("events.csv %s: added row not listed in data/CHANGES.md" % ref)
    urls = {e["id"]: e["url"] for e in rows}
    for c in changes:
        if c[0] in urls and urls[c[0]] and c[1] == "(new row)" and urls[c[0]] not in c[4]:
            rep.err("CHANGES.md %s: the source column does not give the row's url" % c[0])
    rep.info("CHANGES.md: %d entries, %d added rows" % (len(changes), len(added)))


def check_against_reference(rows, refdir, rep, changes=()):
    ref = {}
    for name in ("meetings.csv", "deployments.csv"):
        with open(os.path.join(refdir, name), newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                ref[r["id"]] = r
    if sorted(ref) != sorted(REFERENCE_IDS):
        rep.err("reference folder ids differ from the built-in list of 101 ids")
    for e in rows:
        m = ID_RE.match(e["id"])
        if not m or m.group(1) not in ref:
            continue
        r = ref[m.group(1)]
        where = "events.csv %s" % e["id"]
        if e["source"] != r["source"] and not e["source"].startswith(r["source"] + "; "):
            rep.err("%s: source does not keep the reference text (sources may only be added after it)" % where)
        if not e["confidence"].startswith(r["confidence"]):
            rep.err("%s: confidence %r does not keep the reference text %r" % (where, e["confidence"], r["confidence"]))
        # M45/M46: the reference dates them by an announcement and says the meeting day is not stated;
        # the dataset spans the forum instead (data/README.md). The reference date must end the span.
        if e["id"] in ("M45", "M46") and e["end_date"] == r["date"]:
            pass
        elif e["date"] != r["date"] and (e["id"], "date", r["date"], e["date"]) not in {c[:4] for c in changes}:
            rep.err("%s: date %s differs from the reference %s and data/CHANGES.md has no correction "
                    "'| %s | date | %s | %s | ... |'" % (where, e["date"], r["date"], e["id"], r["date"], e["date"]))
        if "participants" in r and e["participants"] != r["participants"]:
            rep.err("%s: participants differ from the reference" % where)
        if "size" in r and e["size"] != r["size"]:
            rep.err("%s: size differs from the reference" % where)
    rep.info("reference comparison: %d reference rows; source and confidence keep the reference text; "
             "dates, sizes and participants kept or corrected in data/CHANGES.md" % len(ref))


# ----------------------------------------------------------------- presence
def party(actor):
    return actor.split(" (", 1)[0]


def compute_presence(rows):
    """Presence intervals per (actor, country), following docs/data-format.md.

    Returns {(actor, country): [[start, end], ...]} with inclusive dates; start None
    means 'before the data begins', end None means 'still present at the end of the data'.
    """
    troop = [e for e in rows if e["kind"] in TROOP_KINDS and date_interval(e["date"])]
    troop.sort(key=lambda e: (date_interval(e["date"])[0], e["id"]))
    pres = {}

    def is_open(key):
        return bool(pres.get(key)) and pres[key][-1][1] is None

    def open_at(key, day):
        if not is_open(key):
            pres.setdefault(key, []).append([day, None])

    def close_at(key, day):
        if is_open(key):
            pres[key][-1][1] = day
        else:  # ends with no recorded start: present since before the data
            pres.setdefault(key, []).append([None, day])

    for e in troop:
        first, last = date_interval(e["date"])
        if e["end_date"]:
            last = date_interval(e["end_date"])[1]
        key = (e["actor"], e["country"])
        k = e["kind"]
        if k == "arrival":
            open_at(key, first)
        elif k == "size_change":
            if not is_open(key):
                pres.setdefault(key, []).append([None, None])
        elif k == "departure":
            close_at(key, last)
        elif k == "handover":
            m = HANDOVER_RE.match(e["description"])
            if m:
                close_at((m.group(1), e["country"]), first - dt.timedelta(days=1))
            open_at(key, first)
        # announcement: no change
    return pres


def party_presence(pres, who, country):
    """Union of the intervals of every actor of party `who` in `country`."""
    ivs = []
    for (actor, c), lst in pres.items():
        if c == country and party(actor) == who:
            ivs += [list(x) for x in lst]
    lo, hi = dt.date.min, dt.date.max
    spans = sorted([s or lo, t or hi] for s, t in ivs)
    merged = []
    for s, t in spans:
        if merged and (merged[-1][1] == hi or s <= merged[-1][1] + dt.timedelta(days=1)):
            merged[-1][1] = max(merged[-1][1], t)
        else:
            merged.append([s, t])
    merged = [[None if s == lo else s, None if t == hi else t] for s, t in merged]
    return merged


def fmt(iv):
    s, t = iv
    return "%s..%s" % (s or "(before data)", t or "(still present)")


def check_presence(rows, rep):
    pres = compute_presence(rows)
    rep.info("presence per actor and country (inclusive days):")
    for key in sorted(pres):
        rep.info("  %-28s %s  %s" % (key[0], key[1], ", ".join(fmt(iv) for iv in pres[key])))

    def expect(label, got, want):
        if got == want:
            rep.info("  ok: %s: %s" % (label, ", ".join(fmt(iv) for iv in got)))
        else:
            rep.err("presence: %s is %s, expected %s" % (
                label, [fmt(iv) for iv in got], [fmt(iv) for iv in want]))

    d = dt.date
    rep.info("presence expectations:")
    expect("France (party) in MLI", party_presence(pres, "France", "MLI"),
           [[d(2013, 1, 11), d(2022, 8, 15)]])
    expect("Russia (Africa Corps) in BFA", pres.get(("Russia (Africa Corps)", "BFA"), []),
           [[d(2024, 1, 24), None]])
    us_ner = party_presence(pres, "USA", "NER")
    if any(t is None or t > d(2024, 8, 5) for _, t in us_ner):
        rep.err("presence: USA in NER after 2024-08-05: %s" % [fmt(iv) for iv in us_ner])
    else:
        rep.info("  ok: USA (party) in NER ends by 2024-08-05: %s" % ", ".join(fmt(iv) for iv in us_ner))
    for who, country, last, row in CLOSED_BY_SOURCES:
        got = party_presence(pres, who, country)
        want_end = dt.date.fromisoformat(last)
        if not got or got[-1][1] != want_end:
            rep.err("presence: %s in %s should end on %s (%s), got %s" % (who, country, last, row, [fmt(iv) for iv in got]))
    for actor, country, last, row in HANDED_OVER:
        got = pres.get((actor, country), [])
        if not got or got[-1][1] != dt.date.fromisoformat(last):
            rep.err("presence: %s in %s should end on %s (handover %s), got %s" % (actor, country, last, row, [fmt(iv) for iv in got]))
    rep.info("  ok: %d presences closed where the sources close them" % (len(CLOSED_BY_SOURCES) + len(HANDED_OVER)))
    # an announced end of presence is followed by the end (departure, or handover to another actor)
    for e in rows:
        if e["kind"] != "announcement" or not date_interval(e["date"]):
            continue
        day = date_interval(e["date"])[0]
        ends = [x for x in rows if x["kind"] in ("departure", "handover") and x["country"] == e["country"]
                and party(x["actor"] if x["kind"] == "departure" else (HANDOVER_RE.match(x["description"]) or [None, ""])[1]) == party(e["actor"])
                and date_interval(x["date"]) and date_interval(x["date"])[0] >= day]
        if not ends and "No departure follows" not in e["description"]:
            rep.err("events.csv %s: announcement with no later departure or handover of %s in %s "
                    "(say 'No departure follows' in the description if the sources show none)" % (e["id"], party(e["actor"]), e["country"]))
    ru_bfa = party_presence(pres, "Russia", "BFA")
    rep.info("  note: Russia (party) in BFA: %s (starts with D21, 'uncertain', month precision)"
             % ", ".join(fmt(iv) for iv in ru_bfa))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=os.path.join(repo, "data"))
    ap.add_argument("--reference", default=None)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    rep = Report(a.quiet)
    refdir = a.reference
    if refdir is None:
        cand = os.path.join(repo, "..", "shared", "reference")
        refdir = cand if os.path.isfile(os.path.join(cand, "meetings.csv")) else None

    places_rows = read_csv(os.path.join(a.data, "places.csv"), PLACE_COLUMNS, rep)
    places = check_places(places_rows, rep)
    events = read_csv(os.path.join(a.data, "events.csv"), EVENT_COLUMNS, rep)
    by_ref = check_events(events, places, rep)
    changes = read_changes(os.path.join(a.data, "CHANGES.md"), rep)
    check_changes(events, by_ref, changes, rep)
    if refdir:
        check_against_reference(events, refdir, rep, changes)
    else:
        rep.info("reference folder not found: source/confidence comparison skipped")
    if events:
        check_presence(events, rep)

    kinds, actors = {}, {}
    for e in events:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
        actors[e["actor"]] = actors.get(e["actor"], 0) + 1
    split = sorted(r for r, ids in by_ref.items() if len(ids) > 1 or ids[0] != r)
    rep.info("places.csv: %d places" % len(places_rows))
    n_ref = sum(1 for r in by_ref if r in REFERENCE_IDS)
    rep.info("events.csv: %d rows: %d reference ids (split: %s), %d added rows"
             % (len(events), n_ref, ", ".join("%s->%d" % (r, len(by_ref[r])) for r in split) or "none",
                len(by_ref) - n_ref))
    rep.info("rows per kind: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    rep.info("rows per actor: " + ", ".join("%s %d" % kv for kv in sorted(actors.items())))
    if rep.errors:
        for m in rep.errors:
            print("ERROR: " + m)
        print("FAILED: %d error(s)" % len(rep.errors))
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
