#pragma once

#include <set>
#include <string>
#include <vector>

#include "events/places.hpp"
#include "geo/projection.hpp"
#include "render/event_overlay.hpp"
#include "render/scene_layer.hpp"

namespace em {

// One level of detail of the base map: used when the view's metres per pixel is at least min_metres_per_pixel.
struct BaseLevel {
    double min_metres_per_pixel = 0;
    SceneLayer layer;
};

// A capital drawn as a labelled point.
struct CapitalPoint {
    std::string name;
    std::string iso_a3;
    GeoPoint position;
    std::optional<XY> projected;
};

// Everything the map shows, independent of any window: the base map at several levels of detail, the
// graticule, user layers and capitals, all in one projection.
struct MapScene {
    Projection projection;
    std::vector<BaseLevel> base;  // any order; see base_for
    SceneLayer graticule;
    std::vector<SceneLayer> overlays;  // user layers, drawn in order over the base
    std::vector<CapitalPoint> capitals;
    std::set<std::string> focus_countries{"MLI", "BFA", "NER", "TCD", "CAF"};
    std::optional<EventOverlay> events;  // meeting links, troop markers and presence for the current window

    // Switches projection: reprojects every layer from its prepared lon/lat data (no file is read again).
    void set_projection(const Projection& p);
    // The base level to draw at this scale (the coarsest whose threshold the scale reaches); nullptr if none.
    BaseLevel* base_for(double metres_per_pixel);
    // Marks focus countries in a base layer by its iso_a3 field.
    void mark_focus(SceneLayer& layer) const;
    // Sets capitals from a place table (places with is_capital = yes) and projects them.
    void set_capitals(const PlaceTable& places);
};

// A graticule as a prepared line layer: meridians and parallels every step degrees.
PreparedLayer make_graticule(double step_degrees = 10.0);

}  // namespace em
