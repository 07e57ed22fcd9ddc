#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/image.hpp"
#include "core/result.hpp"

namespace em {

// One 256-colour palette for a whole GIF clip, made with libimagequant (Debian's libimagequant 2.17): every
// frame is added to one histogram as it arrives and kept deflated in memory (a map compresses 10-30x); at the
// end the palette is computed once and each frame remapped to it. One palette means a GIF's global colour
// table, no flicker between frames, and colours that do not shift as events come and go. libimagequant's
// dithering is edge-aware (it dithers gradients, not the pixels next to sharp edges), so thin arcs and text stay
// clean while the sea and land ramps do not band.
class ClipPalette {
public:
    ClipPalette(int width, int height);
    ~ClipPalette();
    ClipPalette(const ClipPalette&) = delete;
    ClipPalette& operator=(const ClipPalette&) = delete;

    // Adds a frame (width x height RGBA) to the histogram and keeps it for remapping.
    Status add(const Image& frame);
    // Keeps this colour exactly in the palette (e.g. an actor's colour, so its arcs keep their hue).
    Status keep_colour(std::uint8_t r, std::uint8_t g, std::uint8_t b);
    int frames() const { return static_cast<int>(stored_.size()); }

    // Computes the palette and calls `use` for each frame in order with its palette indices (width x height,
    // rows top to bottom) and the palette as 0xAARRGGBB (FFmpeg's PAL8 layout). Stops at the first error.
    using UseFrame = std::function<Status(const std::vector<std::uint8_t>& indices, const std::uint32_t* palette)>;
    Status remap_all(float dithering, const UseFrame& use);

private:
    struct Liq;  // libimagequant's handles
    int width_, height_;
    std::unique_ptr<Liq> liq_;
    std::vector<std::string> stored_;  // each frame's RGBA, deflated (zlib level 1)
};

}  // namespace em
