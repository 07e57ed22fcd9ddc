#pragma once

#include <cstddef>

namespace em {

// The window's peak memory with a heavy layer (issue 18: land10m against QGIS's 1.0 GB). Big arrays come and go
// in the window: a level's projected arrays are let go as the GPU takes them and parked levels' vertices as the
// view leaves them (render/uploaded_vertices). glibc's mmap threshold grows to 32 MB as large blocks are freed, so
// arrays of up to 32 MB come from the heap, and once freed they stay in the process unless the heap is trimmed.
// Blocks of 8 MB or more are mapped on their own, so they go back when freed; at 1 MB the frames' own large
// allocations faulted in fresh pages every frame (sweep and scrub p95 ~7 ms worse; bench/README.md).

// Every block of 8 MB or more gets its own mapping, returned to the system when freed.
void tune_allocator_for_window();

// After a large free (bytes: how much was let go; nothing happens under a few MB), hands the free pages inside
// the heaps back to the system (malloc_trim).
void give_back_freed_memory(std::size_t bytes);

}  // namespace em
