#!/usr/bin/env bash
# Installs the Debian 12 packages eventmap needs to build, test and run. Idempotent; needs root (or sudo).
set -euo pipefail

packages=(
    cmake g++ make pkg-config
    libglfw3-dev libimgui-dev libepoxy-dev libgdal-dev gdal-bin libstb-dev libgeos-dev libglu1-mesa-dev
    libpng-dev zlib1g-dev libdeflate-dev nlohmann-json3-dev libsimdjson-dev
    libgl1-mesa-dri libegl-dev libegl1-mesa-dev
    xvfb xauth xdotool imagemagick x11-apps
    libgtest-dev libbenchmark-dev libcli11-dev
    fonts-dejavu-core
    desktop-file-utils
    libavcodec-dev libavformat-dev libswscale-dev libavutil-dev ffmpeg
    libcairo2-dev poppler-utils librsvg2-bin libxml2-utils
    postgresql-15 postgresql-15-postgis-3 libpq-dev
    libimagequant-dev
    iso-codes
    x11-xserver-utils
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "install-deps: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
