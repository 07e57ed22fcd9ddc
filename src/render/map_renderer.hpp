#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "render/camera.hpp"
#include "render/fill_renderer.hpp"
#include "render/font_atlas.hpp"
#include "render/line_renderer.hpp"
#include "render/map_labels.hpp"
#include "render/map_scene.hpp"
#include "render/map_style.hpp"
#include "render/marker_renderer.hpp"
#include "render/text_renderer.hpp"

namespace em {

// A rectangle of the full picture being drawn on its own (tiled exports): pixels from the top-left.
struct Tile {
    int x0 = 0, y0 = 0, width = 0, height = 0;
};

// What one draw did, for the status bar and benchmarks.
struct DrawStats {
    std::size_t triangles = 0;
    std::size_t segments = 0;
    std::size_t labels = 0;
    std::string base_level;
};

// Draws a MapScene into whatever framebuffer is bound: the one render path behind the window, exports and
// the headless command. pixel_scale multiplies line widths, marker sizes and text (2 for a 2x export).
class MapRenderer {
public:
    // Compiles shaders and loads the label font (current context).
    static Result<MapRenderer> create(const std::string& font_path);

    // Clears to the ocean colour and draws the base map, graticule, overlays, capitals and labels.
    // With a tile, camera is the full picture's and only the tile is drawn (into a viewport of the tile's
    // size); labels are placed for the full picture so tiles agree.
    DrawStats draw(MapScene& scene, const MapStyle& style, const Camera& camera, float pixel_scale = 1.0f,
                   double lod_bias = 1.0, const Tile* tile = nullptr);
    // Draws only the layers under the labels (used for cached base-map textures); no clear.
    DrawStats draw_layers(MapScene& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                          double lod_bias);
    // Draws the events (links, markers) and all labels over whatever is in the bound framebuffer.
    DrawStats draw_overlays(MapScene& scene, const MapStyle& style, const Camera& camera, float pixel_scale = 1.0f);
    // Draws capitals and labels.
    DrawStats draw_labels(MapScene& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                          double lod_bias, const Tile* tile = nullptr);

    FontAtlas& font() { return font_; }
    FillRenderer& fills() { return fill_; }
    LineRenderer& lines() { return line_; }
    MarkerRenderer& markers() { return marker_; }
    TextRenderer& text() { return text_; }

private:
    FillRenderer fill_;
    LineRenderer line_;
    MarkerRenderer marker_;
    TextRenderer text_;
    FontAtlas font_;

    void draw_fills(SceneLayer& layer, const LayerStyle& style, const Camera& camera, DrawStats& stats);
    void draw_outlines(SceneLayer& layer, const LayerStyle& style, const Camera& camera, float pixel_scale,
                       DrawStats& stats);
    void draw_points(SceneLayer& layer, const LayerStyle& style, const Camera& camera, float pixel_scale);
    void draw_presence_tints(MapScene& scene, SceneLayer& base, const Camera& camera, float presence_tint_opacity);
    void draw_events(MapScene& scene, const Camera& camera, float pixel_scale);
    GpuMesh arrow_mesh_;  // rebuilt every draw: a handful of triangles
};

// Premultiplied-alpha blending, no depth: the state every renderer expects.
void set_map_blend_state();

}  // namespace em
