#!/usr/bin/env bash
# Runs eventmap on every bad input listed in expected.tsv and checks each outcome:
#   - the exit code is the expected one, and the process was never killed by a signal nor hung (timeout 60 s);
#   - the output (stdout + stderr) holds the expected substring;
#   - whenever the command fails or warns, the output names the file it was given;
#   - no sanitizer report (ASan, UBSan, LSan) when built with EVENTMAP_SANITIZE;
#   - render writes its PNG on success and leaves nothing at the output path on failure.
# expected.tsv: FILE <tab> TOOL <tab> EXIT <tab> SUBSTRING. FILE is relative to this folder, or generated/NAME
# for the cases this script makes at test time (too big to commit, or not representable in git):
#   generated/long_line.csv          an events CSV whose one row is a 100 MB line
#   generated/folder.{shp,geojson,csv}   folders named like files
#   generated/unreadable.{csv,geojson,shp}   files with mode 000; as root (who reads anything) they are read as
#                                     user nobody through setpriv, or skipped with a message if that fails.
# TOOL: render (eventmap render --layer FILE -o OUT --size 64x64), check (eventmap check FILE), info (eventmap
# info FILE).
# In a sanitizer build render and info skip the 100 MB line (GDAL's CSV reader is quadratic under ASan; see below).
#
# Usage: run.sh EVENTMAP_BINARY WORK_DIR          Prints one line per case and "N passed, N failed, N skipped".
# BAD_INPUTS_JOBS: cases run at once (default: the number of cores).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
eventmap=$(realpath "$1")
work=$(realpath -m "$2")
rm -rf "$work"
mkdir -p "$work/generated" "$work/out" "$work/cache"
# An empty geometry cache: a cached copy of a layer would hide the loader's handling of the file.
export XDG_CACHE_HOME="$work/cache"
# Sanitizer reports must not be mistaken for an expected exit 1: give them their own exit code.
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do export "$v=${!v:+${!v}:}exitcode=86"; done
gen=$work/generated

# The 100 MB line: header, then one row whose description is 100,000,000 bytes.
{
    head -n 1 "$here/events_header_only.csv"
    printf 'E1,2023-06-01,,arrival,Russia,MLI,,Bamako,,,'
    head -c 100000000 /dev/zero | tr '\0' x
    printf ',src,sourced\n'
} > "$gen/long_line.csv"
mkdir -p "$gen/folder.shp" "$gen/folder.geojson" "$gen/folder.csv"
cp "$here/events_header_only.csv" "$gen/unreadable.csv"
cp "$here/null_geometry.geojson" "$gen/unreadable.geojson"
for ext in shp shx dbf prj cpg; do cp "$here/good.$ext" "$gen/unreadable.$ext"; done
chmod 000 "$gen"/unreadable.*

# Who runs the unreadable cases: this user, or nobody when this user is root.
unreadable_prefix=()
unreadable_skip=""
if [ "$(id -u)" -eq 0 ]; then
    if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
        unreadable_prefix=(setpriv --reuid=65534 --regid=65534 --clear-groups)
        # nobody needs to write the PNG and the cache, and to read the rest of the work folder.
        chmod 777 "$work" "$work/out" "$work/cache"
        chmod 755 "$gen"
        if "${unreadable_prefix[@]}" cat "$gen/unreadable.csv" >/dev/null 2>&1; then
            unreadable_skip="user nobody can still read a mode-000 file here"
        elif ! "${unreadable_prefix[@]}" test -x "$eventmap"; then
            unreadable_skip="user nobody cannot run $eventmap"
        fi
    else
        unreadable_skip="running as root (who reads any file) and cannot switch to user nobody with setpriv"
    fi
elif cat "$gen/unreadable.csv" >/dev/null 2>&1; then
    unreadable_skip="a mode-000 file is still readable here"
fi

# A sanitizer build (the launcher starts eventmap-core beside it)? Then one case is skipped: GDAL's CSV reader
# (not eventmap's code) grows its line buffer by small realloc steps; glibc extends such a block in place, ASan
# copies it every time, so reading a 100 MB line takes hours there and 0.3 s in a normal build.
sanitized=0
for bin in "$(dirname "$eventmap")/eventmap-core" "$eventmap"; do
    if [ -f "$bin" ] && grep -q __asan_init "$bin"; then sanitized=1; fi
done

# One case: runs the command and writes its verdict (PASS/FAIL/SKIP line, then any detail) to $work/results/N.
run_case() {
    local n=$1 file=$2 tool=$3 want_rc=$4 want_msg=$5
    local result=$work/results/$n path prefix=() cmd=() out_png=$work/out/case$n.png
    case "$file" in
        generated/*) path=$gen/${file#generated/} ;;
        *) path=$here/$file ;;
    esac
    if [[ "$file" == generated/unreadable.* ]]; then
        if [ -n "$unreadable_skip" ]; then
            printf 'SKIP  %-36s %-6s %s\n' "$file" "$tool" "$unreadable_skip" > "$result"
            return
        fi
        prefix=("${unreadable_prefix[@]}")
    fi
    if [ "$sanitized" -eq 1 ] && [ "$file" = generated/long_line.csv ] && [ "$tool" != check ]; then
        printf 'SKIP  %-36s %-6s %s\n' "$file" "$tool" "sanitizer build: GDAL's CSV line reader is quadratic under ASan (realloc copies)" > "$result"
        return
    fi
    case "$tool" in
        render) cmd=("$eventmap" render --layer "$path" -o "$out_png" --size 64x64) ;;
        check) cmd=("$eventmap" check "$path") ;;
        info) cmd=("$eventmap" info "$path") ;;
        *) printf 'FAIL  %-36s %-6s unknown tool in expected.tsv\n' "$file" "$tool" > "$result"; return ;;
    esac
    local start output rc secs problems=() first_line
    start=$(date +%s.%N)
    output=$(cd "$work" && timeout 60 "${prefix[@]}" "${cmd[@]}" 2>&1)
    rc=$?
    secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    if [ "$rc" -eq 124 ]; then
        problems+=("hung: still running after 60 s")
    elif [ "$rc" -gt 128 ]; then
        problems+=("killed by signal $((rc - 128))")
    elif [ "$rc" -ne "$want_rc" ]; then
        problems+=("exit $rc, expected $want_rc")
    fi
    [[ "$output" == *"$want_msg"* ]] || problems+=("output lacks '$want_msg'")
    if { [ "$rc" -ne 0 ] || [[ "$output" == *"warning:"* ]]; } && [[ "$output" != *"$path"* ]]; then
        problems+=("output does not name $path")
    fi
    if grep -qE "ERROR: (Address|Leak)Sanitizer|runtime error:|SUMMARY: UndefinedBehaviorSanitizer" <<<"$output"; then
        problems+=("sanitizer report")
    fi
    if [ "$tool" = render ]; then
        if [ "$rc" -eq 0 ] && [ ! -s "$out_png" ]; then problems+=("exit 0 but no PNG written"); fi
        if [ "$rc" -ne 0 ] && [ -e "$out_png" ]; then problems+=("failed but left $out_png"); fi
    fi
    first_line=$(grep -m 1 -v '^$' <<<"$output" | cut -c 1-150)
    if [ ${#problems[@]} -eq 0 ]; then
        printf 'PASS  %-36s %-6s exit %-3s %5ss  %s\n' "$file" "$tool" "$rc" "$secs" "$first_line" > "$result"
    else
        {
            printf 'FAIL  %-36s %-6s exit %-3s %5ss  %s\n' "$file" "$tool" "$rc" "$secs" "$(IFS=';'; echo "${problems[*]}")"
            sed 's/^/      | /' <<<"$output" | head -n 20 | cut -c 1-300
        } > "$result"
    fi
}

# The cases run JOBS at a time (default: the number of cores); results print in the table's order.
jobs=${BAD_INPUTS_JOBS:-$(nproc)}
mkdir -p "$work/results"
n=0
while IFS=$'\t' read -r file tool want_rc want_msg; do
    [[ -z "$file" || "$file" == \#* || "$file" == file ]] && continue
    n=$((n + 1))
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
    run_case "$n" "$file" "$tool" "$want_rc" "$want_msg" &
done < "$here/expected.tsv"
wait
passed=0 failed=0 skipped=0
for i in $(seq 1 "$n"); do
    if [ ! -f "$work/results/$i" ]; then
        echo "FAIL  case $i: no result"
        failed=$((failed + 1))
        continue
    fi
    cat "$work/results/$i"
    case "$(head -c 4 "$work/results/$i")" in
        PASS) passed=$((passed + 1)) ;;
        SKIP) skipped=$((skipped + 1)) ;;
        *) failed=$((failed + 1)) ;;
    esac
done

# A shapefile without its .shx is read from a temporary copy: nothing may be written beside the user's file.
for f in "$here"/missing_shx.shx "$here"/missing_shx.SHX; do
    if [ -e "$f" ]; then
        echo "FAIL  missing_shx.shp: $f was written beside the user's file"
        rm -f "$f"
        failed=$((failed + 1))
    fi
done

# The files are no longer needed (100 MB); chmod back so anyone can delete the folder.
chmod -R u+rwX "$work" 2>/dev/null
rm -f "$gen/long_line.csv"
echo "bad-inputs: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] || exit 1
# Cases that could not run here are a skip for ctest (SKIP_RETURN_CODE 77), never a pass; the reasons are the
# SKIP lines above.
if [ "$skipped" -gt 0 ]; then
    grep -h '^SKIP' "$work"/results/* | sed 's/^SKIP  */SKIP: /' | sort | uniq | head -n 5
    exit 77
fi
