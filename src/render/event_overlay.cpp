#include "render/event_overlay.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <numbers>

#include "geo/great_circle.hpp"
#include "render/actor_style.hpp"

namespace em {

EventOverlay build_event_overlay(const std::vector<Event>& events, const PresenceIndex& presence,
                                 const TimeWindow& window, const EventFilter& filter, const Projection& projection,
                                 const EventMarkColors& colors) {
    return build_event_overlay(visible_events(events, window, filter), presence, window, filter, projection, colors);
}

EventOverlay build_event_overlay(std::vector<VisibleEvent> visible, const PresenceIndex& presence,
                                 const TimeWindow& window, const EventFilter& filter, const Projection& projection,
                                 const EventMarkColors& colors) {
    {
        // By first day, worked out once per event rather than per comparison (see ui/events_table).
        std::vector<std::pair<int, VisibleEvent>> by_day;
        by_day.reserve(visible.size());
        for (const VisibleEvent& v : visible) by_day.push_back({v.event->first_day().days, v});
        std::stable_sort(by_day.begin(), by_day.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = 0; i < by_day.size(); ++i) visible[i] = by_day[i].second;
    }
    return build_event_overlay_by_day(std::move(visible), presence, window, filter, projection, colors, nullptr);
}

EventOverlay build_event_overlay_by_day(std::vector<VisibleEvent> visible, const PresenceIndex& presence,
                                        const TimeWindow& window, const EventFilter& filter,
                                        const Projection& projection, const EventMarkColors& colors,
                                        std::shared_ptr<IncidentCache> incidents) {
    EventOverlay overlay;
    overlay.window = window;
    overlay.visible_count = visible.size();
    // Incidents: render/point_events (from the cache when it is this projection's).
    if (incidents && incidents->projection().kind() == projection.kind() &&
        incidents->projection().centre() == projection.centre())
        overlay.points = collect_point_events(visible, std::move(incidents));
    else
        overlay.points = collect_point_events(visible, projection);

    // The rest, meetings, calls and troop changes, are a few hundred among up to tens of thousands of incidents. With
    // a cache they are found from its small records without reading each event: a slider step over 100,000 ACLED
    // rows would otherwise touch thousands of large events scattered in memory, twice.
    std::vector<const VisibleEvent*> others;
    IncidentCache* cache = overlay.points.incidents.get();
    for (const VisibleEvent& v : visible) {
        const std::uint32_t slot = cache ? cache->slot_of(v.event) : IncidentCache::kNone;
        const bool incident =
            slot != IncidentCache::kNone ? cache->incident(slot).is_incident : v.event->kind == EventKind::kIncident;
        if (!incident) others.push_back(&v);
    }

    // Links: meetings and calls, one per (from, to, call?) with a count.
    std::map<std::tuple<std::string, std::string, bool>, size_t> link_of;
    std::map<size_t, float> link_weight;
    for (const VisibleEvent* o : others) {
        const VisibleEvent& v = *o;
        const Event& e = *v.event;
        if (is_troop_kind(e.kind) || !e.from) continue;
        const bool call = e.kind == EventKind::kCall;
        const auto key = std::make_tuple(e.from->name, e.to.name, call);
        auto [it, inserted] = link_of.emplace(key, overlay.links.size());
        if (inserted) {
            EventLink link;
            link.call = call;
            link.uncertain = true;
            overlay.links.push_back(link);
        }
        EventLink& link = overlay.links[it->second];
        link.events.push_back(&e);
        link.uncertain = link.uncertain && e.uncertain();
        link_weight[it->second] = std::max(link_weight[it->second], v.weight);
    }
    VectorLayer arcs;
    arcs.source = "(events)";
    arcs.name = "links";
    arcs.kind = GeometryKind::kLine;
    for (size_t i = 0; i < overlay.links.size(); ++i) {
        EventLink& link = overlay.links[i];
        const Event& newest = *link.events.back();
        link.color = colors.parties.of(newest.party());
        link.opacity = link_weight[i] * (link.uncertain ? 0.5f : 1.0f);
        link.width = 1.8f + 0.9f * static_cast<float>(std::log2(static_cast<double>(link.events.size())));
        Feature f;
        f.lines.push_back(great_circle(newest.from->position, newest.to.position, 1.0));
        arcs.features.push_back(std::move(f));
    }
    PrepareOptions options;
    options.threads = 1;
    overlay.arcs.title = "Meeting links";
    overlay.arcs.data = prepare_layer(arcs, options);
    overlay.arcs.reproject(projection);

    // Troop markers, fanned out where several share a place.
    std::map<std::string, int> slots;
    for (const VisibleEvent* o : others) {
        const VisibleEvent& v = *o;
        const Event& e = *v.event;
        if (!is_troop_kind(e.kind)) continue;
        TroopMarker m;
        m.event = &e;
        m.position = e.to.position;
        m.slot = slots[e.to.name]++;
        const Color c = colors.parties.of(e.party());
        m.style.shape = kind_shape(e.kind);
        m.style.radius = 5.5f;
        m.style.stroke_width = 1.3f;
        if (e.uncertain()) {  // hollow: outline in the party colour
            m.style.fill = colors.hollow_fill;
            m.style.stroke = c;
        } else {
            m.style.fill = c;
            m.style.stroke = colors.mark_outline;
        }
        m.opacity = v.weight;
        overlay.markers.push_back(m);
    }

    // Places named by what is shown, once each.
    std::set<std::string> named;
    auto mark = [&](const EventPlace& p) {
        if (named.insert(p.name).second) overlay.places.push_back({p.name, p.position});
    };
    for (const auto& link : overlay.links) {
        mark(link.events.back()->to);
        if (link.events.back()->from) mark(*link.events.back()->from);
    }
    for (const auto& m : overlay.markers) mark(m.event->to);

    // Presence on the window's last day that the filter shows (filtered in events/, as the events are), by country.
    std::map<std::string, CountryPresence> by_country;
    for (const PresenceInterval* p : visible_presence(presence, window.last(), filter)) {
        const std::string party = party_of(p->actor);
        CountryPresence& cp = by_country[p->country];
        cp.country = p->country;
        cp.intervals.push_back(p);
        if (std::find(cp.parties.begin(), cp.parties.end(), party) == cp.parties.end()) cp.parties.push_back(party);
    }
    for (auto& [country, cp] : by_country) overlay.presence.push_back(std::move(cp));
    return overlay;
}

XY marker_screen_position(const TroopMarker& m, const Projection& projection, const Camera& camera,
                          float pixel_scale) {
    const auto xy = projection.forward(m.position);
    if (!xy) return {-1e9, -1e9};
    XY s = camera.to_screen(*xy);
    if (m.slot > 0) {
        // Rings of six around the place: slot 1..6 at 12 px, 7..18 at 24 px, ...
        const int ring = 1 + (m.slot - 1) / 6;
        const double angle = (m.slot - 1) % 6 * std::numbers::pi / 3 + ring * 0.5;
        const double r = 12.0 * ring * pixel_scale;
        s.x += r * std::cos(angle);
        s.y += r * std::sin(angle);
    }
    return s;
}

namespace {
double segment_distance(XY p, XY a, XY b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
}  // namespace

const Event* pick_event(const EventOverlay& overlay, const Projection& projection, const Camera& camera, XY screen,
                        float tolerance, float pixel_scale) {
    const Event* best = nullptr;
    double best_d = tolerance * pixel_scale;
    for (const auto& m : overlay.markers) {
        const XY s = marker_screen_position(m, projection, camera, pixel_scale);
        const double d = std::hypot(s.x - screen.x, s.y - screen.y) - m.style.radius * pixel_scale;
        if (d < best_d) best_d = d, best = m.event;
    }
    if (best) return best;
    if (const Event* point = pick_point_event(overlay.points, camera, screen, pixel_scale)) return point;
    const auto& mesh = overlay.arcs.data.mesh;
    for (size_t i = 0; i < overlay.links.size() && i < mesh.ranges.size(); ++i) {
        const FeatureRange& r = mesh.ranges[i];
        for (std::uint32_t k = r.first_outline; k + 1 < r.first_outline + r.outline_count; ++k) {
            if (!mesh.outline_joins[k]) continue;
            const auto a = projection.forward(mesh.outline_points[k]);
            const auto b = projection.forward(mesh.outline_points[k + 1]);
            if (!a || !b) continue;
            const double d = segment_distance(screen, camera.to_screen(*a), camera.to_screen(*b));
            if (d < best_d) best_d = d, best = overlay.links[i].events.back();
        }
    }
    return best;
}

}  // namespace em
