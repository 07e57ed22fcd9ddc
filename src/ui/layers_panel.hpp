#pragma once

#include "render/map_scene.hpp"
#include "render/map_style.hpp"

namespace em {

// The layers panel: visibility, fill and outline colour, width, opacity and order of every layer, plus the
// base map's look. Returns true when something changed that needs the map redrawn.
bool draw_layers_panel(MapScene& scene, MapStyle& style);

}  // namespace em
