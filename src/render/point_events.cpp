#include "render/point_events.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "gl/gl_api.hpp"
#include "render/actor_style.hpp"

namespace em {

namespace {
// event_type_color's colours by palette index; the last for any other type.
constexpr std::uint32_t kTypeHex[kEventTypeColors] = {0xA50F15, 0x6A3D9A, 0x8C510A, 0x1B7837,
                                                      0xDE77AE, 0x9E9AC8, 0x404040};
}  // namespace

std::uint8_t event_type_index(std::string_view t) {
    if (t == "Battles") return 0;
    if (t == "Violence against civilians") return 1;
    if (t == "Explosions/Remote violence") return 2;
    if (t == "Riots") return 3;
    if (t == "Protests") return 4;
    if (t == "Strategic developments") return 5;
    return 6;
}

Color event_type_palette(std::uint8_t index) { return Color::hex(kTypeHex[std::min<std::size_t>(index, 6)]); }

Color event_type_color(std::string_view t) { return event_type_palette(event_type_index(t)); }

std::uint8_t point_event_type_index(const Event& e) {
    return event_type_index(e.point ? e.point->event_type : std::string_view{});
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
        m.type = point_event_type_index(*v.event);
        m.fatalities = v.event->fatalities();
        points.marks.push_back(m);
    }
    points.set_projection(projection);
    return points;
}

PointEvents collect_point_events(const std::vector<VisibleEvent>& visible, std::shared_ptr<IncidentCache> incidents) {
    PointEvents points;
    points.marks.reserve(visible.size());
    for (const VisibleEvent& v : visible) {
        PointEventMark m;
        m.slot = incidents->slot_of(v.event);
        if (m.slot == IncidentCache::kNone)  // not one of the cache's events: nothing to look up
            return collect_point_events(visible, incidents->projection());
        const IncidentCache::Incident& in = incidents->incident(m.slot);
        if (!in.is_incident) continue;
        m.event = v.event;
        m.weight = v.weight;
        m.on_map = in.on_map;
        m.world = in.world;
        m.type = in.type;
        m.fatalities = in.fatalities;
        points.marks.push_back(m);
    }
    points.incidents = std::move(incidents);
    return points;
}

void PointEvents::set_projection(const Projection& projection) {
    for (PointEventMark& m : marks) {
        const auto xy = projection.forward(m.event->to.position);
        m.on_map = xy.has_value();
        if (xy) m.world = *xy;
        m.slot = IncidentCache::kNone;
    }
    incidents.reset();  // the cache is of its projection
    layout_mpp_ = -1;   // the bins are the projection's
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

// The bins' cells in the order of their first mark, with the marks of each (indices into marks, in order, bin after
// bin in one array): from the cache's cells when there is one, else binned here (events/hex_bins).
struct BinnedMarks {
    std::vector<std::pair<int, int>> cells;
    std::vector<std::uint32_t> first;    // bin k's marks are members[first[k], first[k + 1])
    std::vector<std::uint32_t> members;
};

BinnedMarks bin_marks(const std::vector<PointEventMark>& marks, double radius, IncidentCache* cache) {
    BinnedMarks out;
    out.first.push_back(0);
    if (!cache) {
        std::vector<std::uint32_t> on_map;
        std::vector<XY> xy;
        for (std::size_t i = 0; i < marks.size(); ++i)
            if (marks[i].on_map) on_map.push_back(static_cast<std::uint32_t>(i)), xy.push_back(marks[i].world);
        for (const HexBin& b : hex_bins(xy, radius)) {
            out.cells.push_back({b.q, b.r});
            for (std::uint32_t m : b.members) out.members.push_back(on_map[m]);
            out.first.push_back(static_cast<std::uint32_t>(out.members.size()));
        }
        return out;
    }
    cache->set_bin_radius(radius);
    // A bin per cell met, numbered in the order met (as hex_bins numbers them): a dense cell number indexes the
    // bin, so a step costs a look-up per visible mark, without hashing.
    // First each mark's cell (a mark seen for the first time adds its cell to the cache), then its bin.
    std::vector<std::uint32_t> bin_of_mark(marks.size(), IncidentCache::kNone);
    for (std::size_t i = 0; i < marks.size(); ++i)
        if (marks[i].on_map) bin_of_mark[i] = cache->cell_of(marks[i].slot);
    std::vector<std::uint32_t> bin_of_cell(cache->cell_count(), IncidentCache::kNone);
    std::vector<std::uint32_t> sizes;
    for (std::uint32_t& b : bin_of_mark) {
        const std::uint32_t c = b;
        if (c == IncidentCache::kNone) continue;
        if (bin_of_cell[c] == IncidentCache::kNone) {
            bin_of_cell[c] = static_cast<std::uint32_t>(out.cells.size());
            out.cells.push_back(cache->cell_qr(c));
            sizes.push_back(0);
        }
        ++sizes[bin_of_cell[c]];
        b = bin_of_cell[c];
    }
    for (std::uint32_t n : sizes) out.first.push_back(out.first.back() + n);
    out.members.resize(out.first.back());
    std::vector<std::uint32_t> next(out.first.begin(), out.first.end() - 1);  // where each bin's next mark goes
    for (std::size_t i = 0; i < marks.size(); ++i)
        if (bin_of_mark[i] != IncidentCache::kNone) out.members[next[bin_of_mark[i]]++] = static_cast<std::uint32_t>(i);
    return out;
}

// The bins of the marks, their marks into `members`.
std::vector<PointEventBin> make_bins(const std::vector<PointEventMark>& marks, double radius, IncidentCache* cache,
                                     std::vector<std::uint32_t>& members) {
    BinnedMarks binned = bin_marks(marks, radius, cache);
    std::size_t most = 1;
    for (std::size_t k = 0; k < binned.cells.size(); ++k)
        most = std::max<std::size_t>(most, binned.first[k + 1] - binned.first[k]);
    // The palette in the order of its packed colours: a tie between two types goes to the lower one, as it did
    // when the counts were a map keyed by colour.
    static const std::array<std::uint8_t, kEventTypeColors> by_colour = [] {
        std::array<std::uint8_t, kEventTypeColors> order;
        for (std::uint8_t k = 0; k < kEventTypeColors; ++k) order[k] = k;
        std::sort(order.begin(), order.end(), [](std::uint8_t a, std::uint8_t b) {
            return packed(event_type_palette(a)) < packed(event_type_palette(b));
        });
        return order;
    }();
    std::vector<PointEventBin> out;
    out.reserve(binned.cells.size());
    for (std::size_t k = 0; k < binned.cells.size(); ++k) {
        PointEventBin pb;
        pb.q = binned.cells[k].first, pb.r = binned.cells[k].second;
        pb.centre = hex_centre(pb.q, pb.r, radius);
        pb.first_member = binned.first[k];
        pb.count = binned.first[k + 1] - binned.first[k];
        std::array<std::size_t, kEventTypeColors> counts{};
        float weight = 0;
        for (std::size_t j = binned.first[k]; j < binned.first[k + 1]; ++j) {
            const PointEventMark& mark = marks[binned.members[j]];
            pb.fatalities += mark.fatalities;
            weight = std::max(weight, mark.weight);
            // By event type, not by party: a bin is a summary of what happened there (dots show the party).
            ++counts[mark.type];
        }
        std::uint8_t top = by_colour[0];
        for (std::uint8_t t : by_colour)
            if (counts[t] > counts[top]) top = t;
        pb.color = event_type_palette(top);
        // More events, more ink: a log scale, so one bin of thousands does not wash out the bins of tens.
        const float share = static_cast<float>(std::log1p(static_cast<double>(pb.count)) /
                                               std::log1p(static_cast<double>(most)));
        pb.opacity = (0.35f + 0.6f * share) * std::max(weight, 0.4f);
        out.push_back(pb);
    }
    members = std::move(binned.members);
    return out;
}

}  // namespace

PointEventLayout layout_point_events(const std::vector<PointEventMark>& marks, const Camera& camera,
                                     float pixel_scale) {
    return layout_point_events(marks, camera, pixel_scale, nullptr);
}

PointEventLayout layout_point_events(const std::vector<PointEventMark>& marks, const Camera& camera, float pixel_scale,
                                     IncidentCache* incidents) {
    PointEventLayout layout;
    const BBox view = camera.visible();
    const double mpp = std::max(camera.metres_per_pixel_x(), camera.metres_per_pixel_y());
    const double margin = 16.0 * pixel_scale * mpp;
    std::size_t in = 0;
    for (const PointEventMark& m : marks) in += m.on_map && in_view(m.world, view, margin);
    if (in > PointEvents::kAggregateAbove) {
        layout.aggregated = true;
        layout.bin_radius = PointEvents::kBinPixels * pixel_scale * mpp;
        layout.bins = make_bins(marks, layout.bin_radius, incidents, layout.members);
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
    layout_ = layout_point_events(marks, camera, pixel_scale, incidents.get());
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
    s.count = bin.count;
    std::map<std::string, std::size_t> types, parties;
    bool first = true;
    for (std::uint32_t i : layout.members_of(bin)) {
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

void draw_point_events(const PointEvents& points, const EventMarkColors& colors, const Camera& camera,
                       float pixel_scale, DotRenderer& dots, const BinRenderer& bins) {
    if (points.marks.empty()) return;
    const PointEventLayout& layout = points.layout(camera, pixel_scale);
    if (layout.aggregated) {
        if (points.uploaded_generation != points.generation()) {
            std::vector<BinVertex> vertices;
            vertices.reserve(layout.bins.size() * 12);
            // A hexagon a little smaller than its cell, so neighbours read as separate bins.
            const double r = layout.bin_radius * 0.9;
            for (const PointEventBin& b : layout.bins)
                append_bin(vertices, hex_corners(b.centre, r), b.color, std::clamp(b.opacity, 0.0f, 1.0f));
            points.uploaded_bins.upload(vertices);
            points.uploaded_generation = points.generation();
        }
        bins.draw(points.uploaded_bins, camera);
        return;
    }
    // Dots, grouped by style (colour, size, ring and fade), as when each group was a draw of the marker shader.
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
    // One instanced draw, the groups' order kept (largest first; small dots end on top).
    std::vector<DotInstance> instances;
    instances.reserve(layout.dots.size());
    for (const auto& [key, g] : groups)
        for (std::size_t k = 0; k + 1 < g.centres.size(); k += 2)
            instances.push_back(make_dot(g.centres[k], g.centres[k + 1], g.style.radius, g.style.stroke_width,
                                         g.style.fill, g.style.stroke, g.opacity));
    dots.draw(instances, camera);
}

}  // namespace em
