#include "app/picture.hpp"

#include <algorithm>

#include "render/offscreen_target.hpp"

namespace em {

std::string window_caption(const TimeWindow& w) {
    switch (w.mode) {
        case WindowMode::kTrailing:
            return FuzzyDate::of(w.at).display() +
                   (w.days > 0 ? " - events of the " + std::to_string(w.days) + " days before, presence on the day"
                               : " - events and presence on the day");
        case WindowMode::kCumulative: return "All events up to " + FuzzyDate::of(w.at).display();
        case WindowMode::kRange:
            return "Events from " + FuzzyDate::of(w.first()).display() + " to " + FuzzyDate::of(w.last()).display() +
                   ", presence on the last day";
    }
    return "";
}

Result<Image> draw_picture(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, const PictureRequest& request,
                           const Decorations& deco) {
    Camera full = request.camera;
    full.set_flip_y(true);  // read back in image row order, no copy
    const int limit = std::min(max_target_size(), 4096);
    const int tile_side = request.max_tile > 0 ? std::min(request.max_tile, limit) : limit;
    const int width = full.width(), height = full.height();
    const float scale = request.pixel_scale;
    const auto stencil = scene_needs_stencil(scene) ? OffscreenTarget::Stencil::kWith : OffscreenTarget::Stencil::kWithout;
    if (width <= tile_side && height <= tile_side) {
        auto target = OffscreenTarget::create(width, height, request.samples, OffscreenTarget::Storage::kReadBack, stencil);
        if (!target) return target.error();
        target->bind();
        renderer.draw(scene, style, full, scale);
        draw_decorations(renderer, scene, style, deco, full, scale);
        glFinish();
        return target->read(/*drawn_flipped=*/true);
    }
    Image image(width, height);
    const int cols = (width + tile_side - 1) / tile_side, rows = (height + tile_side - 1) / tile_side;
    std::vector<bool> done(static_cast<size_t>(cols) * rows, false);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const Tile tile{c * tile_side, r * tile_side, std::min(tile_side, width - c * tile_side),
                            std::min(tile_side, height - r * tile_side)};
            auto target = OffscreenTarget::create(tile.width, tile.height, request.samples,
                                                  OffscreenTarget::Storage::kReadBack, stencil);
            if (!target) return target.error();
            target->bind();
            renderer.draw(scene, style, full, scale, 1.0, &tile);
            draw_decorations(renderer, scene, style, deco, full, scale, &tile);
            const Image part = target->read(/*drawn_flipped=*/true);
            if (part.width != tile.width || part.height != tile.height)
                return Error{"tile " + std::to_string(c) + "," + std::to_string(r) + " came back the wrong size"};
            for (int y = 0; y < tile.height; ++y)
                std::copy_n(part.row(y), static_cast<size_t>(tile.width) * 4,
                            image.row(tile.y0 + y) + static_cast<size_t>(tile.x0) * 4);
            done[static_cast<size_t>(r) * cols + c] = true;
        }
    }
    if (std::find(done.begin(), done.end(), false) != done.end()) return Error{"export incomplete: a tile is missing"};
    for (size_t i = 3; i < image.pixels.size(); i += 4)
        if (image.pixels[i] != 255)
            return Error{"export incomplete: pixel " + std::to_string(i / 4 % width) + "," +
                         std::to_string(i / 4 / width) + " was not drawn"};
    return image;
}

}  // namespace em
