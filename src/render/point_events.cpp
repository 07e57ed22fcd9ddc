#include "render/point_events.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "gl/gl_api.hpp"
#include "render/actor_style.hpp"
#include "render/fill_renderer.hpp"
#include "render/marker_renderer.hpp"

namespace em {

Color event_type_color(std::string_view t) {
    if (t == "Battles") return Color::hex(0xA50F15);
    if (t == "Violence against civilians") return Color::hex(0x6A3D9A);
    if (t == "Explosions/Remote violence") return Color::hex(0x8C510A);
    if (t == "Riots") return Color::hex(0x1B7837);
    if (t == "Protests") return Color::hex(0xDE77AE);
    if (t == "Strategic developments") return Color::hex(0x9E9AC8);
    return Color::hex(0x404040);
}

Color point_event_color(const Event& e) {
    if (e.point && !e.point->mapped_party.empty()) return party_color(party_of(e.point->mapped_party));
    return event_type_color(e.point ? e.point->event_type : std::string_view{});
}

float fatality_radius(int fatalities) {
    return std::min(16.0f, 3.0f + 1.1f * std::sqrt(static_cast<float>(std::max(fatalities, 0))));
}

PointEvents collect_point_events(const std::vector<VisibleEvent>& visible, const Projection& projection) {
    PointEvents points;
    for (const VisibleEvent& v : visible) {
        if (v.event->kind != EventKind::kIncident) continue;
        PointEventMark m;
        m.event = v.event;
        m.weight = v.weight;
        points.marks.push_back(m);
    }
    points.set_projection(projection);
    return points;
}

void PointEvents::set_projection(const Projection& projection) {
    for (PointEventMark& m : marks) {
        const auto xy = projection.forward(m.event->to.position);
        m.on_map = xy.has_value();
        if (xy) m.world = *xy;
    }
    layout_mpp_ = -1;  // the bins are the projection's
}

namespace {

bool in_view(const XY& p, const BBox& box, double margin) {
    return p.x >= box.min_x - margin && p.x <= box.max_x + margin && p.y >= box.min_y - margin &&
           p.y <= box.max_y + margin;
}

std::uint32_t packed(const Color& c) {
    auto byte = [](float v) { return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); };
    return byte(c.r) << 16 | byte(c.g) << 8 | byte(c.b);
}

std::vector<PointEventBin> make_bins(const std::vector<PointEventMark>& marks, double radius) {
    std::vector<std::size_t> on_map;
    std::vector<XY> xy;
    for (std::size_t i = 0; i < marks.size(); ++i)
        if (marks[i].on_map) on_map.push_back(i), xy.push_back(marks[i].world);
    const std::vector<HexBin> bins = hex_bins(xy, radius);
    std::size_t most = 1;
    for (const HexBin& b : bins) most = std::max(most, b.members.size());
    std::vector<PointEventBin> out;
    out.reserve(bins.size());
    std::map<std::uint32_t, std::size_t> colours;
    for (const HexBin& b : bins) {
        PointEventBin pb;
        pb.q = b.q, pb.r = b.r;
        pb.centre = b.centre;
        pb.count = b.members.size();
        pb.members.reserve(b.members.size());
        for (std::uint32_t m : b.members) pb.members.push_back(static_cast<std::uint32_t>(on_map[m]));
        colours.clear();
        float weight = 0;
        for (std::uint32_t m : b.members) {
            const PointEventMark& mark = marks[on_map[m]];
            pb.fatalities += mark.event->fatalities();
            weight = std::max(weight, mark.weight);
            // By event type, not by party: a bin is a summary of what happened there (dots show the party).
            ++colours[packed(event_type_color(mark.event->point ? mark.event->point->event_type : std::string()))];
        }
        const auto top = std::max_element(colours.begin(), colours.end(),
                                          [](const auto& a, const auto& b) { return a.second < b.second; });
        pb.color = Color::hex(top->first);
        // More events, more ink: a log scale, so one bin of thousands does not wash out the bins of tens.
        const float share = static_cast<float>(std::log1p(static_cast<double>(pb.count)) /
                                               std::log1p(static_cast<double>(most)));
        pb.opacity = (0.35f + 0.6f * share) * std::max(weight, 0.4f);
        out.push_back(pb);
    }
    return out;
}

}  // namespace

PointEventLayout layout_point_events(const std::vector<PointEventMark>& marks, const Camera& camera,
                                     float pixel_scale) {
    PointEventLayout layout;
    const BBox view = camera.visible();
    const double mpp = std::max(camera.metres_per_pixel_x(), camera.metres_per_pixel_y());
    const double margin = 16.0 * pixel_scale * mpp;
    std::size_t in = 0;
    for (const PointEventMark& m : marks) in += m.on_map && in_view(m.world, view, margin);
    if (in > PointEvents::kAggregateAbove) {
        layout.aggregated = true;
        layout.bin_radius = PointEvents::kBinPixels * pixel_scale * mpp;
        layout.bins = make_bins(marks, layout.bin_radius);
        return layout;
    }
    for (std::size_t i = 0; i < marks.size(); ++i)
        if (marks[i].on_map && in_view(marks[i].world, view, margin)) layout.dots.push_back(i);
    std::stable_sort(layout.dots.begin(), layout.dots.end(), [&](std::size_t a, std::size_t b) {
        return marks[a].event->fatalities() > marks[b].event->fatalities();
    });
    return layout;
}

const PointEventLayout& PointEvents::layout(const Camera& camera, float pixel_scale) const {
    const double mpp = std::max(camera.metres_per_pixel_x(), camera.metres_per_pixel_y());
    const BBox view = camera.visible();
    const bool same_scale = mpp == layout_mpp_ && pixel_scale == layout_scale_;
    if (same_scale && view.min_x == layout_view_.min_x && view.min_y == layout_view_.min_y &&
        view.max_x == layout_view_.max_x && view.max_y == layout_view_.max_y)
        return layout_;
    if (same_scale && layout_.aggregated) {
        // A pan over bins: the grid is anchored at the plane's origin, so the bins stay; only check that the view
        // is still dense enough for them.
        const double margin = 16.0 * pixel_scale * mpp;
        std::size_t in = 0;
        for (const PointEventMark& m : marks) in += m.on_map && in_view(m.world, view, margin);
        if (in > kAggregateAbove) {
            layout_view_ = view;
            return layout_;
        }
    }
    layout_ = layout_point_events(marks, camera, pixel_scale);
    layout_mpp_ = mpp, layout_scale_ = pixel_scale, layout_view_ = view;
    ++layout_generation_;
    return layout_;
}

const Event* pick_point_event(const PointEvents& points, const Camera& camera, XY screen, float pixel_scale,
                              float tolerance) {
    const PointEventLayout& layout = points.layout(camera, pixel_scale);
    if (layout.aggregated) return nullptr;
    const Event* best = nullptr;
    double best_d = tolerance;
    // Dots are drawn largest first, so the last one under the pointer is the one on top.
    for (std::size_t i : layout.dots) {
        const PointEventMark& m = points.marks[i];
        const XY s = camera.to_screen(m.world);
        const double d = std::hypot(s.x - screen.x, s.y - screen.y) - fatality_radius(m.event->fatalities()) * pixel_scale;
        if (d <= best_d) best_d = std::min(d, 0.0), best = m.event;
    }
    return best;
}

namespace {
std::vector<std::pair<std::string, std::size_t>> most_first(const std::map<std::string, std::size_t>& counts) {
    std::vector<std::pair<std::string, std::size_t>> out(counts.begin(), counts.end());
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}
}  // namespace

PointBinSummary summarize_bin(const PointEvents& points, const PointEventLayout& layout, const PointEventBin& bin) {
    PointBinSummary s;
    s.centre = bin.centre;
    s.radius = layout.bin_radius;
    s.count = bin.members.size();
    std::map<std::string, std::size_t> types, parties;
    bool first = true;
    for (std::uint32_t i : bin.members) {
        const Event& e = *points.marks[i].event;
        s.fatalities += e.fatalities();
        ++types[e.point ? e.point->event_type : std::string()];
        if (e.point && !e.point->mapped_party.empty()) ++parties[party_of(e.point->mapped_party)];
        if (first || e.first_day() < s.first) s.first = e.first_day();
        if (first || s.last < e.last_day()) s.last = e.last_day();
        first = false;
    }
    s.types = most_first(types);
    s.parties = most_first(parties);
    return s;
}

std::optional<PointBinSummary> pick_point_bin(const PointEvents& points, const Camera& camera, XY screen,
                                              float pixel_scale) {
    const PointEventLayout& layout = points.layout(camera, pixel_scale);
    if (!layout.aggregated || !(layout.bin_radius > 0)) return std::nullopt;
    // The same grid as the bins: the cell under the pointer is the bin drawn there (the drawn hexagon is a little
    // smaller than its cell; the gap between two counts as the nearer one).
    const auto [q, r] = hex_cell(camera.to_world(screen), layout.bin_radius);
    for (const PointEventBin& b : layout.bins)
        if (b.q == q && b.r == r) return summarize_bin(points, layout, b);
    return std::nullopt;
}

PointEventLegend point_event_legend(const PointEvents& points) {
    static const char* kTypes[] = {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots",
                                   "Protests", "Strategic developments"};
    std::set<std::string> types, parties;
    for (const PointEventMark& m : points.marks) {
        if (!m.event->point) continue;
        types.insert(m.event->point->event_type);
        if (!m.event->point->mapped_party.empty()) parties.insert(party_of(m.event->point->mapped_party));
    }
    PointEventLegend legend;
    for (const char* t : kTypes)
        if (types.erase(t)) legend.types.push_back({t, event_type_color(t)});
    for (const std::string& t : types) legend.types.push_back({t.empty() ? "incident" : t, event_type_color(t)});
    legend.parties.assign(parties.begin(), parties.end());
    return legend;
}

void draw_point_events(const PointEvents& points, const EventMarkColors& colors, const Camera& camera, float pixel_scale, MarkerRenderer& markers,
                       const FillRenderer& fills) {
    if (points.marks.empty()) return;
    const PointEventLayout& layout = points.layout(camera, pixel_scale);
    if (layout.aggregated) {
        if (points.uploaded_generation != points.generation()) {
            // One mesh for every bin, grouped by colour and opacity so each group is one draw.
            std::vector<std::size_t> order(layout.bins.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            auto key = [&](std::size_t i) {
                const PointEventBin& b = layout.bins[i];
                return std::make_tuple(packed(b.color), static_cast<int>(b.opacity * 8));
            };
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
            ProjectedMesh mesh;
            points.bin_runs.clear();
            // A hexagon a little smaller than its cell, so neighbours read as separate bins.
            const double r = layout.bin_radius * 0.9;
            for (std::size_t k = 0; k < order.size(); ++k) {
                const PointEventBin& b = layout.bins[order[k]];
                if (k == 0 || key(order[k]) != key(order[k - 1])) points.bin_runs.push_back({k, 0});
                ++points.bin_runs.back().second;
                const auto base = static_cast<std::uint32_t>(mesh.fill_xy.size() / 2);
                for (const XY& c : hex_corners(b.centre, r)) {
                    mesh.fill_xy.push_back(static_cast<float>(c.x));
                    mesh.fill_xy.push_back(static_cast<float>(c.y));
                }
                for (std::uint32_t t : {0u, 1u, 2u, 0u, 2u, 3u, 0u, 3u, 4u, 0u, 4u, 5u})
                    mesh.fill_indices.push_back(base + t);
            }
            points.bin_mesh = upload_mesh(mesh);
            points.uploaded_generation = points.generation();
            points.bin_colours.clear();
            for (const auto& run : points.bin_runs) points.bin_colours.push_back(order[run.first]);
        }
        for (std::size_t k = 0; k < points.bin_runs.size(); ++k) {
            const auto [first, count] = points.bin_runs[k];
            const PointEventBin& b = layout.bins[points.bin_colours[k]];
            fills.draw(points.bin_mesh,
                       {{static_cast<std::uint32_t>(first * 12), static_cast<std::uint32_t>(count * 12)}}, b.color,
                       std::clamp(b.opacity, 0.0f, 1.0f), camera);
        }
        return;
    }
    // Dots, grouped by what the marker shader takes as uniforms: colour, size, ring and fade.
    struct Group {
        MarkerStyle style;
        float opacity;
        std::vector<float> centres;
    };
    std::map<std::tuple<int, std::uint32_t, int, bool, bool>, Group> groups;  // largest radius first
    for (std::size_t i : layout.dots) {
        const PointEventMark& m = points.marks[i];
        const Event& e = *m.event;
        const float radius = fatality_radius(e.fatalities());
        const bool mapped = e.point && !e.point->mapped_party.empty();
        const int fade = static_cast<int>(std::lround(m.weight * 4));
        const bool uncertain = e.uncertain();
        auto [it, fresh] =
            groups.try_emplace({-static_cast<int>(radius * 4), packed(point_event_color(e)), fade, mapped, uncertain});
        Group& g = it->second;
        if (fresh) {
            g.style.radius = radius * pixel_scale;
            g.style.stroke_width = (mapped ? 1.8f : 0.8f) * pixel_scale;
            g.style.fill = point_event_color(e);
            // Outside forces get a dark ring, so they stand out among the local actors' dots.
            g.style.stroke = mapped ? Color::hex(0x1A1A1A) : colors.mark_outline;
            g.style.shape = kCircle;
            g.opacity = 0.85f * std::max(static_cast<float>(fade) / 4.0f, 0.25f);
            if (uncertain) {  // the month only, or a region's centre: hollow, like uncertain troop markers
                g.style.stroke = g.style.fill;
                g.style.fill = colors.point_hollow_fill;
                g.style.stroke_width = 1.6f * pixel_scale;
            }
        }
        g.centres.push_back(static_cast<float>(m.world.x));
        g.centres.push_back(static_cast<float>(m.world.y));
    }
    for (auto& [key, g] : groups) markers.draw(g.centres, g.style, g.opacity, camera);
}

}  // namespace em
