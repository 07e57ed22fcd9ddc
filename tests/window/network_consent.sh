#!/usr/bin/env bash
# Issue 20: a project whose layers point at an HTTP server (one directly, one through a local GDAL VRT) makes no
# request when opened: the window shows the consent dialog naming the addresses (it also prints them on stderr).
# Clicking Allow then makes the requests and the layers load. The server is python3's http.server on 127.0.0.1, on
# a port the OS chose, logging every request. Screenshots go to test-output/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
binary="$1"
out="${2:-test-output}"
mkdir -p "$out"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run"; exit 1; }
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
work=$(mktemp -d)
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" NO_PROXY=127.0.0.1 no_proxy=127.0.0.1
mkdir -p "$work/www"
cat >"$work/www/sahel.geojson" <<'JSON'
{"type":"FeatureCollection","name":"sahel","features":[{"type":"Feature","properties":{"name":"Bamako"},
"geometry":{"type":"Point","coordinates":[-8.0,12.64]}}]}
JSON
sed 's/"sahel"/"inner"/' "$work/www/sahel.geojson" >"$work/www/inner.geojson"
cat >"$work/server.py" <<'PY'
import http.server, sys, os
class H(http.server.SimpleHTTPRequestHandler):
    def log_message(self, fmt, *args):
        with open(sys.argv[2], "a") as f: f.write(self.requestline + "\n")
os.chdir(sys.argv[1])
s = http.server.HTTPServer(("127.0.0.1", 0), H)
with open(sys.argv[3], "w") as f: f.write(str(s.server_address[1]))
s.serve_forever()
PY
: >"$work/requests.log"
python3 "$work/server.py" "$work/www" "$work/requests.log" "$work/port" &
server=$!
pid=""
trap 'kill $server 2>/dev/null || true; [ -n "$pid" ] && kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
cat >"$work/inner.vrt" <<VRT
<OGRVRTDataSource><OGRVRTLayer name="inner"><SrcDataSource>/vsicurl/http://127.0.0.1:$port/inner.geojson</SrcDataSource><SrcLayer>inner</SrcLayer></OGRVRTLayer></OGRVRTDataSource>
VRT
cat >"$work/p.json" <<P
{"version": 2, "layers": [{"path": "/vsicurl/http://127.0.0.1:$port/sahel.geojson"}, {"path": "inner.vrt"}]}
P
"$binary" --no-settings --size 1200x800 --project "$work/p.json" >"$out/consent.log" 2>&1 &
pid=$!
wid=$(find_window $pid "$out/consent.log")
for _ in $(seq 1 20); do grep -q "Allow button at" "$out/consent.log" && break; sleep 0.5; done
sleep 1
import -window root "$out/consent_dialog.png"
failed=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; failed=1; fi; }
check "the dialog names the direct address" "grep -q 'consent asked for 127.0.0.1:$port/sahel.geojson' '$out/consent.log'"
check "the dialog names the VRT's address" "grep -q 'consent asked for 127.0.0.1:$port/inner.geojson' '$out/consent.log'"
before=$(wc -l <"$work/requests.log")
check "no request before consent (saw $before)" "[ $before -eq 0 ]"
xy=$(grep -o 'Allow button at [0-9]*,[0-9]*' "$out/consent.log" | tail -n1 | sed 's/.* at //')
xdotool mousemove --window "$wid" "${xy%,*}" "${xy#*,}" click 1
for _ in $(seq 1 20); do grep -q "GET /inner.geojson" "$work/requests.log" && grep -q "GET /sahel.geojson" "$work/requests.log" && break; sleep 0.5; done
xdotool mousemove --window "$wid" 1000 60
sleep 1
import -window root "$out/consent_allowed.png"
after=$(wc -l <"$work/requests.log")
echo "requests after Allow: $after"; cat "$work/requests.log"
check "requests after Allow" "[ $after -ge 2 ]"
check "both files fetched after Allow" "grep -q 'GET /sahel.geojson' '$work/requests.log' && grep -q 'GET /inner.geojson' '$work/requests.log'"
if [ $failed -ne 0 ]; then echo "--- log:"; tail -n 30 "$out/consent.log"; echo "0 passed, 1 failed"; exit 1; fi
echo "1 passed, 0 failed"
