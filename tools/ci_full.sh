#!/usr/bin/env bash
# The full CI (not yet wired into .ci/run: its sanitizer and fuzz steps were not validated end to end within
# the 30-minute budget in the session that wrote it): on a clean clone, install, build, run the README's tests;
# CPU and headless GL tests built with AddressSanitizer + UBSan (build-asan/), then every fuzzer for 60 s
# (build-fuzz/). Every step runs even when an earlier one failed; each is timed. The last line is
# "ci: N passed, N failed" (steps); the exit code is non-zero if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
# The prepared-geometry cache must start empty so CI exercises the cold path too.
export XDG_CACHE_HOME="$(mktemp -d)"
jobs=$(nproc)

summary=()
passed=0 failed=0
step() {
    local name=$1
    shift
    echo "=== ci: $name"
    local start=$SECONDS
    "$@"
    local rc=$?
    local secs=$((SECONDS - start))
    if [ "$rc" -eq 0 ]; then
        passed=$((passed + 1))
        summary+=("$(printf 'PASS  %-48s %4d s' "$name" "$secs")")
    else
        failed=$((failed + 1))
        summary+=("$(printf 'FAIL  %-48s %4d s  (exit %d)' "$name" "$secs" "$rc")")
    fi
}

# Only what the sanitizer tests run is built (no benchmarks, no window-only code paths beyond the app itself).
asan_build() {
    cmake --preset asan >/dev/null &&
        cmake --build build-asan -j"$jobs" --target eventmap eventmap-core eventmap_cpu_tests eventmap_gl_tests \
            eventmap_fuzz_replay
}
# cpu and headless gl tests; not the window tests (they drive a real window by timing, and ASan slows it down).
# A fresh geometry cache, so the loaders run under ASan too.
asan_tests() {
    (
        . tests/sanitizers/env.sh
        export XDG_CACHE_HOME="$(mktemp -d)"
        cd build-asan && ctest -L 'cpu|gl' -LE window --output-on-failure -j"$jobs"
    )
}

step "tests (tools/test.sh)" tools/test.sh
step "asan+ubsan build (build-asan)" asan_build
step "asan+ubsan tests: cpu, headless gl" asan_tests
step "fuzz (tools/fuzz.sh 60)" tools/fuzz.sh 60

echo "=== ci: summary"
printf '%s\n' "${summary[@]}"
echo "ci: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
