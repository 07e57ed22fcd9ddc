#!/usr/bin/env bash
# Builds and runs every test: CPU tests directly, GL tests (label gl) under xvfb-run. Exit code is ctest's;
# the last lines list the skipped tests with their reasons.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
cd build
# GL tests render offscreen through EGL and need no X server; xvfb-run gives the window tests a display. The gl
# and window tests are RUN_SERIAL (one at a time, nothing beside them); the cpu tests run on every core.
# -noreset: by default an X server resets when its last client disconnects, and a window test starting the app
# while the previous test's app has just quit then fails with "Failed to open display".
# Skipped tests (GTEST_SKIP, or a script's exit 77) are reported as skipped, not passed, and listed last with
# their reasons (tools/list_skipped_tests.py reads ctest's JUnit file).
rc=0
xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" ctest --output-on-failure -j"$(nproc)" \
    --output-junit "$PWD/ctest-junit.xml" "$@" || rc=$?
python3 ../tools/list_skipped_tests.py "$PWD/ctest-junit.xml"
exit $rc
