#include "app/window/window_memory.hpp"

#include <malloc.h>

namespace em {

namespace {

constexpr std::size_t kTrimAfter = 4u << 20;

}  // namespace

void give_back_freed_memory(std::size_t bytes) {
    if (bytes >= kTrimAfter) malloc_trim(0);
}

}  // namespace em
