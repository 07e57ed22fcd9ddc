#pragma once

#include <cstddef>

namespace em {

// Hands the free pages inside the allocator's heaps back to the system (glibc's malloc_trim; nothing where the C
// library has no such call). Arrays under glibc's mmap threshold (up to 32 MB as it grows) come from the heaps,
// and once freed their pages stay in the process: a mesh assembled from pieces then held the pieces' pages and
// the mesh's at once (issue 18: a cold open of land10m, +250 MB).
void return_free_heap_pages();

// Counts bytes let go and returns the heaps' free pages after every `every` bytes: for loops that free many
// medium-sized arrays while they fill a large one (one call per array would walk the heaps each time).
class HeapPageReturn {
public:
    explicit HeapPageReturn(std::size_t every) : every_(every) {}
    void freed(std::size_t bytes) {
        pending_ += bytes;
        if (pending_ < every_) return;
        return_free_heap_pages();
        pending_ = 0;
    }

private:
    std::size_t every_;
    std::size_t pending_ = 0;
};

}  // namespace em
