#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <unordered_set>
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
    // Brings what is derived from the layers' styles up to date before a draw: the classes of every layer
    // coloured by an attribute, the focus countries of every base level. Cheap when nothing changed, so the
    // window calls it every frame; the renderer only reads the result.
    void refresh_derived();
    // Sets capitals from a place table (places with is_capital = yes) and projects them.
    void set_capitals(const PlaceTable& places);
};

// What one draw reads: the layers of a scene by const reference. The renderer draws this and nothing else, so it
// never owns, moves or changes what it draws: the window gives its MapScene (the implicit conversion), a
// headless map gives the layers it keeps, each drawn where it lies.
struct SceneRef {
    struct Base {
        double min_metres_per_pixel = 0;
        const SceneLayer* layer = nullptr;
    };
    const Projection* projection = nullptr;
    std::vector<Base> base;
    const SceneLayer* graticule = nullptr;
    std::vector<const SceneLayer*> overlays;  // drawn in order over the base
    const std::vector<CapitalPoint>* capitals = nullptr;
    const std::set<std::string>* focus_countries = nullptr;
    const EventOverlay* events = nullptr;

    SceneRef() = default;
    SceneRef(const MapScene& scene);  // NOLINT(google-explicit-constructor): every MapScene is drawable as it is

    // The base layer to draw at this scale, as MapScene::base_for; nullptr if none.
    const SceneLayer* base_for(double metres_per_pixel) const;
    bool is_focus(const std::string& iso_a3) const { return focus_countries && focus_countries->count(iso_a3) > 0; }
    // The capitals (none when not given).
    const std::vector<CapitalPoint>& capital_points() const {
        static const std::vector<CapitalPoint> none;
        return capitals ? *capitals : none;
    }
    // The stamps of every mesh a draw of this scene may use (all levels of every layer), for the GPU cache's sweep.
    std::unordered_set<std::uint64_t> mesh_stamps() const;
};

// Whether drawing the scene needs a stencil buffer (FillRenderer): fans counted even-odd always do; translucent
// fills do only where a projection that is not affine in lon/lat can fold a fill's triangles over each other
// (every projection but equirect: there the triangles of a tessellation never overlap, and a translucent fill
// blends each pixel once without the stencil). Without one, GL passes every stencil test.
bool scene_needs_stencil(const SceneRef& scene);

// A graticule as a prepared line layer: meridians and parallels every step degrees.
PreparedLayer make_graticule(double step_degrees = 10.0);

}  // namespace em
