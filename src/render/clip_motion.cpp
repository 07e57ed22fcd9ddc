#include "render/clip_motion.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "geo/great_circle.hpp"
#include "render/actor_style.hpp"

namespace em {

namespace {

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

// Eases a 0..1 progress in and out, so an arc slows as it reaches the venue.
double smooth(double t) { return t * t * (3.0 - 2.0 * t); }

// How strongly an event shows at `now`: event_weight's trailing-window ageing (1 while going on, down to 0.25
// at the window's far end) made continuous, times its fade in and fade out.
double moving_weight(const Event& e, const TimeWindow& w, const ClipMotion& m) {
    const double first = e.first_day().days, last = e.last_day().days;
    double weight = clamp01((m.now - first) / m.fade_days);  // fading in
    if (w.mode == WindowMode::kTrailing && w.days > 0 && m.now > last) {
        // As event_weight at whole days (age = days since its last day); it leaves the window at age days + 1.
        const double age = m.now - last;
        weight *= std::clamp(1.0 - 0.75 * age / w.days, 0.25, 1.0);
        weight *= clamp01((w.days + 1 - age) / m.fade_days);  // fading out before it leaves the window
    }
    return weight;
}

}  // namespace

std::vector<GeoPoint> polyline_start(const std::vector<GeoPoint>& line, double share) {
    if (line.empty()) return line;
    if (share >= 1.0) return line;
    std::vector<double> lengths{0.0};
    for (size_t i = 1; i < line.size(); ++i)
        lengths.push_back(lengths.back() + std::hypot(line[i].lon - line[i - 1].lon, line[i].lat - line[i - 1].lat));
    const double target = lengths.back() * std::max(share, 0.0);
    std::vector<GeoPoint> out{line.front()};
    for (size_t i = 1; i < line.size(); ++i) {
        if (lengths[i] <= target) {
            out.push_back(line[i]);
            continue;
        }
        const double span = lengths[i] - lengths[i - 1];
        const double t = span > 0 ? (target - lengths[i - 1]) / span : 0.0;
        if (t > 0) out.push_back({line[i - 1].lon + t * (line[i].lon - line[i - 1].lon),
                                  line[i - 1].lat + t * (line[i].lat - line[i - 1].lat)});
        break;
    }
    return out;
}

void apply_clip_motion(EventOverlay& overlay, const ClipMotion& motion, const PresenceIndex& presence,
                       const Projection& projection) {
    ClipMotion m = motion;
    m.fade_days = std::max(motion.fade_days, 1e-3);
    const TimeWindow& w = overlay.window;
    // 0 at the clip's ends (the still picture), 1 once a fade's length inside it (full motion).
    const double strength = clamp01(std::min(m.now - m.start, m.end - m.now) / m.fade_days);
    if (strength <= 0) return;
    const auto blend = [strength](double still, double moving) { return still + strength * (moving - still); };

    // Links: the strongest of their events, the newest drawing its arc.
    VectorLayer arcs;
    arcs.source = "(events)";
    arcs.name = "links";
    arcs.kind = GeometryKind::kLine;
    for (EventLink& link : overlay.links) {
        double weight = 0, still = 0;
        for (const Event* e : link.events) {
            weight = std::max(weight, moving_weight(*e, w, m));
            still = std::max(still, static_cast<double>(event_weight(*e, w)));
        }
        link.opacity = static_cast<float>(blend(still, weight)) * (link.uncertain ? 0.5f : 1.0f);
        const Event& newest = *link.events.back();
        // The arc grows while the newest meeting is new; a link seen before (an older meeting on the same
        // route still in the window) is already drawn.
        const bool route_known = link.events.size() > 1;
        const double drawn =
            route_known ? 1.0 : blend(1.0, smooth(clamp01((m.now - newest.first_day().days) / m.fade_days)));
        Feature f;
        // At least a stub (2 %), so the link keeps its feature (and its place in the arcs layer).
        f.lines.push_back(
            polyline_start(great_circle(newest.from->position, newest.to.position, 1.0), std::max(drawn, 0.02)));
        arcs.features.push_back(std::move(f));
    }
    PrepareOptions options;
    options.threads = 1;
    overlay.arcs.data = prepare_layer(arcs, options);
    overlay.arcs.reproject(projection);

    for (TroopMarker& marker : overlay.markers)
        marker.opacity = static_cast<float>(blend(marker.opacity, moving_weight(*marker.event, w, m)));

    // Presence: arrivals fade in; forces gone less than fade_days ago fade out.
    for (CountryPresence& cp : overlay.presence) {
        double newest = 1.0;
        for (const PresenceInterval* p : cp.intervals)
            if (p->since) newest = std::min(newest, clamp01((m.now - p->since->days) / m.fade_days));
        cp.opacity = static_cast<float>(blend(1.0, newest));
    }
    const Date today = w.last();
    std::map<std::string, CountryPresence> leaving;
    for (int back = 1; back <= static_cast<int>(std::ceil(m.fade_days)); ++back) {
        for (const PresenceInterval* p : presence.on(today - back)) {
            if (!p->until || *p->until >= today) continue;  // still there
            const double gone = m.now - (p->until->days + 1);
            const double opacity = blend(0.0, 1.0 - clamp01(gone / m.fade_days));
            if (opacity <= 0) continue;
            const bool shown = std::any_of(overlay.presence.begin(), overlay.presence.end(),
                                           [&](const CountryPresence& cp) { return cp.country == p->country; });
            if (shown) continue;  // another force is there: its tint or badges tell
            CountryPresence& cp = leaving[p->country + "|" + party_of(p->actor)];
            cp.country = p->country;
            cp.parties = {party_of(p->actor)};
            cp.intervals = {p};
            cp.opacity = static_cast<float>(opacity);
            cp.departed = true;
        }
    }
    for (auto& [key, cp] : leaving) overlay.presence.push_back(std::move(cp));
}

}  // namespace em
