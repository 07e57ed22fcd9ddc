# Shared by the window tests (sourced). They drive the real window under X (xvfb-run gives the display).

# Prints the X window id of process $1's visible "eventmap" window, polling for up to 60 s (a window of an
# earlier test may still be going away, which makes `xdotool search --sync` fail with BadWindow). Gives up early
# when the process has exited, and then, as on a timeout, prints the app's log ($2, if given) to stderr.
find_window() {
    local pid=$1 log=${2:-}
    local id=""
    for _ in $(seq 1 120); do
        # The title names the project and the date after the program's name: "eventmap - brief - 13 Aug 2024".
        id=$(xdotool search --onlyvisible --pid "$pid" --name '^eventmap( - |$)' 2>/dev/null | head -n1) || true
        [ -n "$id" ] && { echo "$id"; return 0; }
        if ! kill -0 "$pid" 2>/dev/null; then
            local rc=0
            wait "$pid" 2>/dev/null || rc=$?
            echo "eventmap (pid $pid) exited with status $rc before its window appeared" >&2
            [ -n "$log" ] && [ -f "$log" ] && { echo "--- its log ($log):" >&2; tail -n 40 "$log" >&2; }
            return 1
        fi
        sleep 0.5
    done
    echo "no eventmap window for pid $pid after 60 s; windows on the display:" >&2
    xdotool search --name '.' 2>/dev/null | while read -r w; do
        echo "  $w pid=$(xdotool getwindowpid "$w" 2>/dev/null) name=$(xdotool getwindowname "$w" 2>/dev/null)" >&2
    done
    [ -n "$log" ] && [ -f "$log" ] && { echo "--- its log ($log):" >&2; tail -n 40 "$log" >&2; }
    return 1
}

# --layout-dump FILE (the window's panel and widget rectangles, JSON): waits up to $3 seconds (30) for the file to
# exist and for $2 (a python expression over the JSON `d`, default: true) to hold. Tests aim at what the UI says, not at pixels.
wait_dump() {
    local file=$1 cond=${2:-True} seconds=${3:-30}
    for _ in $(seq 1 $((seconds * 2))); do
        [ -s "$file" ] && python3 -c "import json,sys; d=json.load(open('$file')); sys.exit(0 if ($cond) else 1)" 2>/dev/null && return 0
        sleep 0.5
    done
    echo "the layout dump $file never showed: $cond" >&2
    return 1
}

# Prints "x y" (whole pixels), the centre of the first widget of the dump whose name matches the regular
# expression $2 (searched in widgets, then panels, then the layout), or of the place named $2 ("place:Bamako").
# Fails, naming what was there, when nothing matches.
centre_of() {
    python3 - "$1" "$2" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
want = sys.argv[2]
if want.startswith("place:"):
    p = d.get("places", {}).get(want[6:])
    if p is None:
        sys.exit(f"no place {want[6:]} on screen")
    print(round(p[0]), round(p[1]))
    sys.exit(0)
for group in ("widgets", "panels", "layout"):
    for name, r in d.get(group, {}).items():
        if re.fullmatch(want, name):
            print(round(r[0] + r[2] / 2), round(r[1] + r[3] / 2))
            sys.exit(0)
sys.exit(f"no widget matching {want}; the dump has: " + ", ".join(d.get("widgets", {})))
PY
}

# Prints "WxH+X+Y" of the dump's layout rectangle $2 (map, sidebar, ...), shrunk by $3 pixels on every side, for
# ImageMagick's -crop.
crop_of() {
    python3 - "$1" "$2" "${3:-0}" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
x, y, w, h = d["layout"][sys.argv[2]]
m = int(sys.argv[3])
print(f"{int(w) - 2 * m}x{int(h) - 2 * m}+{int(x) + m}+{int(y) + m}")
PY
}

# The start every window test shares: `binary` and `out` from the arguments (EVENTMAP [OUT_DIR]), a display, a
# fresh settings folder, and on exit the processes in `pids` killed and the folder removed. Needs ImageMagick
# (exit 77, skipped, without it).
window_test_setup() {
    binary="$1"
    out="${2:-test-output}"
    mkdir -p "$out"
    [ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run"; exit 1; }
    command -v convert >/dev/null || { echo "no ImageMagick convert"; exit 77; }
    export XDG_CONFIG_HOME=$(mktemp -d)
    pids=()
    trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null || true; done; rm -rf "$XDG_CONFIG_HOME"' EXIT
}

# The map area's bottom-left corner, 12 px in, from layout dump $1: where the pointer rests (no event there, so
# no tooltip).
corner_of() {
    python3 -c "import json; d = json.load(open('$1')); x, y, w, h = d['layout']['map']; print(int(x) + 12, int(y + h) - 12)"
}
