#pragma once

#include <cstddef>

namespace em {

// The window's peak memory with a heavy layer (issue 18: land10m against QGIS's 1.0 GB). Big arrays come and go
// in the window: a level's projected arrays are let go as the GPU takes them (render/uploaded_vertices), a load's
// intermediate layers once it lands. glibc's allocator kept much of that: its mmap threshold grows to 32 MB as
// large blocks are freed, so later arrays of up to 32 MB came from the heap and stayed in the process after being
// freed (~150 MB with land10m, measured: bench/README.md).

// A frame's share of putting a parked level's vertices back (render/uploaded_vertices' LevelParking): at most 4 ms
// (262,144 points a frame, single-threaded, had raised the zoom's p95 by 30 ms at load 3); land10m's 100 m level
// (12.8 M points) comes back in a second or two of frames, its coarser level standing in meanwhile.
inline constexpr std::size_t kRestorePointsPerFrame = std::size_t{1} << 20;
inline constexpr double kRestoreMsPerFrame = 4.0;

// Every block of 1 MB or more gets its own mapping, returned to the system when freed. Called once, before the
// window loads anything.
void tune_allocator_for_window();

// After a large free (bytes: how much was let go; nothing happens under a few MB), hands the free pages inside
// the heaps back to the system (malloc_trim).
void give_back_freed_memory(std::size_t bytes);

}  // namespace em
