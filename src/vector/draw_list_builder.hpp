#pragma once

#include <functional>

#include "render/camera.hpp"
#include "render/decorations.hpp"
#include "render/font_atlas.hpp"
#include "render/map_scene.hpp"
#include "render/map_style.hpp"
#include "vector/draw_list.hpp"

namespace em {

// Turns the scene into a draw list in the picture's pixels, in MapRenderer::draw's order and with its values:
// the base map (fills as even-odd paths from the projected rings, holes kept, never triangles), borders, the
// graticule, user layers with their styles, presence tints, meeting links with casing, arrowheads and dashes, event
// places, troop markers, capitals and labels (layout_map_labels), then the decorations (layout_decorations).
// The geometry is the level of detail the PNG of the same camera draws (the base level in the scene for the
// camera's metres per pixel, a user layer's coarser level), features outside the picture left out.
// Reads only the CPU side of the scene (prepared and projected meshes, styles, classes, the overlay), as the
// renderer does; font measures text.
DrawList build_draw_list(const SceneRef& scene, const MapStyle& style, const Camera& camera, float pixel_scale,
                         const Decorations& decorations, FontAtlas& font);

// A polygon feature's closed rings in pixels from its outline strip (lon/lat to see where rings close, projected
// for the points), for an even-odd fill; see the comment at the definition. With `within`, rings whose box misses
// that rectangle are left out.
std::vector<std::vector<XY>> polygon_rings(const LayerMesh& lon_lat, const ProjectedMesh& projected,
                                           const ProjectedRange& range, const std::function<XY(XY)>& to_pixels,
                                           const PixelRect* within = nullptr);

}  // namespace em
