#pragma once

#include <string>
#include <vector>

#include "core/bbox.hpp"
#include "core/color.hpp"
#include "render/map_scene.hpp"
#include "render/map_style.hpp"

namespace em {

// Where MapRenderer draws the presence tints (countries where one outside party is present, in its colour):
// with the events, every frame (headless pictures, and clips, which fade them), or with the layers under the
// events (the window's cached base map: a still frame then costs no tint at all, and a change of who is present
// redraws only the tiles under the countries whose tint changed; see PresenceTint).
enum class TintsDrawn { kWithEvents, kWithLayers };

// One country's tint as drawn: what a cached picture of it depends on.
struct PresenceTint {
    std::string country;  // ISO alpha-3
    Color color;          // the party's colour at the tint's opacity (MapStyle::presence_tint_opacity x fade)
    bool operator==(const PresenceTint& o) const {
        return country == o.country && color.r == o.color.r && color.g == o.color.g && color.b == o.color.b &&
               color.a == o.color.a;
    }
};

// Whether a country's presence is tinted: one party only (with several, the badges tell; a tint would mislead).
bool is_tinted(const CountryPresence& presence);

// The tints the scene's events draw with this style, in their order (none without events).
std::vector<PresenceTint> presence_tints(const SceneRef& scene, const MapStyle& style);

// The box (projected metres) of the countries whose tint is not the same in `before` and `after` (tinted in one
// only, or differently), over every base level's features of those countries; empty when nothing changed.
BBox changed_tints_box(const SceneRef& scene, const std::vector<PresenceTint>& before,
                       const std::vector<PresenceTint>& after);

}  // namespace em
