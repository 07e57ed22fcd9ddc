#!/usr/bin/env bash
# Builds eventmap's .deb and installs it into a clean Debian 12 root made with debootstrap, then renders a PNG
# there: proves the package's Depends are enough and that nothing comes from the build machine. Needs root.
#
#   tools/test_deb_in_chroot.sh [BUILD_DIR]        (default build-deb; configured with tests/bench off if new)
#
# Environment:
#   EVENTMAP_CHROOT_DIR     where to make the root (default /var/tmp/eventmap-deb-chroot; emptied first)
#   EVENTMAP_DEB_MIRROR     Debian mirror URL (default: read from this machine's apt sources at run time)
#   EVENTMAP_DEBOOTSTRAP_CACHE  debootstrap's download cache (default /var/cache/eventmap-debootstrap)
#   KEEP_CHROOT=1           leave the root in place afterwards
#
# All mounts (proc, sys, dev) are made inside a private mount namespace (unshare), so they disappear when the
# script ends, whatever happens; the root is then deleted with rm --one-file-system. See docs/install.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
suite=bookworm  # Debian 12

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() {
    echo "test_deb_in_chroot: $*" >&2
    exit 1
}

# --- Stage 2: inside the private mount namespace ------------------------------------------------------------
if [ "${1:-}" = "--inside" ]; then
    root=$2 deb=$3 mirror=$4 security=$5 cache=$6
    t0=$SECONDS
    log "debootstrap --variant=minbase $suite $root $mirror"
    mkdir -p "$cache"
    debootstrap --variant=minbase --cache-dir="$cache" \
        --keyring=/usr/share/keyrings/debian-archive-keyring.gpg "$suite" "$root" "$mirror" >"$root.debootstrap.log" 2>&1 || {
        tail -n 30 "$root.debootstrap.log" >&2
        die "debootstrap failed (full log: $root.debootstrap.log)"
    }
    log "debootstrap done in $((SECONDS - t0)) s ($(du -sh --one-file-system "$root" | cut -f1))"

    {
        echo "deb $mirror $suite main"
        echo "deb $mirror $suite-updates main"
        [ -z "$security" ] || echo "deb $security $suite-security main"
    } >"$root/etc/apt/sources.list"
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"  # no services start in the chroot
    chmod +x "$root/usr/sbin/policy-rc.d"
    mount -t proc proc "$root/proc"  # /proc/self/exe: how eventmap finds its parts
    mount -t sysfs sysfs "$root/sys"
    mount --bind /dev "$root/dev"
    cp "$deb" "$root/tmp/"
    debname=$(basename "$deb")
    in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

    t1=$SECONDS
    log "apt-get update && apt-get install /tmp/$debname"
    in_root apt-get update -qq >"$root.apt.log" 2>&1 || {
        cat "$root.apt.log" >&2
        die "apt-get update failed in the chroot"
    }
    in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "/tmp/$debname" >>"$root.apt.log" 2>&1 || {
        tail -n 40 "$root.apt.log" >&2
        die "apt-get install of the .deb failed in the chroot"
    }
    log "installed in $((SECONDS - t1)) s: $(grep -Eo '[0-9]+ newly installed' "$root.apt.log" | tail -n1)" \
        "packages, root now $(du -sh --one-file-system "$root" | cut -f1)"
    in_root dpkg-query -W -f='${Package} ${Version}\n' eventmap libgdal32 libglfw3 libegl1 libgl1-mesa-dri

    for f in /usr/libexec/eventmap/eventmap-core /usr/lib/eventmap/eventmap-video.so /usr/lib/eventmap/eventmap-pdf.so /usr/lib/eventmap/eventmap-gdal.so; do
        if in_root ldd "$f" | grep 'not found'; then die "unresolved libraries in $f"; fi
    done
    in_root eventmap --version
    t2=$SECONDS
    log "eventmap render -o /tmp/x.png (in the chroot, no X server, no GPU)"
    in_root sh -c 'cd / && eventmap render -o /tmp/x.png' || die "eventmap render failed in the chroot"
    log "render took $((SECONDS - t2)) s"
    # The modules, opened with dlopen from /usr/lib/eventmap: a PDF and a short clip.
    in_root sh -c 'cd / && eventmap render -o /tmp/x.pdf --size 640x360' || die "PDF render failed in the chroot"
    in_root sh -c 'cd / && eventmap render -o /tmp/x.mp4 --size 320x180 --frames 2024-08-01:2024-08-07:3d' ||
        die "clip render failed in the chroot"
    [ -s "$root/tmp/x.pdf" ] && [ -s "$root/tmp/x.mp4" ] || die "the PDF or the clip is missing"
    cp "$root/tmp/x.png" "$root.x.png"
    exit 0
fi

# --- Stage 1: build the .deb, prepare, then run stage 2 in a private mount namespace ------------------------
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount)"
build=${1:-$here/build-deb}
root=${EVENTMAP_CHROOT_DIR:-/var/tmp/eventmap-deb-chroot}
cache=${EVENTMAP_DEBOOTSTRAP_CACHE:-/var/cache/eventmap-debootstrap}
case "$root" in /*) ;; *) die "EVENTMAP_CHROOT_DIR must be an absolute path" ;; esac
[ "$root" != / ] || die "refusing to use / as the chroot"
start=$SECONDS

# The first enabled `deb` source of this machine's apt configuration whose suites include $1 (one-line
# sources.list format and deb822 .sources files).
apt_source_uri() {
    local want=$1 f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk -v s="$want" '$1 == "deb" {
            i = 2
            if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
            if ($(i + 1) == s) { print $i; exit }
        }' "$f"
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk -v s="$want" 'BEGIN { RS = ""; FS = "\n" }
        {
            types = ""; uris = ""; suites = ""; enabled = "yes"
            for (j = 1; j <= NF; j++) {
                line = $j
                if (line ~ /^#/) continue
                if (match(line, /^[A-Za-z-]+:/)) {
                    key = tolower(substr(line, 1, RLENGTH - 1)); val = substr(line, RLENGTH + 1)
                    gsub(/^[ \t]+|[ \t]+$/, "", val)
                    if (key == "types") types = val; else if (key == "uris") uris = val
                    else if (key == "suites") suites = val; else if (key == "enabled") enabled = tolower(val)
                }
            }
            if (enabled == "no" || (" " types " ") !~ / deb /) next
            if ((" " suites " ") ~ (" " s " ")) { split(uris, u, " "); print u[1]; exit }
        }' "$f"
    done
}
mirror=${EVENTMAP_DEB_MIRROR:-$(apt_source_uri "$suite" | head -n1)}
security=$(apt_source_uri "$suite-security" | head -n1)
[ -n "$mirror" ] || die "no apt source for suite $suite in /etc/apt/sources.list*; set EVENTMAP_DEB_MIRROR"
log "mirror (from apt sources): $mirror; security: ${security:-none}"

for tool in debootstrap unshare chroot; do
    command -v "$tool" >/dev/null && continue
    log "installing debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    break
done

# The package.
if [ ! -f "$build/CMakeCache.txt" ]; then
    log "configuring $build (tests and benchmarks off)"
    cmake -S "$here" -B "$build" -DEVENTMAP_BUILD_TESTS=OFF -DEVENTMAP_BUILD_BENCH=OFF >/dev/null
elif grep -q '^EVENTMAP_BUILD_TESTS:BOOL=ON' "$build/CMakeCache.txt" &&
    ! grep -q '^CMAKE_SKIP_INSTALL_ALL_DEPENDENCY:.*=ON' "$build/CMakeCache.txt"; then
    log "note: cpack builds all of $build, tests included (configure it with -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON to avoid)"
fi
t=$SECONDS
log "building eventmap, eventmap-core"
cmake --build "$build" --target eventmap eventmap-core -j"$(nproc)" >"$build/test_deb_build.log" 2>&1 || {
    tail -n 30 "$build/test_deb_build.log" >&2
    die "build failed"
}
rm -f "$build"/eventmap_*.deb
(cd "$build" && cpack -G DEB >/dev/null) || die "cpack failed"
deb=$(ls "$build"/eventmap_*_"$(dpkg --print-architecture)".deb)
log "built $(basename "$deb") ($(stat -c %s "$deb") bytes) in $((SECONDS - t)) s"

# A clean root. rm --one-file-system never crosses into a mount that might be left over.
if [ -e "$root" ]; then
    grep -q " $root/" /proc/mounts && die "something is still mounted under $root"
    rm -rf --one-file-system "$root"
fi
rm -f "$root".*.log "$root.x.png"
mkdir -p "$root"

rc=0
unshare --mount --propagation private bash "$0" --inside "$root" "$deb" "$mirror" "$security" "$cache" || rc=$?

if [ "$rc" -eq 0 ]; then
    size=$(python3 -c 'import struct,sys; h=open(sys.argv[1],"rb").read(24); assert h[:8]==b"\x89PNG\r\n\x1a\n"; print("%dx%d" % struct.unpack(">II", h[16:24]))' "$root.x.png" 2>/dev/null ||
        file -b "$root.x.png")
    log "PNG from the chroot: $root.x.png ($size)"
fi
if [ "${KEEP_CHROOT:-0}" != 1 ]; then
    grep -q " $root/" /proc/mounts && die "something is still mounted under $root; not deleting it"
    rm -rf --one-file-system "$root"
fi
log "total $((SECONDS - start)) s"
[ "$rc" -eq 0 ] && log "PASS: the .deb installs into a clean Debian 12 root and renders there" || die "FAIL (rc $rc)"
