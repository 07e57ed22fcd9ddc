#!/usr/bin/env bash
# Installs dependencies, builds, and opens the eventmap window on the default data. Arguments go to eventmap.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
exec build/eventmap "$@"
