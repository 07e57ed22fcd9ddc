#pragma once

#include <string>

#include "app/window/window_panels.hpp"
#include "app/window/window_view.hpp"
#include "render/map_renderer.hpp"
#include "render/map_scene.hpp"
#include "ui/key_presses.hpp"

#include "app/event_state.hpp"

namespace em {

// The export panel. An export it asks for (its button, or Ctrl+S / F12 in `keys`) draws the window's document
// (window_document: framed exactly as on screen, the decorations the panel chose) through the same decorations
// as `eventmap render`, and writes it as a PNG, PDF or SVG by the file's extension (vector/: the draw list), with
// the project beside it when the panel asks (so `eventmap render --project` redraws the same picture); the
// outcome shows in the panel and the status bar.
// Leaves the window's framebuffer bound.
void draw_export_panel_and_write(PanelsState& panels, MapRenderer& renderer, MapScene& scene, const MapStyle& style,
                                 const MapView& view, const EventState& events, const KeyPresses& keys, int samples);

// "maps/army.png" -> "maps/army.project.json": where an export's project is saved.
std::string project_path_beside(const std::string& picture_path);

}  // namespace em
