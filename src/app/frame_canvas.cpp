#include "app/frame_canvas.hpp"

#include <algorithm>

namespace em {

Result<Image> FrameCanvas::draw(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style,
                                const PictureRequest& request, const Decorations& deco) {
    Camera full = request.camera;
    full.set_flip_y(true);  // read back in image row order, as draw_picture
    const int limit = std::min(max_target_size(), 4096);
    const int tile_side = request.max_tile > 0 ? std::min(request.max_tile, limit) : limit;
    const int width = full.width(), height = full.height();
    // A multisampled target cannot take a blit from a single-sampled one (GL 3.3); tiles have no one backdrop.
    if (request.samples > 0 || width > tile_side || height > tile_side)
        return draw_picture(renderer, scene, style, request, deco);

    const SceneLayer* base = scene.base_for(full.metres_per_pixel_x());
    BackdropKey key{full,
                    base ? base->drawable(full.metres_per_pixel_x()).stamp : 0,
                    base ? base->highlight : std::vector<bool>{},
                    style.ocean,
                    style.base.fill,
                    style.focus_fill,
                    style.base.opacity,
                    style.base.visible,
                    style.base.fill_enabled,
                    style.base.color_field};
    // The same targets as draw_picture's (a stencil only where the scene needs one), kept while the size holds.
    const auto stencil = scene_needs_stencil(scene) ? OffscreenTarget::Stencil::kWith : OffscreenTarget::Stencil::kWithout;
    if (!frame_ || frame_->width() != width || frame_->height() != height || stencil_ != stencil) {
        auto backdrop = OffscreenTarget::create(width, height, 0, OffscreenTarget::Storage::kReadBack, stencil);
        if (!backdrop) return backdrop.error();
        auto frame = OffscreenTarget::create(width, height, 0, OffscreenTarget::Storage::kReadBack, stencil);
        if (!frame) return frame.error();
        backdrop_ = std::move(backdrop).value();
        frame_ = std::move(frame).value();
        stencil_ = stencil;
        key_.reset();
    }
    if (key_ != key) {
        backdrop_->bind();
        renderer.draw_backdrop(scene, style, full);
        key_ = std::move(key);
        ++backdrops_drawn_;
    }
    frame_->copy_shifted_from(*backdrop_, 0, 0);
    frame_->bind();
    renderer.draw(scene, style, full, request.pixel_scale, 1.0, nullptr, /*backdrop_there=*/true);
    draw_decorations(renderer, scene, style, deco, full, request.pixel_scale);
    glFinish();
    return frame_->read(/*drawn_flipped=*/true);
}

}  // namespace em
