// build_event_overlay (render/event_overlay): which links, troop markers, places and presence the events add
// to the map for a time window and filter. It builds CPU data only (prepare_layer, project_mesh); the GPU
// buffers stay empty until a renderer uploads them, so it runs here without GL.
#include "render/event_overlay.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "render/actor_style.hpp"
#include "support/event_fixtures.hpp"

namespace em {
namespace {

using test::day;

const EventPlace kMoscow{"Moscow", {37.62, 55.75}};
const EventPlace kBamako{"Bamako", {-8.0, 12.65}};
const EventPlace kNiamey{"Niamey", {2.11, 13.51}};

Event meeting(const std::string& id, const std::string& date, const std::string& actor, const EventPlace& from,
              const EventPlace& to, EventKind kind = EventKind::kMeeting, bool uncertain = false) {
    Event e = test::make_event(id, date, "", kind, actor, "MLI");
    e.from = from;
    e.to = to;
    if (uncertain) e.confidence = "uncertain";
    return e;
}

Event troops(const std::string& id, const std::string& date, EventKind kind, const std::string& actor,
             const std::string& country, const EventPlace& at, bool uncertain = false) {
    Event e = test::make_event(id, date, "", kind, actor, country);
    e.to = at;
    if (uncertain) e.confidence = "uncertain";
    return e;
}

// A month of events around a trailing window ending 2024-06-30, plus one older meeting.
class EventOverlayTest : public ::testing::Test {
protected:
    EventOverlayTest()
        : events_{troops("A3", "2024-06-01", EventKind::kArrival, "France", "NER", kNiamey),
                  meeting("M_OLD", "2024-01-10", "Russia", kMoscow, kNiamey),
                  meeting("M1", "2024-06-10", "Russia", kMoscow, kBamako),
                  troops("A1", "2024-06-15", EventKind::kArrival, "Russia (Africa Corps)", "MLI", kBamako),
                  troops("A2", "2024-06-18", EventKind::kSizeChange, "Russia (Africa Corps)", "MLI", kBamako, true),
                  meeting("M2", "2024-06-20", "Russia", kMoscow, kBamako, EventKind::kMeeting, true),
                  meeting("C1", "2024-06-25", "Russia", kMoscow, kBamako, EventKind::kCall),
                  meeting("U1", "2024-06-28", "USA", kNiamey, kBamako, EventKind::kMeeting, true),
                  // A meeting without `from` draws no link (nothing to link), but counts as visible.
                  troops("M4", "2024-06-05", EventKind::kMeeting, "Russia", "NER", kNiamey)},
          presence_(derive_presence(events_)) {
        window_.mode = WindowMode::kTrailing;
        window_.at = day(2024, 6, 30);
        window_.days = 30;
    }

    EventOverlay build(const EventFilter& filter = {}) const {
        return build_event_overlay(events_, presence_, window_, filter, projection_);
    }
    const Event& event(const std::string& id) const {
        for (const auto& e : events_)
            if (e.id == id) return e;
        ADD_FAILURE() << "no event " << id;
        return events_.front();
    }

    std::vector<Event> events_;
    PresenceIndex presence_;
    TimeWindow window_;
    Projection projection_;  // equirectangular
};

std::vector<std::string> ids(const std::vector<const Event*>& events) {
    std::vector<std::string> out;
    for (const Event* e : events) out.push_back(e->id);
    return out;
}

using Ids = std::vector<std::string>;

TEST_F(EventOverlayTest, LinksAggregateMeetingsAndCallsPerPairInTheWindow) {
    const EventOverlay o = build();
    EXPECT_EQ(o.visible_count, 8u);  // all but M_OLD, which ended long before the window
    ASSERT_EQ(o.links.size(), 3u);
    // In order of each link's first event; a call is its own link beside the meetings of the same pair.
    EXPECT_EQ(ids(o.links[0].events), (Ids{"M1", "M2"}));  // newest last
    EXPECT_FALSE(o.links[0].call);
    EXPECT_EQ(ids(o.links[1].events), (Ids{"C1"}));
    EXPECT_TRUE(o.links[1].call);
    EXPECT_EQ(ids(o.links[2].events), (Ids{"U1"}));
    EXPECT_FALSE(o.links[2].call);
}

TEST_F(EventOverlayTest, LinkStyleFollowsCountWeightAndConfidence) {
    const EventOverlay o = build();
    ASSERT_EQ(o.links.size(), 3u);
    // Two events: wider (1.8 + 0.9 log2 2); weight of the strongest event (M2, 10 days old: 1 - 0.75/3).
    EXPECT_FLOAT_EQ(o.links[0].width, 2.7f);
    EXPECT_FLOAT_EQ(o.links[0].opacity, event_weight(event("M2"), window_));
    EXPECT_NEAR(o.links[0].opacity, 0.75f, 1e-6);
    EXPECT_FALSE(o.links[0].uncertain);  // M1 is sourced, so the link is not uncertain though M2 is
    EXPECT_EQ(o.links[0].color, party_color("Russia"));
    // One event: base width; C1 is 5 days old.
    EXPECT_FLOAT_EQ(o.links[1].width, 1.8f);
    EXPECT_NEAR(o.links[1].opacity, 1.0f - 0.75f * 5 / 30, 1e-6);
    // Every event uncertain: uncertain, at half the opacity.
    EXPECT_TRUE(o.links[2].uncertain);
    EXPECT_NEAR(o.links[2].opacity, 0.5f * (1.0f - 0.75f * 2 / 30), 1e-6);
    EXPECT_EQ(o.links[2].color, party_color("USA"));
    EXPECT_NE(o.links[2].color, o.links[0].color);
}

TEST_F(EventOverlayTest, ArcsLayerHasOneGreatCircleFeaturePerLinkFromOriginToDestination) {
    const EventOverlay o = build();
    const LayerMesh& mesh = o.arcs.data.mesh;
    ASSERT_EQ(mesh.ranges.size(), o.links.size());
    EXPECT_EQ(o.arcs.data.kind, GeometryKind::kLine);
    EXPECT_TRUE(mesh.fill.indices.empty());  // lines: nothing filled
    for (std::size_t i = 0; i < o.links.size(); ++i) {
        const FeatureRange& r = mesh.ranges[i];
        ASSERT_GE(r.outline_count, 2u);
        const GeoPoint first = mesh.outline_points[r.first_outline];
        const GeoPoint last = mesh.outline_points[r.first_outline + r.outline_count - 1];
        const Event& newest = *o.links[i].events.back();
        EXPECT_NEAR(first.lon, newest.from->position.lon, 1e-9) << i;
        EXPECT_NEAR(first.lat, newest.from->position.lat, 1e-9) << i;
        EXPECT_NEAR(last.lon, newest.to.position.lon, 1e-9) << i;
        EXPECT_NEAR(last.lat, newest.to.position.lat, 1e-9) << i;
    }
    // Moscow -> Bamako is about 6,000 km: densified to 1 degree, so many points, not a straight segment.
    EXPECT_GT(mesh.ranges[0].outline_count, 30u);
    // Projected for the projection given, with a stamp for the renderer's GPU cache.
    ASSERT_TRUE(o.arcs.projected_with.has_value());
    EXPECT_EQ(o.arcs.projected_with->name(), projection_.name());
    EXPECT_EQ(o.arcs.projected.ranges.size(), o.links.size());
    EXPECT_NE(o.arcs.projected.stamp, 0u);
}

TEST_F(EventOverlayTest, TroopMarkersFanOutPerPlaceAndShowConfidence) {
    const EventOverlay o = build();
    ASSERT_EQ(o.markers.size(), 3u);
    // By first day: A3 (Niamey), A1 and A2 (both Bamako: slots 0 and 1).
    EXPECT_EQ(o.markers[0].event->id, "A3");
    EXPECT_EQ(o.markers[0].slot, 0);
    EXPECT_EQ(o.markers[1].event->id, "A1");
    EXPECT_EQ(o.markers[1].slot, 0);
    EXPECT_EQ(o.markers[2].event->id, "A2");
    EXPECT_EQ(o.markers[2].slot, 1);
    EXPECT_DOUBLE_EQ(o.markers[1].position.lon, kBamako.position.lon);
    EXPECT_DOUBLE_EQ(o.markers[1].position.lat, kBamako.position.lat);
    // Sourced: filled in the party colour, white outline. Uncertain: hollow, outlined in the party colour.
    const Color russia = party_color("Russia");
    EXPECT_EQ(o.markers[1].style.fill, russia);
    EXPECT_EQ(o.markers[1].style.stroke, Color::hex(0xFFFFFF));
    EXPECT_EQ(o.markers[1].style.shape, kind_shape(EventKind::kArrival));
    EXPECT_EQ(o.markers[2].style.fill, Color::hex(0xFFFFFF, 0.85f));
    EXPECT_EQ(o.markers[2].style.stroke, russia);
    EXPECT_EQ(o.markers[2].style.shape, kind_shape(EventKind::kSizeChange));
    EXPECT_EQ(o.markers[0].style.fill, party_color("France"));
    EXPECT_FLOAT_EQ(o.markers[1].style.radius, 5.5f);
    EXPECT_FLOAT_EQ(o.markers[1].opacity, event_weight(event("A1"), window_));
    EXPECT_LT(o.markers[0].opacity, o.markers[2].opacity);  // the older event fades more
}

TEST_F(EventOverlayTest, PlacesAreNamedOnceEach) {
    const EventOverlay o = build();
    ASSERT_EQ(o.places.size(), 3u);
    EXPECT_EQ(o.places[0].name, "Bamako");
    EXPECT_EQ(o.places[1].name, "Moscow");
    EXPECT_EQ(o.places[2].name, "Niamey");
    EXPECT_DOUBLE_EQ(o.places[1].position.lat, kMoscow.position.lat);
}

TEST_F(EventOverlayTest, PresenceOnTheWindowsLastDayByCountry) {
    const EventOverlay o = build();
    ASSERT_EQ(o.presence.size(), 2u);
    EXPECT_EQ(o.presence[0].country, "MLI");
    EXPECT_EQ(o.presence[0].parties, (std::vector<std::string>{"Russia"}));
    ASSERT_EQ(o.presence[0].intervals.size(), 1u);
    EXPECT_EQ(o.presence[0].intervals[0]->actor, "Russia (Africa Corps)");
    EXPECT_EQ(o.presence[1].country, "NER");
    EXPECT_EQ(o.presence[1].parties, (std::vector<std::string>{"France"}));
    // Before the Russian arrival, only France is present.
    window_.at = day(2024, 6, 14);
    const EventOverlay earlier = build();
    ASSERT_EQ(earlier.presence.size(), 1u);
    EXPECT_EQ(earlier.presence[0].country, "NER");
}

TEST_F(EventOverlayTest, FiltersRemoveLinksMarkersAndPresence) {
    EventFilter no_russia;
    no_russia.hidden_parties = {"Russia"};
    EventOverlay o = build(no_russia);
    EXPECT_EQ(o.visible_count, 2u);  // A3, U1
    ASSERT_EQ(o.links.size(), 1u);
    EXPECT_EQ(o.links[0].events.back()->id, "U1");
    ASSERT_EQ(o.markers.size(), 1u);
    EXPECT_EQ(o.markers[0].event->id, "A3");
    ASSERT_EQ(o.presence.size(), 1u);
    EXPECT_EQ(o.presence[0].country, "NER");

    EventFilter no_calls;
    no_calls.hidden_kinds = {EventKind::kCall};
    o = build(no_calls);
    ASSERT_EQ(o.links.size(), 2u);
    EXPECT_FALSE(o.links[0].call);
    EXPECT_FALSE(o.links[1].call);

    EventFilter niger;
    niger.countries = {"NER"};
    o = build(niger);
    EXPECT_TRUE(o.links.empty());  // the meetings are filed under MLI
    ASSERT_EQ(o.markers.size(), 1u);
    ASSERT_EQ(o.presence.size(), 1u);
    EXPECT_EQ(o.presence[0].country, "NER");

    EventFilter sure;
    sure.hide_uncertain = true;
    o = build(sure);
    ASSERT_EQ(o.links.size(), 2u);
    EXPECT_EQ(ids(o.links[0].events), (Ids{"M1"}));
    EXPECT_EQ(o.markers.size(), 2u);  // A2 gone
}

TEST_F(EventOverlayTest, PresenceIsHiddenOnlyWhenBothArrivalsAndDeparturesAre) {
    EventFilter no_arrivals;
    no_arrivals.hidden_kinds = {EventKind::kArrival};
    EXPECT_EQ(build(no_arrivals).presence.size(), 2u);
    EventFilter neither;
    neither.hidden_kinds = {EventKind::kArrival, EventKind::kDeparture};
    EXPECT_TRUE(build(neither).presence.empty());
}

TEST_F(EventOverlayTest, RangeWindowShowsOnlyItsEvents) {
    window_.mode = WindowMode::kRange;
    window_.range_start = day(2024, 1, 1);
    window_.range_end = day(2024, 1, 31);
    const EventOverlay o = build();
    EXPECT_EQ(o.visible_count, 1u);
    ASSERT_EQ(o.links.size(), 1u);
    EXPECT_EQ(o.links[0].events.back()->id, "M_OLD");
    EXPECT_FLOAT_EQ(o.links[0].opacity, 1.0f);  // no fading outside trailing windows
    EXPECT_TRUE(o.markers.empty());
    EXPECT_TRUE(o.presence.empty());  // nobody present by the end of January
    EXPECT_EQ(o.window.range_end, day(2024, 1, 31));
}

TEST_F(EventOverlayTest, NoEventsNoOverlay) {
    const EventOverlay o = build_event_overlay(std::vector<Event>{}, PresenceIndex({}), window_, {}, projection_);
    EXPECT_EQ(o.visible_count, 0u);
    EXPECT_TRUE(o.links.empty());
    EXPECT_TRUE(o.markers.empty());
    EXPECT_TRUE(o.places.empty());
    EXPECT_TRUE(o.presence.empty());
    EXPECT_TRUE(o.arcs.data.mesh.outline_points.empty());
}

TEST_F(EventOverlayTest, MarkersSharingAPlaceAreDrawnInRingsOfSix) {
    const Camera camera({0, 0}, 1000, 800, 600);
    TroopMarker m;
    m.position = kBamako.position;
    const XY centre = camera.to_screen(*projection_.forward(kBamako.position));
    XY s = marker_screen_position(m, projection_, camera, 1.0f);
    EXPECT_DOUBLE_EQ(s.x, centre.x);
    EXPECT_DOUBLE_EQ(s.y, centre.y);
    m.slot = 1;  // first ring, 12 px, at 0.5 rad
    s = marker_screen_position(m, projection_, camera, 1.0f);
    EXPECT_NEAR(s.x, centre.x + 12 * std::cos(0.5), 1e-9);
    EXPECT_NEAR(s.y, centre.y + 12 * std::sin(0.5), 1e-9);
    m.slot = 7;  // second ring, 24 px, at 1 rad; doubled by pixel scale 2
    s = marker_screen_position(m, projection_, camera, 2.0f);
    EXPECT_NEAR(s.x, centre.x + 48 * std::cos(1.0), 1e-9);
    EXPECT_NEAR(s.y, centre.y + 48 * std::sin(1.0), 1e-9);
    m.slot = 3;  // first ring, 2 * 60 degrees on
    s = marker_screen_position(m, projection_, camera, 1.0f);
    EXPECT_NEAR(s.x, centre.x + 12 * std::cos(2 * std::numbers::pi / 3 + 0.5), 1e-9);
}

TEST_F(EventOverlayTest, PickFindsMarkersFirstThenLinksWithinTolerance) {
    const EventOverlay o = build();
    const Camera camera({0, 1500000}, 5000, 1600, 1200);
    // On Niamey's marker (A3).
    const XY niamey = marker_screen_position(o.markers[0], projection_, camera, 1.0f);
    const Event* picked = pick_event(o, projection_, camera, niamey);
    ASSERT_NE(picked, nullptr);
    EXPECT_EQ(picked->id, "A3");
    // Within radius + tolerance (5.5 + 6 px) of it, still.
    EXPECT_EQ(pick_event(o, projection_, camera, {niamey.x, niamey.y - 11}), picked);
    // At Moscow: no marker, but the two Moscow -> Bamako links start there; the first (meetings) wins and
    // gives its newest event.
    const XY moscow = camera.to_screen(*projection_.forward(kMoscow.position));
    picked = pick_event(o, projection_, camera, moscow);
    ASSERT_NE(picked, nullptr);
    EXPECT_EQ(picked->id, "M2");
    // 30 px east of Moscow (the links leave it south-west), away from every link and marker: nothing.
    EXPECT_EQ(pick_event(o, projection_, camera, {moscow.x + 30, moscow.y}), nullptr);
    // With a tolerance that reaches back to Moscow, the link again.
    picked = pick_event(o, projection_, camera, {moscow.x + 30, moscow.y}, 31.0f);
    ASSERT_NE(picked, nullptr);
    EXPECT_EQ(picked->id, "M2");
}

// On a HiDPI window (pixel scale 2) markers are drawn twice as large and their fan twice as wide: picking takes
// the same sizes, so a pointer on the drawn marker's edge still picks it.
TEST_F(EventOverlayTest, PickAtPixelScaleTwoUsesTheDrawnSizes) {
    const EventOverlay o = build();
    const Camera camera({0, 1500000}, 5000, 1600, 1200);
    const XY niamey = marker_screen_position(o.markers[0], projection_, camera, 2.0f);
    const Event* picked = pick_event(o, projection_, camera, niamey, 6.0f, 2.0f);
    ASSERT_NE(picked, nullptr);
    EXPECT_EQ(picked->id, "A3");
    // 20 px off: inside (5.5 + 6) x 2 = 23 px at scale 2, outside 11.5 px at scale 1.
    const XY off{niamey.x, niamey.y - 20};
    EXPECT_EQ(pick_event(o, projection_, camera, off, 6.0f, 2.0f), picked);
    EXPECT_NE(pick_event(o, projection_, camera, off, 6.0f, 1.0f), picked);
    // 27 px off: outside even at scale 2.
    EXPECT_NE(pick_event(o, projection_, camera, {niamey.x, niamey.y - 27}, 6.0f, 2.0f), picked);
}

}  // namespace
}  // namespace em

namespace em {
namespace {

// The overlay of a slider step (build_event_overlay_by_day with the incidents' cache, which finds the meetings and
// troop changes among the incidents from its records) is the overlay built from scratch: same links, markers and
// places, whatever the incidents in between.
TEST_F(EventOverlayTest, TheIncidentsCacheGivesTheSameLinksAndMarkers) {
    std::vector<Event> mixed;
    for (std::size_t i = 0; i < events_.size(); ++i) {
        for (int k = 0; k < 3; ++k) {  // incidents around every meeting and troop change
            Event incident = troops("I" + std::to_string(i) + "_" + std::to_string(k), "2024-06-1" + std::to_string(k),
                                    EventKind::kIncident, "ACLED", "MLI", kBamako);
            mixed.push_back(incident);
        }
        mixed.push_back(events_[i]);
    }
    const VisibleEventIndex index(mixed, {});
    const auto cache = std::make_shared<IncidentCache>(mixed, projection_);
    const EventOverlay fresh = build_event_overlay(mixed, presence_, window_, {}, projection_);
    const EventOverlay cached = build_event_overlay_by_day(index.visible_by_first_day(window_), presence_, window_, {},
                                                           projection_, {}, cache);
    ASSERT_NE(cached.points.incidents, nullptr) << "the cache was not used";
    EXPECT_EQ(cached.visible_count, fresh.visible_count);
    EXPECT_EQ(cached.points.marks.size(), 3 * events_.size());
    ASSERT_EQ(cached.links.size(), 3u);
    ASSERT_EQ(cached.links.size(), fresh.links.size());
    for (std::size_t i = 0; i < fresh.links.size(); ++i) {
        EXPECT_EQ(ids(cached.links[i].events), ids(fresh.links[i].events)) << i;
        EXPECT_EQ(cached.links[i].opacity, fresh.links[i].opacity) << i;
        EXPECT_EQ(cached.links[i].color, fresh.links[i].color) << i;
    }
    ASSERT_EQ(cached.markers.size(), fresh.markers.size());
    EXPECT_EQ(cached.markers.size(), 3u);  // A1, A2 and A3
    for (std::size_t i = 0; i < fresh.markers.size(); ++i) {
        EXPECT_EQ(cached.markers[i].event->id, fresh.markers[i].event->id) << i;
        EXPECT_EQ(cached.markers[i].slot, fresh.markers[i].slot) << i;
    }
    ASSERT_EQ(cached.places.size(), fresh.places.size());
    for (std::size_t i = 0; i < fresh.places.size(); ++i) EXPECT_EQ(cached.places[i].name, fresh.places[i].name);
}

}  // namespace
}  // namespace em
