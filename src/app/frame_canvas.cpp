#include "app/frame_canvas.hpp"

#include <algorithm>
#include <cmath>

namespace em {

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
        for (auto* target : {&frame_, &statics_}) {
            auto made = OffscreenTarget::create(width, height, 0, OffscreenTarget::Storage::kReadBack, stencil);
            if (!made) return made.error();
            *target = std::move(made).value();
        }
        stencil_ = stencil;
        key_.reset();
    }
    StaticKey key = key_of(scene, style, full, scale);
    if (key_ != key) {
        statics_->bind();
        glViewport(0, 0, width, height);
        glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        renderer.draw_layers(scene, style, full, scale, 1.0);
        key_ = std::move(key);
        ++statics_drawn_;
    }
    frame_->copy_shifted_from(*statics_, 0, 0);
    frame_->bind();
    renderer.draw_overlays(scene, style, full, scale);  // tints, events and labels
    draw_decorations(renderer, scene, style, deco, full, scale);
    glFinish();
    return frame_->read(/*drawn_flipped=*/true);
}

}  // namespace em
