#pragma once

#include <cstddef>

#include "core/bbox.hpp"
#include "render/camera.hpp"
#include "render/map_scene.hpp"
#include "render/map_style.hpp"

namespace em {

// The primitives (fill triangles and outline segments) MapRenderer::draw_layers would draw within `cull` for
// this camera, as its DrawStats count them, without drawing. On llvmpipe a draw's time grows with these (about
// 0.45 us each with land10m), so the base-map cache can cut a busy tile smaller before drawing it rather than
// find out after a 90-ms frame. CPU only: reads the projected meshes, uploads nothing.
std::size_t layers_work(const SceneRef& scene, const MapStyle& style, const Camera& camera, double lod_bias,
                        const BBox& cull);

}  // namespace em
