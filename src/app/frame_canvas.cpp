#include "app/frame_canvas.hpp"

#include <algorithm>
#include <cmath>

namespace em {

namespace {

// A rectangle of the picture's pixels, x0/y0 from the top-left (rows as the picture is read back: drawn with
// Camera::set_flip_y, they are also GL's rows).
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x0 >= x1 || y0 >= y1; }
    int width() const { return x1 - x0; }
    int height() const { return y1 - y0; }
};

// The pixels a projected box covers, grown by `margin` pixels and cut to the picture.
PixelRect pixels_of(const BBox& box, const Camera& camera, int margin) {
    const XY a = camera.to_screen({box.min_x, box.min_y}), b = camera.to_screen({box.max_x, box.max_y});
    PixelRect r{static_cast<int>(std::floor(std::min(a.x, b.x))) - margin,
                static_cast<int>(std::floor(std::min(a.y, b.y))) - margin,
                static_cast<int>(std::ceil(std::max(a.x, b.x))) + margin,
                static_cast<int>(std::ceil(std::max(a.y, b.y))) + margin};
    r.x0 = std::clamp(r.x0, 0, camera.width());
    r.x1 = std::clamp(r.x1, 0, camera.width());
    r.y0 = std::clamp(r.y0, 0, camera.height());
    r.y1 = std::clamp(r.y1, 0, camera.height());
    return r;
}

}  // namespace

FrameCanvas::Layer FrameCanvas::layer_of(std::uint64_t mesh, const LayerStyle& s) {
    return Layer{mesh,       s.visible,       s.fill_enabled, s.fill,         s.outline,           s.marker.fill,
                 s.marker.stroke, s.outline_width, s.opacity, s.marker.radius, s.marker.stroke_width, s.marker.shape,
                 s.color_field};
}

FrameCanvas::StaticKey FrameCanvas::key_of(const SceneRef& scene, const MapStyle& style, const Camera& camera,
                                           float pixel_scale) {
    const double mpp = camera.metres_per_pixel_x();
    StaticKey key{camera, pixel_scale, {}, {}, {}, {}, style.ocean, style.focus_fill, style.focus_outline,
                  style.focus_outline_scale, style.show_graticule};
    if (const SceneLayer* base = scene.base_for(mpp)) {
        key.base = layer_of(base->drawable(mpp).stamp ^ (base->projected.stamp << 1), style.base);
        key.focus = base->highlight;
    }
    if (scene.graticule) key.graticule = layer_of(scene.graticule->drawable(mpp).stamp, style.graticule);
    for (const SceneLayer* layer : scene.overlays)
        key.overlays.push_back(layer_of(layer->drawable(mpp).stamp ^ (layer->projected.stamp << 1), layer->style));
    return key;
}

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
    const float scale = request.pixel_scale;

    // The same targets as draw_picture's (a stencil only where the scene needs one), kept while the size holds.
    const auto stencil = scene_needs_stencil(scene) ? OffscreenTarget::Stencil::kWith : OffscreenTarget::Stencil::kWithout;
    if (!frame_ || frame_->width() != width || frame_->height() != height || stencil_ != stencil) {
        for (auto* target : {&frame_, &backdrop_, &statics_}) {
            auto made = OffscreenTarget::create(width, height, 0, OffscreenTarget::Storage::kReadBack, stencil);
            if (!made) return made.error();
            *target = std::move(made).value();
        }
        stencil_ = stencil;
        key_.reset();
    }
    StaticKey key = key_of(scene, style, full, scale);
    if (key_ != key) {
        backdrop_->bind();
        renderer.draw_backdrop(scene, style, full);
        statics_->copy_shifted_from(*backdrop_, 0, 0);
        statics_->bind();
        SceneRef without_events = scene;  // no events: no tints
        without_events.events = nullptr;
        renderer.draw_layers(without_events, style, full, scale, 1.0, MapRenderer::BaseFills::kSkip);
        key_ = std::move(key);
        ++statics_drawn_;
    }

    frame_->copy_shifted_from(*statics_, 0, 0);
    frame_->bind();
    const BBox tinted = renderer.presence_tint_extent(scene, full);
    const PixelRect redo = tinted.empty() ? PixelRect{} : pixels_of(tinted, full, 1);
    if (!redo.empty()) {
        // Under the tints again: the backdrop, then tints and everything draw_layers puts over them. The
        // sub-view reaches past the scissor so that lines just outside still draw their edges into it.
        frame_->copy_region_from(*backdrop_, redo.x0, redo.y0, redo.width(), redo.height());
        frame_->bind();
        const int reach = static_cast<int>(std::ceil(16.0f * scale));
        const PixelRect view{std::max(0, redo.x0 - reach), std::max(0, redo.y0 - reach), std::min(width, redo.x1 + reach),
                             std::min(height, redo.y1 + reach)};
        const Camera sub = full.sub_view(view.x0, view.y0, view.width(), view.height());
        glViewport(view.x0, view.y0, view.width(), view.height());
        glEnable(GL_SCISSOR_TEST);
        glScissor(redo.x0, redo.y0, redo.width(), redo.height());
        renderer.draw_layers(scene, style, sub, scale, 1.0, MapRenderer::BaseFills::kSkip);
        glDisable(GL_SCISSOR_TEST);
    }
    renderer.draw_overlays(scene, style, full, scale);  // events and labels, over the whole picture
    draw_decorations(renderer, scene, style, deco, full, scale);
    glFinish();
    return frame_->read(/*drawn_flipped=*/true);
}

}  // namespace em
