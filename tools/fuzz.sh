#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang + ASan + UBSan, in build-fuzz/) and runs each for SECONDS
# (default 60) on its seed corpus tests/fuzz/<target>/ plus its saved crashes tests/fuzz/regressions/<target>/.
# New interesting inputs go to build-fuzz/corpus/<target>/ (kept between runs, never committed); a crash, leak,
# timeout or out-of-memory input goes to build-fuzz/artifacts/<target>/. Once fixed, copy that input to
# tests/fuzz/regressions/<target>/: the ctest test robustness.fuzz_replay replays it in every normal build.
#
# Usage: tools/fuzz.sh [SECONDS] [TARGET...]      Exit 1 if any target found something.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true

# -max_len per target: a little over the largest realistic input of that kind (bigger inputs mostly slow the
# search down without reaching new code). Keep in step with fuzz/entries.cpp's list.
declare -A max_len=(
    [events_csv]=8192       # a header and a few dozen rows
    [events_geojson]=8192   # a handful of features
    [dates]=64              # one typed date (12 bytes suffice for the from_ymd check)
    [places]=4096           # a header and some rows
    [vector_shp]=16384      # .shp + .shx + .dbf + .prj + .cpg of a few small polygons
    [vector_geojson]=8192   # a few features
    [project_file]=4096     # a project with a few layers and filters
)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(events_csv events_geojson dates places vector_shp vector_geojson)
    # The project file reader is fuzzed where it exists (fuzz/CMakeLists.txt makes the target only then).
    [ -f src/app/project_file.cpp ] && targets+=(project_file)
fi

# clang and its libFuzzer runtime (Debian 12: clang 14).
if ! command -v clang++ >/dev/null || ! dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "ok installed"; then
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
fi

mkdir -p build-fuzz
if ! { cmake --preset fuzz && cmake --build build-fuzz -j"$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}"); } \
    > build-fuzz/build.log 2>&1; then
    tail -n 40 build-fuzz/build.log >&2
    echo "fuzz.sh: the build failed (build-fuzz/build.log)" >&2
    echo "fuzz: 0 passed, ${#targets[@]} failed"
    exit 1
fi

# GDAL: no network, no PROJ grid downloads, quiet; LSan: the suppressions of third-party leaks.
export GDAL_HTTP_TIMEOUT=1 PROJ_NETWORK=OFF CPL_DEBUG=OFF
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizers/lsan.supp}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$PWD/tests/sanitizers/ubsan.supp}"

passed=0 failed=0
summary=()
for t in "${targets[@]}"; do
    [ -n "${max_len[$t]:-}" ] || { echo "fuzz.sh: unknown target '$t'" >&2; exit 2; }
    corpus=build-fuzz/corpus/$t
    artifacts=build-fuzz/artifacts/$t
    log=build-fuzz/fuzz-$t.log
    mkdir -p "$corpus" "$artifacts" "tests/fuzz/$t"
    dirs=("$corpus" "tests/fuzz/$t")
    [ -d "tests/fuzz/regressions/$t" ] && dirs+=("tests/fuzz/regressions/$t")
    before=$(find "$artifacts" -type f | wc -l)
    set +e
    # -timeout: one input taking 10 s is a hang; -rss_limit_mb: 2 GB is far more than any input here needs.
    build-fuzz/fuzz/fuzz_$t -max_total_time="$seconds" -max_len="${max_len[$t]}" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "${dirs[@]}" > "$log" 2>&1
    rc=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    found=$(( $(find "$artifacts" -type f | wc -l) - before ))
    corpus_size=$(find "$corpus" -type f | wc -l)
    if [ $rc -eq 0 ] && [ "$found" -eq 0 ]; then
        passed=$((passed + 1))
        summary+=("$(printf '%-15s ok      %10s execs in %ss, corpus %s' "$t" "${execs:-?}" "$seconds" "$corpus_size")")
    else
        failed=$((failed + 1))
        summary+=("$(printf '%-15s FOUND   %10s execs, exit %s, new artifact(s) in %s (log: %s)' "$t" "${execs:-?}" "$rc" "$artifacts" "$log")")
        grep -m 3 -E "^==[0-9]+==ERROR|runtime error|fuzz invariant|ALARM|out-of-memory|SUMMARY" "$log" | sed 's/^/    /' >&2 || true
    fi
done
printf '%s\n' "${summary[@]}"
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
