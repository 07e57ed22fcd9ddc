#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "geo/layer_cache.hpp"
#include "geo/vector_loader.hpp"
#include "render/scene_layer.hpp"

namespace em {

// Receives, on the loading thread, a first coarse version of a heavy source's layers (their coarsest level of
// detail or a quick coarse copy, already projected) while their levels are still being prepared.
using OverlayPreview = std::function<void(std::vector<SceneLayer>)>;

// Loads every layer of a user's vector file as overlays (through the cache), styled by geometry. Sources over a
// million vertices are simplified to ~100 m; layers over 100k vertices also get coarser levels per zoom band.
// only_layers: read just these layers of a multi-layer source (by name); empty: every layer.
// preview: called at most once, for a layer that has coarser levels: with the coarsest level from the cache before
// the full detail is read from it, or, when the source has to be read, with a quick coarse copy of it
// (app/overlay_preview) as soon as it is read, before any level is simplified.
// parking.park (the window): every level but the coarsest gives up its projected vertices as soon as it is
// projected (geo/vertex_restore; the renderer uploads them from the lon/lat mesh when the view needs them:
// render/chunked_upload),
// except the coarser level drawn at parking.keep_level_drawn_at (metres per pixel; 0: none) -- the view's scale,
// so that the first frames after the load do not project that level again (issue 18: the sweep's frames with
// land10m were 4-8 ms slower while they did). When view_metres_per_pixel is set (the window's), that scale is read
// from it when the levels are projected, not at the start: a --layer file starts loading before the window has a
// view.
struct LevelParkingAtLoad {
    bool park = false;
    double keep_level_drawn_at = 0;
    const std::atomic<double>* view_metres_per_pixel = nullptr;
};
Result<std::vector<SceneLayer>> load_overlay_layers(const std::string& path, const Projection& projection,
                                                    const LayerCache* cache, std::vector<std::string>* warnings,
                                                    const LoadControl& control = {},
                                                    const std::vector<std::string>& only_layers = {},
                                                    const OverlayPreview& preview = {},
                                                    const LevelParkingAtLoad& parking = {});

// What one picture shows of the world: the lon/lat box it covers (a little larger) and its pixel size.
struct PictureView {
    BBox lon_lat;
    double metres_per_pixel = 0;
};

// The PictureView of a camera in a projection, or nullopt when part of its frame has no lon/lat (outside the
// projection's domain).
std::optional<PictureView> picture_view(const BBox& visible, double metres_per_pixel, const Projection& projection);

// Files over this size are "heavy" for load_overlay_for_picture: about a million vertices in a shapefile.
constexpr std::uintmax_t kHeavyFileBytes = 16u << 20;

// For one picture of a heavy file (over heavy_from_bytes; not a database) that the cache does not hold: reads only the features
// that meet the view (GDAL's spatial filter), clips their rings to it, leaves out rings under half a pixel,
// simplifies each ring to half a pixel (shared borders not kept: the two sides then differ by at most that half
// pixel) and fills with fans for the stencil (render/fill_renderer) instead of tessellating. No cache entry and no
// levels of detail: what a one-off `eventmap render` needs, in a fraction of the time. nullopt when the source is
// not such a file (load it with load_overlay_layers).
std::optional<Result<std::vector<SceneLayer>>> load_overlay_for_picture(const std::string& path,
                                                                        const Projection& projection,
                                                                        const PictureView& view,
                                                                        const LayerCache* cache,
                                                                        std::vector<std::string>* warnings,
                                                                        std::uintmax_t heavy_from_bytes = kHeavyFileBytes);

// A default style for a user layer, by geometry kind and its position in the list (for distinct colours).
LayerStyle default_overlay_style(GeometryKind kind, std::size_t index);

}  // namespace em
