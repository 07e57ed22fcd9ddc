#!/usr/bin/env bash
# Installs a build into a temporary prefix and runs the installed program from elsewhere, as a user would.
#
#   tests/install/install_test.sh BUILD_DIR VERSION [SOURCE_DIR]
#
# Checks: `cmake --install BUILD_DIR --prefix TMP` lays out bin/, libexec/eventmap/, share/eventmap/ (data,
# fonts with their licence), the .desktop file and the icon; `TMP/bin/eventmap render -o x.png --size 320x180`
# run from another folder, with HOME and XDG_CACHE_HOME in the temp dir, exits 0 and writes a 320x180 PNG;
# `eventmap --version` prints VERSION and the library versions. Where a private mount namespace is allowed
# (root), also: with SOURCE_DIR hidden (the binary knows its source tree as a last resort) the installed data
# is found on its own, and with the installed data hidden too the error names every place looked.
set -euo pipefail

build=${1:?usage: install_test.sh BUILD_DIR VERSION [SOURCE_DIR]}
version=${2:?usage: install_test.sh BUILD_DIR VERSION [SOURCE_DIR]}
source_dir=${3:-}
build=$(cd "$build" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/eventmap-install-test.XXXXXX")
tmp=$(cd "$tmp" && pwd -P)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
mkdir -p "$tmp/home" "$tmp/cache" "$tmp/run" "$tmp/empty-xdg"

fail() {
    echo "install_test: FAIL: $*" >&2
    exit 1
}

echo "install_test: cmake --install $build --prefix $prefix"
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || {
    cat "$tmp/install.log" >&2
    fail "cmake --install failed"
}

for f in bin/eventmap libexec/eventmap/eventmap-core; do
    [ -x "$prefix/$f" ] || fail "$f is missing or not executable"
done
for f in lib/eventmap/eventmap-video.so lib/eventmap/eventmap-pdf.so lib/eventmap/eventmap-gdal.so; do  # opened with dlopen for clips, PDFs, GDAL
    [ -s "$prefix/$f" ] || fail "$f is missing"
done
for f in share/eventmap/data/naturalearth/ne_110m_admin0_countries.shp \
    share/eventmap/data/naturalearth/ne_50m_admin0_countries.shp \
    share/eventmap/data/naturalearth/ne_10m_admin0_countries.shp \
    share/eventmap/data/naturalearth/README.md \
    share/eventmap/data/places.csv share/eventmap/data/events.csv share/eventmap/data/README.md \
    share/eventmap/assets/fonts/DejaVuSans.ttf share/eventmap/assets/fonts/LICENSE-DejaVu.txt \
    share/applications/eventmap.desktop share/icons/hicolor/scalable/apps/eventmap.svg; do
    [ -s "$prefix/$f" ] || fail "$f is missing"
done
# desktop-file-validate comes with desktop-file-utils (tools/install-deps.sh installs it): a missing tool is a
# skip reported to ctest at the end, never a silent pass.
skips=()
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$prefix/share/applications/eventmap.desktop" || fail "desktop-file-validate"
else
    skips+=("desktop-file-validate is not installed (package desktop-file-utils)")
fi

# Prints "WIDTH HEIGHT" from a PNG's IHDR, or fails.
png_size() {
    if command -v python3 >/dev/null; then
        python3 - "$1" <<'EOF'
import struct, sys
with open(sys.argv[1], "rb") as f:
    head = f.read(24)
if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
    sys.exit("not a PNG")
print(*struct.unpack(">II", head[16:24]))
EOF
    else
        file -b "$1" | sed -n 's/^PNG image data, \([0-9]*\) x \([0-9]*\),.*/\1 \2/p' | grep . || return 1
    fi
}

# Runs the installed program from a folder outside the source and build trees, with a private home and cache.
run_installed() {
    (cd "$tmp/run" && env -u EVENTMAP_DATA_DIR HOME="$tmp/home" XDG_CACHE_HOME="$tmp/cache" "$@")
}

echo "install_test: render from $tmp/run"
rc=0
run_installed "$prefix/bin/eventmap" render -o x.png --size 320x180 2>"$tmp/render.err" || rc=$?
[ "$rc" -eq 0 ] || {
    cat "$tmp/render.err" >&2
    fail "eventmap render exited $rc"
}
[ -s "$tmp/run/x.png" ] || fail "x.png was not written"
size=$(png_size "$tmp/run/x.png") || fail "x.png is not a PNG"
[ "$size" = "320 180" ] || fail "x.png is $size, expected 320 180"

echo "install_test: --version"
run_installed "$prefix/bin/eventmap" --version >"$tmp/version.txt" || fail "eventmap --version exited non-zero"
cat "$tmp/version.txt"
head -n1 "$tmp/version.txt" | grep -q "^eventmap $version (revision [^)]*)\$" ||
    fail "first line of --version does not name version $version and a revision"
for lib in "GDAL [0-9]" "GLFW [0-9]" "Dear ImGui [0-9]"; do
    grep -q "^$lib" "$tmp/version.txt" || fail "--version does not print '$lib...'"
done

# The binary falls back to the source tree it was built from; prove the installed copy is enough by hiding
# that tree (and the build folder inside it) in a private mount namespace. Needs root (or user namespaces);
# where neither is allowed the checks are reported to ctest as skipped (exit 77), never as passed.
if [ -n "$source_dir" ] && [ -d "$source_dir" ] && unshare --mount --propagation private true 2>/dev/null; then
    echo "install_test: render with $source_dir hidden"
    rc=0
    run_installed env XDG_DATA_DIRS="$tmp/empty-xdg" unshare --mount --propagation private \
        sh -c 'mount -t tmpfs -o size=1m none "$1" && shift && exec "$@"' sh "$source_dir" \
        "$prefix/bin/eventmap" render -o hidden.png --size 320x180 2>"$tmp/hidden.err" || rc=$?
    [ "$rc" -eq 0 ] || {
        cat "$tmp/hidden.err" >&2
        fail "with the source tree hidden, eventmap render exited $rc: the installed data was not found"
    }
    cmp -s "$tmp/run/x.png" "$tmp/run/hidden.png" || fail "with the source tree hidden, the picture differs"

    # The modules come from the prefix (lib/eventmap), not from the build tree, which is hidden too.
    echo "install_test: a PDF and a GIF with $source_dir hidden (the modules from $prefix/lib/eventmap)"
    for out in hidden.pdf hidden.gif; do
        frames=()
        [ "$out" = hidden.gif ] && frames=(--frames 2024-08-01:2024-08-07:3d)
        rc=0
        run_installed env -u EVENTMAP_MODULE_DIR XDG_DATA_DIRS="$tmp/empty-xdg" unshare --mount --propagation private \
            sh -c 'mount -t tmpfs -o size=1m none "$1" && shift && exec "$@"' sh "$source_dir" \
            "$prefix/bin/eventmap" render -o "$out" --size 320x180 "${frames[@]}" 2>"$tmp/module.err" || rc=$?
        [ "$rc" -eq 0 ] || {
            cat "$tmp/module.err" >&2
            fail "with the source tree hidden, eventmap render -o $out exited $rc"
        }
        [ -s "$tmp/run/$out" ] || fail "$out was not written"
    done
    head -c 5 "$tmp/run/hidden.pdf" | grep -q '%PDF-' || fail "hidden.pdf is not a PDF"
    head -c 6 "$tmp/run/hidden.gif" | grep -q 'GIF89a' || fail "hidden.gif is not a GIF"

    echo "install_test: error message with the installed data hidden too"
    rc=0
    run_installed env XDG_DATA_DIRS="$tmp/empty-xdg" unshare --mount --propagation private \
        sh -c 'mount -t tmpfs -o size=1m none "$1" && mount -t tmpfs -o size=1m none "$2" && shift 2 && exec "$@"' \
        sh "$source_dir" "$prefix/share/eventmap" \
        "$prefix/bin/eventmap" render -o none.png --size 320x180 2>"$tmp/none.err" || rc=$?
    cat "$tmp/none.err"
    [ "$rc" -ne 0 ] || fail "with no data anywhere, eventmap render exited 0"
    for place in "$prefix/libexec/eventmap" "$prefix/share/eventmap" "$tmp/empty-xdg/eventmap" "$source_dir"; do
        grep -qF "$place" "$tmp/none.err" || fail "the error does not name $place"
    done
else
    skips+=("no private mount namespace here (unshare --mount refused, or no SOURCE_DIR): the hidden-source-tree checks did not run")
fi

if [ ${#skips[@]} -gt 0 ]; then
    for s in "${skips[@]}"; do echo "SKIP: $s"; done
    exit 77
fi
echo "install_test: PASS"
