#pragma once

#include "render/decorations.hpp"
#include "render/map_scene.hpp"
#include "scene/project.hpp"

namespace em {

// The decorations of an export of `doc` (title, date caption, legend, scale bar, sources line, inset), for the
// window's Export and `eventmap render` alike. `inset_layer` is the 1:110m base layer (projected in the scene's
// projection and its focus countries marked here), or nullptr when the caller has none: then no inset is drawn.
Decorations make_decorations(const Project& doc, const SceneRef& scene, SceneLayer* inset_layer);

}  // namespace em
