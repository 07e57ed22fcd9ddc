#include "app/window/window_memory.hpp"

#include <malloc.h>

#include "core/heap_pages.hpp"

namespace em {

namespace {

constexpr std::size_t kTrimAfter = 4u << 20;
constexpr int kOwnMappingFrom = 8 << 20;

}  // namespace

void tune_allocator_for_window() { mallopt(M_MMAP_THRESHOLD, kOwnMappingFrom); }

void give_back_freed_memory(std::size_t bytes) {
    if (bytes >= kTrimAfter) return_free_heap_pages();
}

}  // namespace em
