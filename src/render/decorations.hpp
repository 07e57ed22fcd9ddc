#pragma once

#include <string>
#include <vector>

#include "render/map_renderer.hpp"

namespace em {

// One row of an export's legend.
struct LegendEntry {
    enum class Symbol { kSwatch, kMarker, kLine, kDashedLine, kTint };
    Symbol symbol = Symbol::kSwatch;
    std::string label;
    Color color;
    MarkerShape shape = kCircle;
};

// What an exported picture carries besides the map: each part can be switched off.
struct Decorations {
    std::string title;
    std::string subtitle;
    std::string when;  // the date or window shown, e.g. "13 Aug 2024 - events of the 30 days before"
    bool legend = true;
    std::vector<LegendEntry> legend_entries;
    bool scale_bar = true;
    std::string attribution;
    bool inset = false;
    const SceneLayer* inset_layer = nullptr;  // a coarse base layer for the locator map (same projection, focus marked)
};

// The legend entries for what the scene shows: the user's layers (by class where coloured by an attribute),
// the parties of the visible events, the marker kinds, calls, presence.
std::vector<LegendEntry> legend_for(const SceneRef& scene, const MapStyle& style = {});

// A round scale-bar length (1, 2 or 5 times a power of ten, in metres) no longer than max_metres.
double nice_scale_length(double max_metres);

// Draws the decorations over the map in the bound framebuffer. camera is the full picture's; with a tile only
// that part is drawn (the decorations are laid out for the full picture, so tiles agree).
void draw_decorations(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, const Decorations& deco,
                      const Camera& camera, float pixel_scale, const Tile* tile = nullptr);

}  // namespace em
