#!/usr/bin/env bash
# Events read from a real PostgreSQL 15 + PostGIS 3 server give exactly what the same rows give from CSV.
#
# Starts its own server in a temporary folder (initdb, pg_ctl; a Unix socket in that folder, no TCP), as an
# unprivileged user when run as root (postgres refuses root: the `postgres` system user, else nobody), loads
# data/events.csv into a table with ogr2ogr, then checks that `eventmap presence`, `check` and `render` give the
# same output for --events "PG:... tables=events" as for --events data/events.csv; that a table without a required
# column and an unreachable server are one line each; and that a table with point geometry loads. The server is
# stopped on every exit path (trap). Exit 77 (skip) only when PostgreSQL or PostGIS is not installed.
#
# usage: postgis_events.sh EVENTMAP_BINARY OUTPUT_DIR SOURCE_DIR
set -euo pipefail
bin=$1 out=$2 src=$3
pgbin=/usr/lib/postgresql/15/bin
if [ ! -x "$pgbin/initdb" ] || [ ! -x "$pgbin/pg_ctl" ]; then
    echo "SKIP: PostgreSQL 15 is not installed (tools/install-deps.sh installs postgresql-15)"; exit 77
fi
if [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    echo "SKIP: PostGIS 3 is not installed (tools/install-deps.sh installs postgresql-15-postgis-3)"; exit 77
fi
command -v ogr2ogr >/dev/null || { echo "SKIP: ogr2ogr (gdal-bin) is not installed"; exit 77; }

mkdir -p "$out"
tmp=$(mktemp -d /tmp/eventmap-postgis.XXXXXX)
chmod 755 "$tmp"
# postgres refuses to run as root: run the server as an unprivileged user.
as_server=()
if [ "$(id -u)" -eq 0 ]; then
    server_user=postgres
    id "$server_user" >/dev/null 2>&1 || server_user=nobody
    as_server=(runuser -u "$server_user" --)
    mkdir "$tmp/data"
    chown "$server_user" "$tmp/data"
    chown "$server_user" "$tmp"
fi
stop_server() {
    if [ -f "$tmp/data/postmaster.pid" ]; then
        "${as_server[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
}
trap stop_server EXIT INT TERM

# Any number works as the port: with listen_addresses='' it only names the socket file inside our own folder.
port=$(( 40000 + RANDOM % 20000 ))
"${as_server[@]}" "$pgbin/initdb" -D "$tmp/data" -U eventmap --auth=trust -E UTF8 --locale=C >"$tmp/initdb.log" 2>&1 ||
    { cat "$tmp/initdb.log"; echo "FAIL: initdb"; exit 1; }
"${as_server[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 30 \
    -o "-c listen_addresses='' -k $tmp -p $port -c fsync=off -c full_page_writes=off" start >/dev/null ||
    { cat "$tmp/server.log"; echo "FAIL: the server did not start"; exit 1; }

psql_do() { psql -X -q -v ON_ERROR_STOP=1 -h "$tmp" -p "$port" -U eventmap "$@"; }
psql_do -d postgres -c "CREATE DATABASE events"
psql_do -d events -c "CREATE EXTENSION postgis"
conn="PG:host=$tmp port=$port dbname=events user=eventmap"

# The default dataset as a plain table (text columns, no geometry: `to`/`from` name places, as in the CSV).
ogr2ogr -f PostgreSQL "$conn" "$src/data/events.csv" -nln events -oo AUTODETECT_TYPE=NO
# A table with point and line geometry (the GeoJSON fixture).
ogr2ogr -f PostgreSQL "$conn" "$src/tests/fixtures/events/features.geojson" -nln features -lco GEOMETRY_NAME=geom
psql_do -d events -c "CREATE TABLE nodate AS SELECT id, kind, actor, country, source, confidence FROM events"

fail=0
check_same() {  # name, csv output file, pg output file
    if cmp -s "$2" "$3"; then echo "ok: $1"; else echo "FAIL: $1 differs"; diff "$2" "$3" | head -20; fail=1; fi
}

# presence: the same intervals on several days.
for day in 2014-06-01 2022-08-16 2024-01-25 2024-08-13; do
    "$bin" presence --date "$day" --events "$src/data/events.csv" >"$out/pg_presence_csv_$day.txt"
    "$bin" presence --date "$day" --events "$conn tables=events" >"$out/pg_presence_pg_$day.txt"
    check_same "presence $day" "$out/pg_presence_csv_$day.txt" "$out/pg_presence_pg_$day.txt"
done
[ -s "$out/pg_presence_pg_2024-08-13.txt" ] && [ "$(wc -l <"$out/pg_presence_pg_2024-08-13.txt")" -gt 3 ] ||
    { echo "FAIL: presence from PostGIS is empty"; fail=1; }

# check: no problems, the same number of events.
"$bin" check "$src/data/events.csv" | tail -1 >"$out/pg_check_csv.txt" || true
"$bin" check "$conn tables=events" | tail -1 >"$out/pg_check_pg.txt" || true
check_same "check summary" "$out/pg_check_csv.txt" "$out/pg_check_pg.txt"
grep -q " 0 errors" "$out/pg_check_pg.txt" || { echo "FAIL: check of the PostGIS table has errors"; fail=1; }

# render: the same picture, pixel for pixel (without the sources line, which names the events' source).
render_args=(--date 2024-08-13 --window 365 --view sahel --size 640x400 --no-attribution)
"$bin" render "${render_args[@]}" --events "$src/data/events.csv" -o "$out/pg_render_csv.png"
"$bin" render "${render_args[@]}" --events "$conn tables=events" -o "$out/pg_render_pg.png"
check_same "render" "$out/pg_render_csv.png" "$out/pg_render_pg.png"

# A table with geometry loads like its GeoJSON.
"$bin" check "$src/tests/fixtures/events/features.geojson" | tail -1 >"$out/pg_features_geojson.txt" || true
"$bin" check "$conn tables=features" | tail -1 >"$out/pg_features_pg.txt" || true
grep -q "^[1-9][0-9]* events loaded" "$out/pg_features_pg.txt" || { echo "FAIL: no events from the geometry table"; fail=1; }
check_same "geometry table" "$out/pg_features_geojson.txt" "$out/pg_features_pg.txt"

# A table without a required column: one line naming it, exit 1.
set +e
"$bin" check "$conn tables=nodate" >"$out/pg_nodate.txt" 2>&1
status=$?
set -e
if [ $status -ne 1 ] || ! grep -q "has no 'date'" "$out/pg_nodate.txt" || [ "$(grep -c ': error: ' "$out/pg_nodate.txt")" -ne 1 ]; then
    echo "FAIL: a table without 'date' (exit $status):"; cat "$out/pg_nodate.txt"; fail=1
else
    echo "ok: missing column is one line"
fi

# An unreachable server: one line, non-zero exit, nothing written.
set +e
"$bin" render "${render_args[@]}" --events "PG:host=$tmp port=$((port + 1)) dbname=events user=eventmap tables=events" \
    -o "$out/pg_unreachable.png" >"$out/pg_unreachable.txt" 2>&1
status=$?
set -e
if [ $status -eq 0 ] || [ -e "$out/pg_unreachable.png" ] || [ "$(wc -l <"$out/pg_unreachable.txt")" -gt 2 ]; then
    echo "FAIL: unreachable server (exit $status):"; cat "$out/pg_unreachable.txt"; fail=1
else
    echo "ok: unreachable server: $(head -1 "$out/pg_unreachable.txt")"
fi
exit $fail
