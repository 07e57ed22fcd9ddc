#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "app/picture.hpp"
#include "render/offscreen_target.hpp"

namespace em {

// Draws the frames of a clip, one after another, into targets it keeps: the same pixels as draw_picture, for
// less work per frame. Between two frames of a clip only the clock moves: events, arcs, presence tints, labels
// and the date stamp change, the base map's fills do not. Those fills (with the ocean and the focus countries)
// are the "backdrop": drawn once into a texture of their own (MapRenderer::draw_backdrop) and copied into each
// frame (a memory copy on llvmpipe), over which the rest is drawn in the usual order (tints, outlines,
// graticule, layers, events, labels, decorations). The backdrop is drawn again when what it shows changes
// (camera, base level or its projection, focus countries, the fill styles). The frame's target is kept too, so a
// frame allocates and clears no 8 MB framebuffer. Pictures drawn in tiles or multisampled go to draw_picture.
// Holds GL objects: use and drop it with the context current.
class FrameCanvas {
public:
    Result<Image> draw(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style,
                       const PictureRequest& request, const Decorations& decorations);
    // How often the backdrop was drawn (tests: once for a clip whose view does not move).
    int backdrops_drawn() const { return backdrops_drawn_; }

private:
    // What the backdrop shows; drawn again when any of it changes.
    struct BackdropKey {
        Camera camera;
        std::uint64_t base_mesh = 0;  // the base level's projected mesh (a new stamp when re-projected)
        std::vector<bool> focus;
        Color ocean, fill, focus_fill;
        float opacity = 1;
        bool visible = true, fill_enabled = true;
        std::string color_field;
        friend bool operator==(const BackdropKey&, const BackdropKey&) = default;
    };

    std::optional<OffscreenTarget> frame_, backdrop_;
    OffscreenTarget::Stencil stencil_ = OffscreenTarget::Stencil::kWith;
    std::optional<BackdropKey> key_;
    int backdrops_drawn_ = 0;
};

}  // namespace em
