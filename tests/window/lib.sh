# Shared by the window tests (sourced). They drive the real window under X (xvfb-run gives the display).

# Prints the X window id of process $1's visible "eventmap" window, polling for up to 60 s (a window of an
# earlier test may still be going away, which makes `xdotool search --sync` fail with BadWindow). Gives up early
# when the process has exited, and then, as on a timeout, prints the app's log ($2, if given) to stderr.
find_window() {
    local pid=$1 log=${2:-}
    local id=""
    for _ in $(seq 1 120); do
        id=$(xdotool search --onlyvisible --pid "$pid" --name '^eventmap$' 2>/dev/null | head -n1) || true
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
