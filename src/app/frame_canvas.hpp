#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/picture.hpp"
#include "render/offscreen_target.hpp"

namespace em {

// Draws the frames of a clip, one after another, into targets it keeps: the same pixels as draw_picture, for
// less work per frame. Between two frames of a clip only the clock moves: presence tints, events, arcs, labels
// and the date stamp change; the base map, the graticule and the user's layers do not, and drawing the base
// map's fills and outlines is most of a frame on llvmpipe. So the static layers (what MapRenderer::draw_layers
// draws: everything under the tints) are drawn once per clip; a frame copies them in (a memory copy on llvmpipe)
// and draws the tints, events, labels and decorations over them, the same operations in the same order as
// draw_picture. The static picture is drawn again when what it shows changes (camera, pixel scale, a layer's
// projected mesh, focus countries, styles). Pictures drawn in tiles or multisampled go to draw_picture. Holds GL
// objects: use and drop it with the context current.
class FrameCanvas {
public:
    Result<Image> draw(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style,
                       const PictureRequest& request, const Decorations& decorations);
    // How often the static picture was drawn (tests: once for a clip whose view does not move).
    int statics_drawn() const { return statics_drawn_; }

private:
    // What the static picture shows; drawn again when any of it changes.
    struct Layer {
        std::uint64_t mesh = 0;  // the projected mesh drawn (a new stamp when re-projected)
        // The layer's style (LayerStyle has no operator==; its fields, the marker's included).
        bool visible = true, fill_enabled = true;
        Color fill, outline, marker_fill, marker_stroke;
        float outline_width = 0, opacity = 1, marker_radius = 0, marker_stroke_width = 0;
        int marker_shape = 0;
        std::string color_field;
        friend bool operator==(const Layer&, const Layer&) = default;
    };
    static Layer layer_of(std::uint64_t mesh, const LayerStyle& style);
    struct StaticKey {
        Camera camera;
        float pixel_scale = 1;
        Layer base, graticule;
        std::vector<Layer> overlays;
        std::vector<bool> focus;
        Color ocean, focus_fill, focus_outline;
        float focus_outline_scale = 1;
        bool show_graticule = true;
        friend bool operator==(const StaticKey&, const StaticKey&) = default;
    };
    static StaticKey key_of(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale);

    std::optional<OffscreenTarget> frame_, statics_;
    OffscreenTarget::Stencil stencil_ = OffscreenTarget::Stencil::kWith;
    std::optional<StaticKey> key_;
    int statics_drawn_ = 0;
};

}  // namespace em
