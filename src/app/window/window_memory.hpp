#pragma once

#include <cstddef>

namespace em {

// The window's peak memory with a heavy layer (issue 18: land10m against QGIS's 1.0 GB). Big arrays come and go
// in the window: a level's projected arrays are let go as the GPU takes them and parked levels' vertices as the
// view leaves them (render/uploaded_vertices). glibc's mmap threshold grows to 32 MB as large blocks are freed, so
// arrays of up to 32 MB come from the heap, and once freed they stay in the process unless the heap is trimmed.
// (Mapping every block of 1 MB or more on its own, mallopt(M_MMAP_THRESHOLD), returned them too, but made the
// frames' own allocations of that size fault in fresh pages every frame: sweep and scrub p95 7 ms worse, for no
// gain in peak once levels were parked; bench/README.md.)

// A frame's share of putting a parked level's vertices back (render/uploaded_vertices' LevelParking): at most 4 ms
// (262,144 points a frame, single-threaded, had raised the zoom's p95 by 30 ms at load 3); land10m's 100 m level
// (12.8 M points) comes back in a second or two of frames, its coarser level standing in meanwhile.
inline constexpr std::size_t kRestorePointsPerFrame = std::size_t{1} << 20;
inline constexpr double kRestoreMsPerFrame = 4.0;

// After a large free (bytes: how much was let go; nothing happens under a few MB), hands the free pages inside
// the heaps back to the system (malloc_trim).
void give_back_freed_memory(std::size_t bytes);

}  // namespace em
