#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <utility>
#include <cstdint>
#include <vector>

namespace em {

// Allocates without zero-filling: a 4K image is 33 MB that is about to be overwritten anyway.
template <typename T>
struct DefaultInitAllocator : std::allocator<T> {
    template <typename U>
    struct rebind {
        using other = DefaultInitAllocator<U>;
    };
    using std::allocator<T>::allocator;
    template <typename U>
    void construct(U* p) noexcept {
        ::new (static_cast<void*>(p)) U;
    }
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};

// An 8-bit RGBA image, rows top to bottom.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t, DefaultInitAllocator<std::uint8_t>> pixels;  // width * height * 4 bytes

    Image() = default;
    // An image whose pixels are left uninitialised (callers overwrite them all).
    Image(int w, int h) : width(w), height(h), pixels(static_cast<std::size_t>(w) * h * 4) {}
    // An image filled with one RGBA value.
    static Image filled(int w, int h, std::uint8_t value) {
        Image img(w, h);
        std::fill(img.pixels.begin(), img.pixels.end(), value);
        return img;
    }
    std::uint8_t* row(int y) { return pixels.data() + static_cast<std::size_t>(y) * width * 4; }
    const std::uint8_t* row(int y) const { return pixels.data() + static_cast<std::size_t>(y) * width * 4; }
};

}  // namespace em
