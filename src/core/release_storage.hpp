#pragma once

#include <cstddef>
#include <vector>

namespace em {

// Empties a vector and gives its storage back (clear() keeps the capacity); returns the bytes it held, for the
// callers that count what they let go (the window's memory: render/uploaded_vertices, geo/vertex_restore).
template <typename T>
std::size_t release_storage(std::vector<T>& v) {
    const std::size_t bytes = v.capacity() * sizeof(T);
    std::vector<T>().swap(v);
    return bytes;
}

}  // namespace em
