// Point events' layout on the CPU: hexagon bins hold exactly the incidents of the time window, are kept on a pan
// and recomputed on a zoom; dots below the threshold, largest first.
#include "render/point_events.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>

#include "events/acled_reader.hpp"

namespace em {
namespace {

// n incidents around Gao, one a day from 1 January 2024, fatalities i % 7.
EventSet incidents(int n) {
    std::ostringstream csv;
    csv << "event_id_cnty,event_date,event_type,fatalities,latitude,longitude\n";
    for (int i = 0; i < n; ++i) {
        const Date d = *Date::from_ymd(2024, 1, 1) + i % 365;
        csv << "E" << i << "," << d.iso() << "," << (i % 3 ? "Battles" : "Riots") << "," << i % 7 << ","
            << 16.27 + 0.002 * (i % 400) << "," << -0.04 + 0.003 * (i / 400) << "\n";
    }
    return parse_acled_csv(csv.str(), "mem.csv", {}, {});
}

TimeWindow window(int days) {
    TimeWindow w;
    w.mode = WindowMode::kTrailing;
    w.at = *Date::from_ymd(2024, 12, 31);
    w.days = days;
    return w;
}

TEST(PointEventsLayout, BinsSumToTheIncidentsOfTheWindow) {
    const EventSet set = incidents(3650);
    ASSERT_EQ(set.events.size(), 3650u);
    const Projection projection(ProjectionKind::kLambertAzimuthal);
    const Camera camera(*projection.forward({0.5, 16.5}), 1500.0, 1200, 800);
    for (int days : {364, 250, 180}) {
        const auto visible = visible_events(set.events, window(days), {});
        const PointEvents points = collect_point_events(visible, projection);
        ASSERT_EQ(points.marks.size(), visible.size());
        const PointEventLayout& layout = points.layout(camera, 1.0f);
        ASSERT_TRUE(layout.aggregated) << days;
        std::size_t total = 0;
        long long fatalities = 0, expected_fatalities = 0;
        for (const PointEventBin& b : layout.bins) total += b.count, fatalities += b.fatalities;
        for (const VisibleEvent& v : visible) expected_fatalities += v.event->fatalities();
        EXPECT_EQ(total, visible.size()) << days;
        EXPECT_EQ(fatalities, expected_fatalities) << days;
        // Every mark is in exactly one bin, the bin of its cell, and a bin's marks come in the marks' order.
        std::vector<std::uint32_t> all;
        for (const PointEventBin& b : layout.bins) {
            const auto members = layout.members_of(b);
            EXPECT_TRUE(std::is_sorted(members.begin(), members.end()));
            for (std::uint32_t m : members) {
                EXPECT_EQ(hex_cell(points.marks[m].world, layout.bin_radius), std::make_pair(b.q, b.r));
                all.push_back(m);
            }
        }
        std::sort(all.begin(), all.end());
        ASSERT_EQ(all.size(), points.marks.size());
        for (std::size_t i = 0; i < all.size(); ++i) ASSERT_EQ(all[i], i);
        // Two thirds are battles: the fullest bins are battles' colour.
        const auto fullest = std::max_element(layout.bins.begin(), layout.bins.end(),
                                              [](const auto& a, const auto& b) { return a.count < b.count; });
        EXPECT_EQ(fullest->color, event_type_color("Battles"));
    }
}

TEST(PointEventsLayout, PanKeepsTheBinsZoomRecomputesThem) {
    const EventSet set = incidents(3650);
    const Projection projection(ProjectionKind::kLambertAzimuthal);
    const PointEvents points = collect_point_events(visible_events(set.events, window(364), {}), projection);
    Camera camera(*projection.forward({0.5, 16.5}), 1500.0, 1200, 800);
    const std::size_t bins = points.layout(camera, 1.0f).bins.size();
    const auto generation = points.generation();
    camera.pan_pixels(40, -25);
    EXPECT_EQ(points.layout(camera, 1.0f).bins.size(), bins);
    EXPECT_EQ(points.generation(), generation);
    camera.zoom_at({600, 400}, 0.5);  // out: bins cover more ground, fewer of them
    const PointEventLayout& zoomed = points.layout(camera, 1.0f);
    EXPECT_NE(points.generation(), generation);
    EXPECT_TRUE(zoomed.aggregated);
    EXPECT_LT(zoomed.bins.size(), bins);
}

// A slider's path with the incidents' cache (render/incident_cache: places, types and cells kept between overlays):
// every step's bins are exactly those binned from scratch (cells, centres, members, counts, fatalities, colour and
// opacity), through zooms out and back in (the cells are forgotten and worked out again), with several event types
// (ties in a bin go to the same colour) and incidents on the far side of the globe (not on the map, in no bin).
TEST(PointEventsLayout, CachedScrubStepsGiveTheBinsOfAFreshLayout) {
    std::ostringstream csv;
    csv << "event_id_cnty,event_date,event_type,fatalities,latitude,longitude\n";
    const char* types[] = {"Battles", "Riots", "Protests", "Something else"};
    for (int i = 0; i < 6000; ++i) {
        const Date d = *Date::from_ymd(2023, 1, 1) + (i * 7) % 730;
        const bool far_side = i % 97 == 0;  // the antipode of the azimuthal projection's centre
        csv << "E" << i << "," << d.iso() << "," << types[(i / 5) % 4] << "," << i % 11 << ","
            << (far_side ? -25.0 : 16.0 + 0.003 * (i % 500)) << "," << (far_side ? -160.0 : -0.5 + 0.004 * (i / 500))
            << "\n";
    }
    const EventSet set = parse_acled_csv(csv.str(), "mem.csv", {}, {});
    ASSERT_EQ(set.events.size(), 6000u);
    const Projection projection(ProjectionKind::kLambertAzimuthal);
    const VisibleEventIndex index(set.events, {});
    auto cache = std::make_shared<IncidentCache>(set.events, projection);
    EXPECT_TRUE(cache->follows(set.events, projection));
    EXPECT_FALSE(cache->follows(set.events, Projection(ProjectionKind::kWebMercator)));
    EXPECT_EQ(cache->slot_of(&set.events[17]), 17u);
    const Event stranger;
    EXPECT_EQ(cache->slot_of(&stranger), IncidentCache::kNone);
    Camera camera(*projection.forward({0.0, 16.7}), 1500.0, 1200, 800);
    std::size_t steps = 0, off_map = 0;
    for (int step = 0; step < 40; ++step) {
        if (step == 15) camera.zoom_at({600, 400}, 0.5);
        if (step == 25) camera.zoom_at({600, 400}, 2.0);
        TimeWindow w = window(365);
        w.at = *Date::from_ymd(2023, 12, 31) + step * 9;
        const auto visible = visible_events(set.events, w, {});
        const PointEvents cached = collect_point_events(visible, cache);
        const PointEvents fresh = collect_point_events(visible, projection);
        ASSERT_EQ(cached.marks.size(), fresh.marks.size());
        for (std::size_t i = 0; i < fresh.marks.size(); ++i) {
            ASSERT_EQ(cached.marks[i].on_map, fresh.marks[i].on_map);
            if (fresh.marks[i].on_map) ASSERT_EQ(cached.marks[i].world, fresh.marks[i].world);
            off_map += !fresh.marks[i].on_map;
        }
        const PointEventLayout& a = cached.layout(camera, 1.0f);
        const PointEventLayout& b = fresh.layout(camera, 1.0f);
        ASSERT_TRUE(b.aggregated) << step;
        ASSERT_EQ(a.aggregated, b.aggregated);
        ASSERT_EQ(a.bin_radius, b.bin_radius);
        ASSERT_EQ(a.bins.size(), b.bins.size()) << step;
        std::size_t total = 0;
        for (std::size_t k = 0; k < b.bins.size(); ++k) {
            const PointEventBin &x = a.bins[k], &y = b.bins[k];
            ASSERT_EQ(std::make_pair(x.q, x.r), std::make_pair(y.q, y.r)) << step << " bin " << k;
            EXPECT_EQ(x.centre, y.centre);
            const auto xm = a.members_of(x), ym = b.members_of(y);
            EXPECT_TRUE(std::equal(xm.begin(), xm.end(), ym.begin(), ym.end())) << step << " bin " << k;
            EXPECT_EQ(x.count, y.count);
            EXPECT_EQ(x.fatalities, y.fatalities);
            EXPECT_EQ(x.color, y.color);
            EXPECT_EQ(x.opacity, y.opacity);
            total += x.count;
        }
        std::size_t on_map = 0;
        for (const PointEventMark& m : fresh.marks) on_map += m.on_map;
        EXPECT_EQ(total, on_map) << step;  // the bins sum to the incidents of the window on the map
        ++steps;
    }
    EXPECT_EQ(steps, 40u);
    EXPECT_GT(off_map, 0u);
    // Colours come from the palette as before.
    EXPECT_EQ(event_type_color("Riots"), event_type_palette(event_type_index("Riots")));
    EXPECT_EQ(event_type_color("Something else"), event_type_color(""));
}

TEST(PointEventsLayout, FewIncidentsAreDotsLargestFirst) {
    const EventSet set = incidents(300);
    const Projection projection(ProjectionKind::kLambertAzimuthal);
    const PointEvents points = collect_point_events(visible_events(set.events, window(365), {}), projection);
    const Camera camera(*projection.forward({0.5, 16.5}), 1500.0, 1200, 800);
    const PointEventLayout& layout = points.layout(camera, 1.0f);
    EXPECT_FALSE(layout.aggregated);
    ASSERT_EQ(layout.dots.size(), 300u);
    for (std::size_t i = 1; i < layout.dots.size(); ++i)
        EXPECT_GE(points.marks[layout.dots[i - 1]].event->fatalities(), points.marks[layout.dots[i]].event->fatalities());
    EXPECT_FLOAT_EQ(fatality_radius(0), 3.0f);
    EXPECT_GT(fatality_radius(100), fatality_radius(10));
    EXPECT_LE(fatality_radius(100000), 16.0f);
}

// The bin under the pointer (hover and inspector): its count, types, fatalities and dates are those of the incidents
// lying in its hexagon, checked here against distances to the bin's centre and the events' own dates rather than
// against the binning code; a point off every bin, or a layout of dots, gives nothing.
TEST(PointEventsPicking, TheBinUnderThePointerSummarisesItsIncidents) {
    const EventSet set = incidents(3650);
    const Projection projection(ProjectionKind::kLambertAzimuthal);
    const PointEvents points = collect_point_events(visible_events(set.events, window(364), {}), projection);
    const Camera camera(*projection.forward({0.5, 16.5}), 1500.0, 1200, 800);
    const PointEventLayout& layout = points.layout(camera, 1.0f);
    ASSERT_TRUE(layout.aggregated);
    const double r = layout.bin_radius;
    std::size_t checked = 0;
    for (const PointEventBin& bin : layout.bins) {
        const XY centre = camera.to_screen(bin.centre);
        if (centre.x < 0 || centre.y < 0 || centre.x > 1200 || centre.y > 800) continue;
        // At the centre, and 0.8 of the inscribed radius away from it (still inside the hexagon).
        for (const XY offset : {XY{0, 0}, XY{0.8 * 0.866 * PointEvents::kBinPixels, 0},
                                XY{0, -0.8 * 0.866 * PointEvents::kBinPixels}}) {
            const auto picked = pick_point_bin(points, camera, {centre.x + offset.x, centre.y + offset.y});
            ASSERT_TRUE(picked) << "no bin at " << centre.x << "," << centre.y;
            EXPECT_EQ(picked->count, bin.count);
            EXPECT_EQ(picked->centre, bin.centre);
        }
        const auto s = *pick_point_bin(points, camera, centre);
        // Independently: incidents within the inscribed circle are surely in it, those beyond the circumradius not.
        std::size_t inside = 0, within_circumradius = 0;
        long long fatalities_inside = 0;
        Date first = *Date::from_ymd(2100, 1, 1), last = *Date::from_ymd(1900, 1, 1);
        for (const PointEventMark& m : points.marks) {
            const double d = std::hypot(m.world.x - bin.centre.x, m.world.y - bin.centre.y);
            if (d <= r * 0.866) ++inside, fatalities_inside += m.event->fatalities();
            if (d <= r * (1 + 1e-9)) {
                ++within_circumradius;
                first = std::min(first, m.event->first_day());
                last = std::max(last, m.event->last_day());
            }
        }
        EXPECT_GE(s.count, inside);
        EXPECT_LE(s.count, within_circumradius);
        EXPECT_GE(s.fatalities, fatalities_inside);
        EXPECT_LE(first, s.first);
        EXPECT_GE(last, s.last);
        EXPECT_LE(s.first, s.last);
        std::size_t by_type = 0;
        for (const auto& [type, n] : s.types) {
            EXPECT_TRUE(type == "Battles" || type == "Riots") << type;
            by_type += n;
        }
        EXPECT_EQ(by_type, s.count);
        for (std::size_t i = 1; i < s.types.size(); ++i) EXPECT_GE(s.types[i - 1].second, s.types[i].second);
        ++checked;
    }
    EXPECT_GE(checked, 4u);  // the incidents lie in a strip about 60 px tall: a handful of bins
    // Far from every incident: no bin.
    EXPECT_FALSE(pick_point_bin(points, camera, camera.to_screen(*projection.forward({-60.0, -40.0}))));
}

TEST(PointEventsPicking, NoBinWhenDotsAreDrawn) {
    const EventSet set = incidents(300);
    const Projection projection(ProjectionKind::kLambertAzimuthal);
    const PointEvents points = collect_point_events(visible_events(set.events, window(365), {}), projection);
    const Camera camera(*projection.forward({0.5, 16.5}), 1500.0, 1200, 800);
    ASSERT_FALSE(points.layout(camera, 1.0f).aggregated);
    const XY at = camera.to_screen(points.marks.front().world);
    EXPECT_FALSE(pick_point_bin(points, camera, at));
    EXPECT_TRUE(pick_point_event(points, camera, at));
}

}  // namespace
}  // namespace em
