#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang + ASan + UBSan: the asan preset, build-asan/) and runs each for SECONDS
# (default 60) on its seed corpus tests/fuzz/<target>/ plus its saved crashes tests/fuzz/regressions/<target>/.
# New interesting inputs go to build-asan/corpus/<target>/ (kept between runs, never committed); a crash, leak,
# timeout or out-of-memory input goes to build-asan/artifacts/<target>/. Once fixed, copy that input to
# tests/fuzz/regressions/<target>/: the ctest test robustness.fuzz_replay replays it in every normal build.
#
# Usage: tools/fuzz.sh [SECONDS] [TARGET...]      Exit 1 if any target found something.
# FUZZ_JOBS: fuzzers run at once (default: the number of cores; each uses one).
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
    targets=(events_csv events_geojson dates places vector_shp vector_geojson project_file)
fi

tools/install-clang.sh  # clang and its libFuzzer runtime

mkdir -p build-asan
if ! { cmake --preset asan && cmake --build build-asan -j"$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}"); } \
    > build-asan/build.log 2>&1; then
    tail -n 40 build-asan/build.log >&2
    echo "fuzz.sh: the build failed (build-asan/build.log)" >&2
    echo "fuzz: 0 passed, ${#targets[@]} failed"
    exit 1
fi

# GDAL: no network, no PROJ grid downloads, quiet; LSan: the suppressions of third-party leaks.
export GDAL_HTTP_TIMEOUT=1 PROJ_NETWORK=OFF CPL_DEBUG=OFF
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizers/lsan.supp}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$PWD/tests/sanitizers/ubsan.supp}"

# One target: runs it, then writes its summary line (ok/FOUND) to build-asan/result-<target>.
fuzz_one() {
    local t=$1
    local corpus=build-asan/corpus/$t artifacts=build-asan/artifacts/$t log=build-asan/fuzz-$t.log
    local result=build-asan/result-$t
    mkdir -p "$corpus" "$artifacts" "tests/fuzz/$t"
    local dirs=("$corpus" "tests/fuzz/$t")
    [ -d "tests/fuzz/regressions/$t" ] && dirs+=("tests/fuzz/regressions/$t")
    local before rc execs found corpus_size
    before=$(find "$artifacts" -type f | wc -l)
    # -timeout: one input taking 10 s is a hang; -rss_limit_mb: 2 GB is far more than any input here needs.
    build-asan/fuzz/fuzz_$t -max_total_time="$seconds" -max_len="${max_len[$t]}" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "${dirs[@]}" > "$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    found=$(( $(find "$artifacts" -type f | wc -l) - before ))
    corpus_size=$(find "$corpus" -type f | wc -l)
    if [ $rc -eq 0 ] && [ "$found" -eq 0 ]; then
        printf '%-15s ok      %10s execs in %ss, corpus %s\n' "$t" "${execs:-?}" "$seconds" "$corpus_size" > "$result"
    else
        {
            printf '%-15s FOUND   %10s execs, exit %s, new artifact(s) in %s (log: %s)\n' "$t" "${execs:-?}" "$rc" \
                "$artifacts" "$log"
            grep -m 3 -E "^==[0-9]+==ERROR|runtime error|fuzz invariant|ALARM|out-of-memory|SUMMARY" "$log" | sed 's/^/    /'
        } > "$result"
    fi
}

for t in "${targets[@]}"; do
    [ -n "${max_len[$t]:-}" ] || { echo "fuzz.sh: unknown target '$t'" >&2; exit 2; }
done
# Each fuzzer uses one core: FUZZ_JOBS of them (default: the number of cores) run at once.
set +e
jobs=${FUZZ_JOBS:-$(nproc)}
for t in "${targets[@]}"; do
    rm -f "build-asan/result-$t"
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
    fuzz_one "$t" &
done
wait
passed=0 failed=0
for t in "${targets[@]}"; do
    if grep -q "^$t *ok " "build-asan/result-$t" 2>/dev/null; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    cat "build-asan/result-$t" 2>/dev/null || echo "$t: no result"
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
