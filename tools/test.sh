#!/usr/bin/env bash
# Builds and runs every test: CPU tests directly, GL tests (label gl) under xvfb-run. Exit code is ctest's.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
cd build
# GL tests render offscreen through EGL and need no X server; xvfb-run gives the window tests a display.
xvfb-run -a -s "-screen 0 1920x1080x24" ctest --output-on-failure -j1 "$@"
