// Point events' layout on the CPU: hexagon bins hold exactly the incidents of the time window, are kept on a pan
// and recomputed on a zoom; dots below the threshold, largest first.
#include "render/point_events.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
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
