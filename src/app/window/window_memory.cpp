#include "app/window/window_memory.hpp"

#include <malloc.h>

namespace em {

namespace {

// Blocks this large or larger are mapped on their own. Small enough for a level's arrays of a few MB (a coarse
// level, a base map level) to be returned when freed; a mapping per block costs a system call and page faults,
// which only blocks of this size pay.
constexpr int kOwnMappingFrom = 1 << 20;
constexpr std::size_t kTrimAfter = 4u << 20;

}  // namespace

void tune_allocator_for_window() { mallopt(M_MMAP_THRESHOLD, kOwnMappingFrom); }

void give_back_freed_memory(std::size_t bytes) {
    if (bytes >= kTrimAfter) malloc_trim(0);
}

}  // namespace em
