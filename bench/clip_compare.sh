#!/usr/bin/env bash
# A clip made in-process (`eventmap render -o clip.mp4 --frames ...`) against the pipeline it replaces: numbered
# PNGs (`eventmap render --frames`) then `ffmpeg -framerate 30 -i f_%04d.png -c:v libx264 -pix_fmt yuv420p`.
# Whole processes, wall clock, the same frames (one per step, 30 fps) and the same size.
#
#   bench/clip_compare.sh [BUILD_DIR] [SIZE] [FRAMES]
#   default: build 1920x1080 2021-01-01:2025-06-30:1w (235 frames, the issue's benchmark)
set -euo pipefail
build="${1:-build}"
size="${2:-1920x1080}"
frames="${3:-2021-01-01:2025-06-30:1w}"
eventmap="$(cd "$build" && pwd)/eventmap"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$eventmap" render -o warm.png --size "$size" --date 2024-08-13 >/dev/null 2>&1  # the geometry cache, warm
now() { date +%s.%N; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(now)
"$eventmap" render -o clip.mp4 --size "$size" --frames "$frames" --fps 30 2>/dev/null
t1=$(now)
mkdir png
"$eventmap" render -o png/f.png --size "$size" --frames "$frames" 2>/dev/null
t2=$(now)
ffmpeg -v error -framerate 30 -i png/f_%04d.png -c:v libx264 -pix_fmt yuv420p pipeline.mp4
t3=$(now)
n=$(ls png | wc -l)
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v n="$n" -v size="$size" 'BEGIN {
    clip = b - a; pngs = c - b; enc = d - c; pipe = pngs + enc;
    printf "%d frames at %s\n", n, size;
    printf "eventmap render -o clip.mp4:         %7.1f s  %5.1f frames/s\n", clip, n / clip;
    printf "render --frames to PNGs + ffmpeg:    %7.1f s  (PNGs %.1f s, ffmpeg %.1f s)  %5.1f frames/s\n", pipe, pngs, enc, n / pipe;
    printf "ratio in-process / pipeline:         %7.2f\n", clip / pipe;
}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
ls -l clip.mp4 pipeline.mp4 | awk '{print $5, $9}'
