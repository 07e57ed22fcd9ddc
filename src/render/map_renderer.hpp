#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "render/bin_renderer.hpp"
#include "render/camera.hpp"
#include "render/dot_renderer.hpp"
#include "render/fill_renderer.hpp"
#include "render/font_atlas.hpp"
#include "render/gpu_mesh_cache.hpp"
#include "render/line_renderer.hpp"
#include "render/map_labels.hpp"
#include "render/map_scene.hpp"
#include "render/map_style.hpp"
#include "render/marker_renderer.hpp"
#include "render/presence_tints.hpp"
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

// Draws a scene into whatever framebuffer is bound: the one render path behind the window, exports and the
// headless command. pixel_scale multiplies line widths, marker sizes and text (2 for a 2x export). The scene is
// read, never changed (call MapScene::refresh_derived after changing styles); the GPU copies of its meshes are
// the renderer's own (gpu_meshes), uploaded on first draw and freed by sweep.
class MapRenderer {
public:
    // Compiles shaders and loads the label font (current context); glyphs made in earlier runs come from
    // glyph_cache_dir (none: every glyph is made from the font; see FontAtlas::save_glyphs).
    static Result<MapRenderer> create(const std::string& font_path, const std::filesystem::path& glyph_cache_dir = {});

    // Clears to the ocean colour and draws the base map, graticule, user layers, then the events (presence tints,
    // point events, links, markers), capitals and labels.
    // With a tile, camera is the full picture's and only the tile is drawn (into a viewport of the tile's
    // size); labels are placed for the full picture so tiles agree.
    DrawStats draw(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale = 1.0f,
                   double lod_bias = 1.0, const Tile* tile = nullptr);
    // Draws only the layers under the events and labels: the base map, graticule and user layers, which do not
    // change while the clock runs (the window's cached base map, a clip's static picture); no clear. The presence
    // tints, over every layer, are drawn here only when asked (TintsDrawn::kWithLayers: the window's cache, which
    // redraws the tiles under a tint that changes); otherwise with the events (draw_overlays), so that a clip's
    // fading tints never redraw its static picture. `cull`, if
    // given, is the part of the camera's view to draw (a tile under a scissor): features outside it are skipped,
    // and the pixels inside are exactly those of the whole draw, the transform being the camera's; the stencil is
    // then cleared under the scissor only.
    DrawStats draw_layers(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                          double lod_bias, const BBox* cull = nullptr, TintsDrawn tints = TintsDrawn::kWithEvents);
    // Draws the events (presence tints unless draw_layers drew them, links, markers) and all labels over whatever
    // is in the bound framebuffer, in the camera's size with its bottom-left corner at (viewport_x, viewport_y)
    // (the window's map area; clip with a scissor).
    DrawStats draw_overlays(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale = 1.0f,
                            int viewport_x = 0, int viewport_y = 0, TintsDrawn tints = TintsDrawn::kWithEvents);
    // Draws capitals and labels.
    DrawStats draw_labels(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                          double lod_bias, const Tile* tile = nullptr);

    // Draws one translucent fill that covers no pixel (a triangle without area) into the bound framebuffer, as a
    // user layer's default fill is drawn (blended, a stencil value per feature). llvmpipe compiles a fragment pipeline
    // for each state and framebuffer it first draws with (0.1-0.4 s); the window has it compiled while a layer loads,
    // so that the frame the layer arrives in does not (issue 18: no frame over 100 ms while loading).
    void prepare_translucent_fill(const Camera& camera);

    // Frees the GPU copies of meshes the scene no longer has (removed or reprojected layers, old event arcs).
    void sweep(const SceneRef& scene) { gpu_.keep_only(scene.mesh_stamps()); }

    // Staged uploads, for the window's spread redraws (BaseMapCache): while on, a layer's level of detail that is
    // not wholly on the GPU yet is uploaded within the frame's allowance (GpuMeshCache::begin_frame), and the
    // finest coarser level that is on the GPU is drawn in its place (a stand-in; without one, the coarsest level,
    // uploaded at once). Off (the default: exports, headless pictures, tests), every draw uploads at once and draws
    // exactly the level asked for.
    void set_staged_uploads(bool on) { staged_ = on; }
    // How many layer draws used a stand-in level, ever: a spread redraw compares it before and after.
    std::uint64_t stand_ins() const { return stand_ins_; }
    // Uploads, within the frame's allowance, the levels the overlays are drawn with at metres_per_pixel; true once
    // every one of them is on the GPU (a picture drawn with stand-ins can then be drawn again).
    bool stage_levels(const SceneRef& scene, double metres_per_pixel);
    GpuMeshCache& gpu_meshes() { return gpu_; }

    FontAtlas& font() { return font_; }
    FillRenderer& fills() { return fill_; }
    LineRenderer& lines() { return line_; }
    MarkerRenderer& markers() { return marker_; }
    TextRenderer& text() { return text_; }

private:
    FillRenderer fill_;
    LineRenderer line_;
    MarkerRenderer marker_;
    BinRenderer bins_;  // hexagon bins of point events, one draw
    DotRenderer dots_;  // point events' dots, one draw
    TextRenderer text_;
    FontAtlas font_;
    GpuMeshCache gpu_;
    bool staged_ = false;
    std::uint64_t stand_ins_ = 0;

    // The level of detail of layer drawn at metres_per_pixel: layer.drawable, or a stand-in while staging.
    const ProjectedMesh& level_for(const SceneLayer& layer, double metres_per_pixel);
    // The GPU copy of one of layer's levels (a parked one is uploaded from its lon/lat mesh if not held yet).
    const GpuMesh& gpu_level(const SceneLayer& layer, const ProjectedMesh& level);

    void draw_fills(const SceneLayer& layer, const LayerStyle& style, const Camera& camera, const BBox& cull,
                    DrawStats& stats);
    // The base map's fills and its focus countries' fills.
    void draw_base_fills(const SceneLayer& base, const MapStyle& style, const Camera& camera, const BBox& cull,
                         DrawStats& stats);
    void draw_outlines(const SceneLayer& layer, const LayerStyle& style, const Camera& camera, const BBox& cull,
                       float pixel_scale, DrawStats& stats);
    void draw_points(const SceneLayer& layer, const LayerStyle& style, const Camera& camera, float pixel_scale);
    // Countries where one outside party is present, in its colour, from the base level drawn at this scale; only
    // their parts that meet `cull`.
    void draw_presence_tints(const SceneRef& scene, const MapStyle& style, const Camera& camera, const BBox& cull,
                             double lod_bias);
    void draw_events(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                     double lod_bias, TintsDrawn tints);
    GpuMesh arrow_mesh_;  // rebuilt every draw: a handful of triangles
};

// Premultiplied-alpha blending, no depth: the state every renderer expects.
void set_map_blend_state();

}  // namespace em
