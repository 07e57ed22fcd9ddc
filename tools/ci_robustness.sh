#!/usr/bin/env bash
# The robustness part of CI (.ci/run runs it after tools/test.sh): the cpu and headless gl tests built with
# AddressSanitizer + UBSan, then every fuzzer for 60 s (both from one clang build, build-asan/). Every step runs
# even when an earlier one failed, and is timed. The last lines are the step table and "robustness: N passed, N failed"; the
# exit code is non-zero if any step failed.
#
# Usage: tools/ci_robustness.sh [FUZZ_SECONDS]   (default 60)
set -uo pipefail
cd "$(dirname "$0")/.."
fuzz_seconds=${1:-60}
jobs=$(nproc)

summary=()
passed=0 failed=0
step() {
    local name=$1
    shift
    echo "=== robustness: $name"
    local start=$SECONDS
    "$@"
    local rc=$?
    local secs=$((SECONDS - start))
    if [ "$rc" -eq 0 ]; then
        passed=$((passed + 1))
        summary+=("$(printf 'PASS  %-36s %4d s' "$name" "$secs")")
    else
        failed=$((failed + 1))
        summary+=("$(printf 'FAIL  %-36s %4d s  (exit %d)' "$name" "$secs" "$rc")")
    fi
}

# One clang build (the asan preset: ASan + UBSan, -O1 -g1) holds the tests and the libFuzzer targets. With
# clang it takes ~4 minutes on 2 cores (gcc's ASan build of the tests alone took ~12).
asan_build() {
    tools/install-clang.sh &&
        cmake --preset asan >/dev/null &&
        cmake --build build-asan -j"$jobs" --target eventmap eventmap-core eventmap_cpu_tests eventmap_gl_tests \
            eventmap_fuzz_replay fuzzers
}

# The cpu and headless gl tests; not the window tests (they drive a real window against the clock, which ASan
# slows down). Each gtest suite runs as one process: through ctest each test would be its own ASan process
# (~350 of them, six times slower here); leaks are still checked, at each process's exit. ctest then runs the
# other cpu tests (not gtest's: gtest test names start with a capital, the others with a lowercase prefix such
# as robustness.). A fresh geometry cache, so that the loaders run under ASan too.
asan_tests() {
    (
        . tests/sanitizers/env.sh
        export XDG_CACHE_HOME="$(mktemp -d)"
        # The gl tests that need a window (BaseMapCacheTest) get an Xvfb display of their own (checked clean under
        # ASan + LSan with GLX, 6 tests); the window tests stay left out.
        unset DISPLAY
        cd build-asan || exit 1
        export EVENTMAP_MODULE_DIR="$PWD"  # the clip and PDF modules, for test executables outside the build root
        rc=0
        # XML reports so that .ci/run can list what was skipped here too (tools/list_skipped_tests.py).
        tests/eventmap_cpu_tests --gtest_brief=1 --gtest_output=xml:"$PWD/asan-cpu-tests.xml" || rc=1
        xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" \
            tests/eventmap_gl_tests --gtest_brief=1 --gtest_output=xml:"$PWD/asan-gl-tests.xml" || rc=1
        ctest -L cpu -E '^[A-Z]' --output-on-failure -j"$jobs" --output-junit "$PWD/asan-ctest-junit.xml" || rc=1
        exit $rc
    )
}

step "asan+ubsan build (build-asan)" asan_build
step "asan+ubsan tests: cpu, headless gl" asan_tests
step "fuzz (tools/fuzz.sh $fuzz_seconds)" tools/fuzz.sh "$fuzz_seconds"

echo "=== robustness: summary"
printf '%s\n' "${summary[@]}"
echo "robustness: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
