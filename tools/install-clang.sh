#!/usr/bin/env bash
# Installs clang and its sanitizer/libFuzzer runtime (Debian 12: clang 14) if missing: the asan preset
# (tools/ci_robustness.sh, tools/fuzz.sh) needs them. Idempotent; uses sudo when not root.
set -euo pipefail
if command -v clang++ >/dev/null && dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "ok installed"; then
    exit 0
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
