#pragma once

#include "app/window_panels.hpp"
#include "app/window_view.hpp"
#include "render/map_renderer.hpp"
#include "render/map_scene.hpp"
#include "ui/key_presses.hpp"

namespace em {

// The export panel. An export it asks for (its button, or Ctrl+S / F12 in `keys`) is drawn at once, framed as on
// screen (the view's extent fitted into the export's size) with the decorations the panel chose, and written as a
// PNG; the outcome shows in the panel and the status bar. Leaves the window's framebuffer bound.
void draw_export_panel_and_write(PanelsState& panels, MapRenderer& renderer, MapScene& scene, const MapStyle& style,
                                 const MapView& view, const KeyPresses& keys, int samples);

}  // namespace em
