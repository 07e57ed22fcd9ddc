// apply_clip_motion (render/clip_motion): the moment between two days of a clip. CPU data only, like the
// overlay it changes.
#include "render/clip_motion.hpp"

#include <gtest/gtest.h>

#include "support/event_fixtures.hpp"

namespace em {
namespace {

using test::day;

const EventPlace kMoscow{"Moscow", {37.62, 55.75}};
const EventPlace kBamako{"Bamako", {-8.0, 12.65}};
const EventPlace kNiamey{"Niamey", {2.11, 13.51}};

Event meeting(const std::string& id, const std::string& date, const EventPlace& from, const EventPlace& to) {
    Event e = test::make_event(id, date, "", EventKind::kMeeting, "Russia", "MLI");
    e.from = from;
    e.to = to;
    return e;
}

Event troops(const std::string& id, const std::string& date, EventKind kind, const std::string& actor,
             const std::string& country, const EventPlace& at) {
    Event e = test::make_event(id, date, "", kind, actor, country);
    e.to = at;
    return e;
}

// Arcs drawn so far, in the overlay's prepared arcs layer: the last point of link i.
GeoPoint arc_end(const EventOverlay& o, std::size_t i) {
    const FeatureRange& r = o.arcs.data.mesh.ranges.at(i);
    return o.arcs.data.mesh.outline_points[r.first_outline + r.outline_count - 1];
}

class ClipMotionTest : public ::testing::Test {
protected:
    ClipMotionTest()
        : events_{meeting("M1", "2024-06-10", kMoscow, kBamako),
                  troops("A1", "2024-06-01", EventKind::kArrival, "Russia (Africa Corps)", "MLI", kBamako),
                  troops("D1", "2024-06-20", EventKind::kDeparture, "Russia (Africa Corps)", "MLI", kBamako),
                  troops("A2", "2024-06-19", EventKind::kArrival, "France", "NER", kNiamey)},
          presence_(derive_presence(events_)) {}

    // The overlay at day + fraction in a clip from 2024-05-01 to 2024-08-31, things taking `fade` days.
    EventOverlay at(Date d, double fraction, double fade = 4) const {
        TimeWindow w;
        w.mode = WindowMode::kTrailing;
        w.at = d;
        w.days = 30;
        EventOverlay o = build_event_overlay(events_, presence_, w, EventFilter{}, projection_);
        apply_clip_motion(o, ClipMotion{d.days + fraction, fade, double(day(2024, 5, 1).days),
                                        double(day(2024, 8, 31).days)},
                          presence_, projection_);
        return o;
    }

    std::vector<Event> events_;
    PresenceIndex presence_;
    Projection projection_;
};

TEST_F(ClipMotionTest, MeetingArcDrawsItselfFromTheVisitorToTheVenue) {
    // Moscow -> Bamako on 2024-06-10, fading in over 4 days.
    const EventOverlay just = at(day(2024, 6, 10), 0.25);
    ASSERT_EQ(just.links.size(), 1u);
    const GeoPoint start = just.arcs.data.mesh.outline_points[just.arcs.data.mesh.ranges[0].first_outline];
    EXPECT_NEAR(start.lon, kMoscow.position.lon, 1e-9);  // it leaves the visiting capital...
    const GeoPoint early = arc_end(just, 0);
    EXPECT_GT(early.lat, 40.0);  // ...and is still far from the venue (Bamako 12.65N)
    EXPECT_LT(just.links[0].opacity, 0.2f);
    const EventOverlay later = at(day(2024, 6, 12), 0.0);
    EXPECT_LT(arc_end(later, 0).lat, early.lat);  // grows towards Bamako
    EXPECT_GT(later.links[0].opacity, just.links[0].opacity);
    const EventOverlay done = at(day(2024, 6, 15), 0.0);
    EXPECT_NEAR(arc_end(done, 0).lat, kBamako.position.lat, 1e-9);  // arrived
    EXPECT_NEAR(arc_end(done, 0).lon, kBamako.position.lon, 1e-9);
    EXPECT_NEAR(done.links[0].opacity, 1.0f - 0.75f * 5 / 30, 1e-6);  // in full, aged 5 days as event_weight says
}

TEST_F(ClipMotionTest, WeightAgesContinuouslyAndFadesOutBeforeLeavingTheWindow) {
    // M1 (2024-06-10) is in the 30-day windows up to the one ending 2024-07-10.
    float previous = 2.0f;
    for (int d = 0; d <= 24; ++d)
        for (double f : {0.0, 0.5}) {
            const EventOverlay o = at(day(2024, 6, 16) + d, f);
            ASSERT_EQ(o.links.size(), 1u) << d;
            EXPECT_LE(o.links[0].opacity, previous) << d << " " << f;  // never brightens as it ages
            previous = o.links[0].opacity;
        }
    EXPECT_LT(previous, 0.1f);  // all but gone on its last day in the window, not a jump from 0.25 to 0
}

TEST_F(ClipMotionTest, PresenceTintsCrossFade) {
    // France arrives in Niger on 06-19; the Russians leave Mali on 06-20.
    const EventOverlay arriving = at(day(2024, 6, 19), 0.5);
    const auto niger = std::find_if(arriving.presence.begin(), arriving.presence.end(),
                                    [](const CountryPresence& cp) { return cp.country == "NER"; });
    ASSERT_NE(niger, arriving.presence.end());
    EXPECT_GT(niger->opacity, 0.0f);
    EXPECT_LT(niger->opacity, 0.5f);
    const EventOverlay leaving = at(day(2024, 6, 22), 0.0);  // present up to 06-20, gone a day
    const auto mali = std::find_if(leaving.presence.begin(), leaving.presence.end(),
                                   [](const CountryPresence& cp) { return cp.country == "MLI"; });
    ASSERT_NE(mali, leaving.presence.end()) << "a force that just left keeps a fading tint";
    EXPECT_TRUE(mali->departed);
    EXPECT_GT(mali->opacity, 0.0f);
    EXPECT_LT(mali->opacity, 1.0f);
    const EventOverlay gone = at(day(2024, 6, 30), 0.0);
    EXPECT_TRUE(std::none_of(gone.presence.begin(), gone.presence.end(),
                             [](const CountryPresence& cp) { return cp.country == "MLI"; }));
}

TEST_F(ClipMotionTest, FirstAndLastFramesAreTheStillPictures) {
    TimeWindow w;
    w.mode = WindowMode::kTrailing;
    w.at = day(2024, 6, 11);
    w.days = 30;
    const EventOverlay still = build_event_overlay(events_, presence_, w, EventFilter{}, projection_);
    const double now = w.at.days;
    for (const auto& [start, end] : {std::pair{now, now + 30}, std::pair{now - 30, now}}) {  // starts, ends on 06-11
        EventOverlay o = build_event_overlay(events_, presence_, w, EventFilter{}, projection_);
        apply_clip_motion(o, ClipMotion{now, 4, start, end}, presence_, projection_);
        ASSERT_EQ(o.links.size(), still.links.size());
        EXPECT_FLOAT_EQ(o.links[0].opacity, still.links[0].opacity);
        EXPECT_EQ(o.arcs.data.mesh.outline_points.size(), still.arcs.data.mesh.outline_points.size());
    }
    // Negative control: the same moment inside the clip is in motion (the day-old arc is not yet drawn).
    EventOverlay moving = build_event_overlay(events_, presence_, w, EventFilter{}, projection_);
    apply_clip_motion(moving, ClipMotion{double(w.at.days), 4, w.at.days - 30.0, w.at.days + 30.0}, presence_,
                      projection_);
    EXPECT_LT(moving.arcs.data.mesh.outline_points.size(), still.arcs.data.mesh.outline_points.size());
}

TEST(PolylineStartTest, CutsByLength) {
    const std::vector<GeoPoint> line{{0, 0}, {1, 0}, {3, 0}};
    EXPECT_EQ(polyline_start(line, 1.0).size(), 3u);
    const auto half = polyline_start(line, 0.5);
    ASSERT_EQ(half.size(), 3u);
    EXPECT_DOUBLE_EQ(half.back().lon, 1.5);
    const auto none = polyline_start(line, 0.0);
    ASSERT_EQ(none.size(), 1u);
    EXPECT_DOUBLE_EQ(none.front().lon, 0.0);
}

}  // namespace
}  // namespace em
