#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "geo/layer_cache.hpp"
#include "geo/vector_loader.hpp"
#include "render/scene_layer.hpp"

namespace em {

// Receives, on the loading thread, a first coarse version of a heavy source's layers (their coarsest level of
// detail, already projected) while their finer levels are still being prepared.
using OverlayPreview = std::function<void(std::vector<SceneLayer>)>;

// Loads every layer of a user's vector file as overlays (through the cache), styled by geometry. Sources over a
// million vertices are simplified to ~100 m; layers over 100k vertices also get coarser levels per zoom band.
// only_layers: read just these layers of a multi-layer source (by name); empty: every layer.
// preview: called at most once, with the coarsest level of a layer that has coarser levels: from the cache before
// the full detail is read from it, or when the source has to be prepared, before the finer levels are.
Result<std::vector<SceneLayer>> load_overlay_layers(const std::string& path, const Projection& projection,
                                                    const LayerCache* cache, std::vector<std::string>* warnings,
                                                    const LoadControl& control = {},
                                                    const std::vector<std::string>& only_layers = {},
                                                    const OverlayPreview& preview = {});

// A default style for a user layer, by geometry kind and its position in the list (for distinct colours).
LayerStyle default_overlay_style(GeometryKind kind, std::size_t index);

}  // namespace em
