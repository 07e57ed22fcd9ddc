#include "video/clip_palette.hpp"

#include <zlib.h>

#include <algorithm>

#include <libimagequant.h>

namespace em {

struct ClipPalette::Liq {
    liq_attr* attr = liq_attr_create();
    liq_histogram* histogram = nullptr;
    Liq() {
        if (attr) {
            liq_set_max_colors(attr, 256);
            liq_set_speed(attr, 4);  // speed <= 5 keeps the edge-aware dither map (libimagequant's docs)
            histogram = liq_histogram_create(attr);
        }
    }
    ~Liq() {
        if (histogram) liq_histogram_destroy(histogram);
        if (attr) liq_attr_destroy(attr);
    }
};

namespace {

struct ImageFree {
    void operator()(liq_image* image) const { liq_image_destroy(image); }
};
struct ResultFree {
    void operator()(liq_result* result) const { liq_result_destroy(result); }
};
using LiqImage = std::unique_ptr<liq_image, ImageFree>;
using LiqResult = std::unique_ptr<liq_result, ResultFree>;

}  // namespace

ClipPalette::ClipPalette(int width, int height) : width_(width), height_(height), liq_(std::make_unique<Liq>()) {}

ClipPalette::~ClipPalette() = default;

Status ClipPalette::add(const Image& frame) {
    if (!liq_->attr || !liq_->histogram) return Error{"GIF palette: libimagequant could not start"};
    if (frame.width != width_ || frame.height != height_)
        return Error{"GIF palette: frame is " + std::to_string(frame.width) + "x" + std::to_string(frame.height) +
                     ", the clip " + std::to_string(width_) + "x" + std::to_string(height_)};
    LiqImage image(liq_image_create_rgba(liq_->attr, frame.pixels.data(), width_, height_, 0));
    if (!image || liq_histogram_add_image(liq_->histogram, liq_->attr, image.get()) != LIQ_OK)
        return Error{"GIF palette: libimagequant refused a frame"};
    uLongf size = compressBound(frame.pixels.size());
    std::string packed(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size, frame.pixels.data(), frame.pixels.size(), 1) != Z_OK)
        return Error{"GIF palette: out of memory keeping frame " + std::to_string(stored_.size() + 1)};
    packed.resize(size);
    stored_.push_back(std::move(packed));
    return Ok{};
}

Status ClipPalette::keep_colour(std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    if (!liq_->histogram) return Error{"GIF palette: libimagequant could not start"};
    if (liq_histogram_add_fixed_color(liq_->histogram, liq_color{r, g, b, 255}, 0) != LIQ_OK)
        return Error{"GIF palette: too many fixed colours"};
    return Ok{};
}

namespace {

std::uint32_t argb(const liq_color& c) {
    return 0xFF000000u | (std::uint32_t(c.r) << 16) | (std::uint32_t(c.g) << 8) | c.b;
}

}  // namespace

Status ClipPalette::remap_all(float dithering, const UseFrame& use) {
    if (stored_.empty()) return Error{"GIF palette: no frames"};
    liq_result* raw = nullptr;
    if (liq_histogram_quantize(liq_->histogram, liq_->attr, &raw) != LIQ_OK || !raw)
        return Error{"GIF palette: libimagequant could not make a palette"};
    LiqResult clip(raw);
    // libimagequant refines a palette a little with each image it remaps (a K-means step), so remapping every
    // frame with `clip` would give each frame its own palette. Instead the clip's palette is frozen: a second
    // result made of it as fixed colours, which remapping never moves.
    const liq_palette clip_palette = *liq_get_palette(clip.get());
    Liq frozen;
    if (!frozen.histogram) return Error{"GIF palette: libimagequant could not start"};
    // (libimagequant will not quantize a histogram of fixed colours alone, so they are also its entries.)
    std::vector<liq_histogram_entry> entries;
    for (unsigned k = 0; k < clip_palette.count; ++k) {
        entries.push_back(liq_histogram_entry{clip_palette.entries[k], 1});
        if (liq_histogram_add_fixed_color(frozen.histogram, clip_palette.entries[k], 0) != LIQ_OK)
            return Error{"GIF palette: libimagequant refused the clip's palette"};
    }
    if (liq_histogram_add_colors(frozen.histogram, frozen.attr, entries.data(), static_cast<int>(entries.size()), 0) !=
        LIQ_OK)
        return Error{"GIF palette: libimagequant refused the clip's palette"};
    raw = nullptr;
    if (liq_histogram_quantize(frozen.histogram, frozen.attr, &raw) != LIQ_OK || !raw)
        return Error{"GIF palette: libimagequant could not freeze the palette"};
    LiqResult result(raw);
    liq_set_dithering_level(result.get(), dithering);

    Image rgba(width_, height_);
    std::vector<std::uint8_t> indices(static_cast<std::size_t>(width_) * height_);
    std::uint32_t palette[256] = {};
    unsigned count = 0;
    for (std::size_t i = 0; i < stored_.size(); ++i) {
        uLongf size = rgba.pixels.size();
        if (uncompress(rgba.pixels.data(), &size, reinterpret_cast<const Bytef*>(stored_[i].data()),
                       stored_[i].size()) != Z_OK ||
            size != rgba.pixels.size())
            return Error{"GIF palette: frame " + std::to_string(i + 1) + " could not be restored"};
        LiqImage image(liq_image_create_rgba(frozen.attr, rgba.pixels.data(), width_, height_, 0));
        if (!image || liq_write_remapped_image(result.get(), image.get(), indices.data(), indices.size()) != LIQ_OK)
            return Error{"GIF palette: libimagequant could not remap frame " + std::to_string(i + 1)};
        const liq_palette* p = liq_get_palette(result.get());
        if (i == 0) {
            count = std::min(p->count, 256u);
            for (unsigned k = 0; k < count; ++k) palette[k] = argb(p->entries[k]);
        } else {
            // The indices of every frame must mean the same colours; the frozen palette guarantees it.
            bool same = p->count == count;
            for (unsigned k = 0; same && k < count; ++k) same = palette[k] == argb(p->entries[k]);
            if (!same) return Error{"GIF palette: the palette changed at frame " + std::to_string(i + 1)};
        }
        std::string().swap(stored_[i]);  // free as we go
        if (auto ok = use(indices, palette); !ok) return ok;
    }
    return Ok{};
}

}  // namespace em
