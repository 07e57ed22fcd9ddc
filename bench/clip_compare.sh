#!/usr/bin/env bash
# A clip made in-process (`eventmap render -o clip.mp4 --frames ...`) against the pipeline it replaces: numbered
# PNGs (`eventmap render --frames`) then `ffmpeg -framerate 30 -i f_%04d.png -c:v libx264 -pix_fmt yuv420p`.
# Whole processes, wall clock and CPU time (user+sys from /usr/bin/time, all threads: on a shared machine the
# CPU time per frame says what a quiet one would do), the same frames (one per step, 30 fps) and the same size.
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
cpu() { awk '{printf "%.2f", $1 + $2}' "$1"; }  # user + sys seconds written by /usr/bin/time -f "%U %S"
t0=$(now)
/usr/bin/time -f "%U %S" -o cpu_clip "$eventmap" render -o clip.mp4 --size "$size" --frames "$frames" --fps 30 2>/dev/null
t1=$(now)
# The same clip with every frame drawn whole, as before the kept static layers (src/app/frame_canvas.hpp).
EVENTMAP_CLIP_WHOLE_FRAMES=1 /usr/bin/time -f "%e %U %S" -o cpu_whole "$eventmap" render -o whole.mp4 --size "$size" \
    --frames "$frames" --fps 30 2>/dev/null
t1b=$(now)
mkdir png
/usr/bin/time -f "%U %S" -o cpu_png "$eventmap" render -o png/f.png --size "$size" --frames "$frames" 2>/dev/null
t2=$(now)
/usr/bin/time -f "%U %S" -o cpu_ffmpeg ffmpeg -v error -framerate 30 -i png/f_%04d.png -c:v libx264 -pix_fmt yuv420p pipeline.mp4
t3=$(now)
n=$(ls png | wc -l)
awk -v a="$t0" -v b="$t1b" -v c="$t2" -v d="$t3" -v n="$n" -v size="$size" \
    -v clip_wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" -v cw="$(awk '{print $2 + $3}' cpu_whole)" \
    -v whole_wall="$(awk '{print $1}' cpu_whole)" -v cc="$(cpu cpu_clip)" -v cp="$(cpu cpu_png)" -v cf="$(cpu cpu_ffmpeg)" 'BEGIN {
    clip = clip_wall; pngs = c - b; enc = d - c; pipe = pngs + enc;
    printf "%d frames at %s\n", n, size;
    printf "eventmap render -o clip.mp4:         %7.1f s  %5.1f frames/s\n", clip, n / clip;
    printf "the same, frames drawn whole:        %7.1f s  %5.1f frames/s\n", whole_wall, n / whole_wall;
    printf "render --frames to PNGs + ffmpeg:    %7.1f s  (PNGs %.1f s, ffmpeg %.1f s)  %5.1f frames/s\n", pipe, pngs, enc, n / pipe;
    printf "ratio in-process / pipeline:         %7.2f\n", clip / pipe;
    printf "CPU (user+sys), in-process:          %7.1f s  %5.1f ms/frame\n", cc, 1000 * cc / n;
    printf "CPU (user+sys), frames drawn whole:  %7.1f s  %5.1f ms/frame\n", cw, 1000 * cw / n;
    printf "CPU (user+sys), PNGs + ffmpeg:       %7.1f s  %5.1f ms/frame  (PNGs %.1f s, ffmpeg %.1f s)\n", cp + cf, 1000 * (cp + cf) / n, cp, cf;
}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
ls -l clip.mp4 whole.mp4 pipeline.mp4 | awk '{print $5, $9}'
cmp -s clip.mp4 whole.mp4 && echo "clip.mp4 and whole.mp4 are byte-identical" || echo "clip.mp4 and whole.mp4 differ"
