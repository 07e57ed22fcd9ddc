#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "events/presence.hpp"
#include "events/time_filter.hpp"
#include "geo/projection.hpp"
#include "render/camera.hpp"
#include "render/marker_renderer.hpp"
#include "render/point_events.hpp"
#include "render/scene_layer.hpp"

namespace em {

// One drawn link: every visible meeting (or every call) from one place to another, aggregated with a count.
struct EventLink {
    std::vector<const Event*> events;  // newest last
    bool call = false;                 // calls are dashed
    Color color;
    float opacity = 1.0f;  // window weight and confidence combined
    float width = 1.8f;    // pixels at scale 1
    bool uncertain = false;  // every event of the link is uncertain
};

// One troop-presence change drawn at its place.
struct TroopMarker {
    const Event* event = nullptr;
    GeoPoint position;
    int slot = 0;  // index among markers at the same place, for fanning them out
    MarkerStyle style;
    float opacity = 1.0f;
};

// A place an event names that is not a capital (bases, venues such as Kubinka): drawn as a small dot with
// its name.
struct EventPlaceMark {
    std::string name;
    GeoPoint position;
};

// The outside parties present in a country on the window's last day.
struct CountryPresence {
    std::string country;  // ISO alpha-3
    std::vector<std::string> parties;
    std::vector<const PresenceInterval*> intervals;
    float opacity = 1.0f;   // of the tint: clips fade it in and out (render/clip_motion)
    bool departed = false;  // clips: a force that has just left, its tint fading out (no badge)
};

// Everything the events add to the map for one time window and filter: link arcs (great circles, cut at the
// antimeridian, in a SceneLayer whose feature i is links[i]), troop markers and presence by country. Built on
// the CPU; the arcs layer is projected and uploaded like any other layer.
struct EventOverlay {
    SceneLayer arcs;
    std::vector<EventLink> links;
    std::vector<TroopMarker> markers;
    std::vector<CountryPresence> presence;
    std::vector<EventPlaceMark> places;  // link ends and troop places (capitals excluded by the renderer)
    TimeWindow window;
    std::size_t visible_count = 0;  // events that passed the window and filter
    PointEvents points;             // incidents (ACLED rows): dots or hexagon bins (render/point_events)

    // Reprojects the arcs and the point events.
    void set_projection(const Projection& p) {
        arcs.reproject(p);
        points.set_projection(p);
    }
};

// Builds the overlay for the events visible in the window and passing the filter; links and markers take their
// colours from `colors` (the map style's: MapStyle::events).
EventOverlay build_event_overlay(const std::vector<Event>& events, const PresenceIndex& presence,
                                 const TimeWindow& window, const EventFilter& filter, const Projection& projection,
                                 const EventMarkColors& colors = {});
// The same from the visible events already found for that window and filter (by visible_events, or by a
// VisibleEventIndex when the slider moves over the same events many times).
EventOverlay build_event_overlay(std::vector<VisibleEvent> visible, const PresenceIndex& presence,
                                 const TimeWindow& window, const EventFilter& filter, const Projection& projection,
                                 const EventMarkColors& colors = {});

// The same from visible events already in first-day order (VisibleEventIndex::visible_by_first_day: what the
// function above sorts them into), with the incidents' places and cells from `incidents` when it is made for these
// events and projection (null: projected here). A slider step's overlay: nothing sorted, little projected.
EventOverlay build_event_overlay_by_day(std::vector<VisibleEvent> by_day, const PresenceIndex& presence,
                                        const TimeWindow& window, const EventFilter& filter,
                                        const Projection& projection, const EventMarkColors& colors,
                                        std::shared_ptr<IncidentCache> incidents);

// Where a troop marker is drawn on screen: its place, fanned out in a small circle when several share it.
XY marker_screen_position(const TroopMarker& marker, const Projection& projection, const Camera& camera,
                          float pixel_scale);

// The event under a screen point: the nearest marker or link within tolerance pixels; nullptr if none. Markers,
// their fanning out and the tolerance are taken at pixel_scale, as they are drawn.
const Event* pick_event(const EventOverlay& overlay, const Projection& projection, const Camera& camera, XY screen,
                        float tolerance = 6.0f, float pixel_scale = 1.0f);

}  // namespace em
