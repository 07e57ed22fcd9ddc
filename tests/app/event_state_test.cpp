// load_event_state and refresh_event_state (app/event_state): loading places and events files into the window's
// events state, and rebuilding the histogram and the map's event overlay only when they are stale.
#include "app/event_state.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <numeric>
#include <string>

#include "support/event_fixtures.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

using test::day;

void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

constexpr const char* kPlaces =
    "place,country,iso_a3,lat,lon,is_capital,note,confidence\n"
    "Moscow,Russia,RUS,55.75,37.62,yes,,well-known\n"
    "Bamako,Mali,MLI,12.65,-8.0,yes,,well-known\n"
    "Niamey,Niger,NER,13.51,2.11,yes,,well-known\n"
    "Nowhere,Mali,MLI,abc,1.0,no,,well-known\n";  // bad latitude: a problem, skipped

constexpr const char* kEvents =
    "id,date,end_date,kind,actor,country,from,to,size,participants,description,source,confidence\n"
    "E1,2024-06-10,,meeting,Russia,MLI,Moscow,Bamako,,,talks,src,sourced\n"
    "E2,2024-06-20,,meeting,France,NER,Niamey,Bamako,,,talks,src,sourced\n"
    "E3,2024-06-15,,arrival,Russia (Africa Corps),MLI,,Bamako,,,arrival,src,sourced\n"
    "E4,2024-02-30,,meeting,Russia,MLI,Moscow,Bamako,,,impossible date,src,sourced\n";

class EventStateTest : public ::testing::Test {
protected:
    void SetUp() override {
        // One folder per test: ctest may run tests of this binary side by side.
        dir_ = test::temp_dir("event_state-" +
                              std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        places_ = (dir_ / "places.csv").string();
        events_ = (dir_ / "events.csv").string();
        write(places_, kPlaces);
        write(events_, kEvents);
    }
    Status load(std::optional<Date> start = std::nullopt, int days = 14) {
        return load_event_state(state_, places_, {events_, missing()}, start, days);
    }
    std::string missing() const { return (dir_ / "missing.csv").string(); }
    static int total(const Histogram& h) {
        int n = 0;
        for (const auto& bin : h.counts) n = std::accumulate(bin.begin(), bin.end(), n);
        return n;
    }

    std::filesystem::path dir_;
    std::string places_, events_;
    EventState state_;
    MapScene scene_;
};

TEST_F(EventStateTest, LoadReadsEventsAndKeepsEveryProblem) {
    ASSERT_TRUE(load().ok());
    ASSERT_EQ(state_.set.events.size(), 3u);
    EXPECT_EQ(state_.set.events[0].id, "E1");
    EXPECT_EQ(state_.set.events[2].id, "E3");
    EXPECT_EQ(state_.places.places.size(), 3u);
    // The places problem, the bad row, the missing file: all errors, each naming its file.
    ASSERT_EQ(state_.set.problems.size(), 3u);
    EXPECT_EQ(state_.set.problems[0].file, places_);
    EXPECT_NE(state_.set.problems[0].message.find("latitude 'abc'"), std::string::npos)
        << state_.set.problems[0].message;
    EXPECT_EQ(state_.set.problems[1].file, events_);
    EXPECT_EQ(state_.set.problems[1].line, 5);
    EXPECT_EQ(state_.set.problems[2].file, missing());
    EXPECT_FALSE(state_.set.problems[2].message.empty());
    for (const auto& p : state_.set.problems) EXPECT_EQ(p.severity, EventProblem::Severity::kError);
}

TEST_F(EventStateTest, LoadSetsTheClockToTheLastEventWithATrailingWindow) {
    state_.timeline.window.mode = WindowMode::kRange;  // whatever was there before
    ASSERT_TRUE(load(std::nullopt, 14).ok());
    EXPECT_EQ(state_.timeline.data_first, day(2024, 6, 10) - 30);
    EXPECT_EQ(state_.timeline.data_last, day(2024, 6, 20) + 30);
    EXPECT_EQ(state_.timeline.window.mode, WindowMode::kTrailing);
    EXPECT_EQ(state_.timeline.window.days, 14);
    EXPECT_EQ(state_.timeline.window.at, day(2024, 6, 20));
}

TEST_F(EventStateTest, LoadStartsAtTheGivenDateClampedToTheData) {
    ASSERT_TRUE(load(day(2024, 6, 12)).ok());
    EXPECT_EQ(state_.timeline.window.at, day(2024, 6, 12));
    ASSERT_TRUE(load(day(2030, 1, 1)).ok());
    EXPECT_EQ(state_.timeline.window.at, day(2024, 6, 20) + 30);
}

TEST_F(EventStateTest, LoadDerivesPresenceDaysAndFilterChoices) {
    ASSERT_TRUE(load().ok());
    ASSERT_EQ(state_.presence.size(), 1u);
    EXPECT_EQ(state_.presence[0].actor, "Russia (Africa Corps)");
    EXPECT_EQ(state_.presence[0].country, "MLI");
    EXPECT_EQ(state_.presence[0].since, day(2024, 6, 15));
    EXPECT_FALSE(state_.presence[0].until.has_value());
    EXPECT_EQ(state_.presence_index.on(day(2024, 6, 16)).size(), 1u);
    EXPECT_TRUE(state_.presence_index.on(day(2024, 6, 14)).empty());
    EXPECT_EQ(state_.days, (std::vector<Date>{day(2024, 6, 10), day(2024, 6, 15), day(2024, 6, 20)}));
    // Parties, not actors; sorted and unique.
    EXPECT_EQ(state_.choices.parties, (std::vector<std::string>{"France", "Russia"}));
    EXPECT_EQ(state_.choices.countries, (std::vector<std::string>{"MLI", "NER"}));
    EXPECT_TRUE(state_.visible_index.built_for(state_.set.events, state_.filter));
    EXPECT_EQ(state_.visible_index.size(), 3u);
    EXPECT_TRUE(state_.histogram_stale);
    EXPECT_TRUE(state_.overlay_stale);
}

TEST_F(EventStateTest, LoadingAgainReplacesRatherThanMerges) {
    ASSERT_TRUE(load().ok());
    ASSERT_TRUE(load().ok());
    ASSERT_EQ(state_.set.events.size(), 3u);
    EXPECT_EQ(state_.set.events[0].id, "E1");
    EXPECT_EQ(state_.set.events[1].id, "E2");
    EXPECT_EQ(state_.set.events[2].id, "E3");
    // The same three problems as after one load: no "duplicate id" errors from the first load's events.
    ASSERT_EQ(state_.set.problems.size(), 3u);
    EXPECT_EQ(state_.set.problems[0].file, places_);
    EXPECT_EQ(state_.set.problems[1].line, 5);
    EXPECT_EQ(state_.set.problems[2].file, missing());
    for (const auto& p : state_.set.problems) EXPECT_EQ(p.message.find("duplicate"), std::string::npos) << p.message;
    EXPECT_EQ(state_.presence.size(), 1u);  // not derived twice over
}

TEST_F(EventStateTest, MissingPlacesFileIsAnErrorAndLeavesTheStateAlone) {
    ASSERT_TRUE(load().ok());
    const auto status = load_event_state(state_, (dir_ / "no-places.csv").string(), {events_}, std::nullopt, 30);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("no-places.csv"), std::string::npos) << status.error().message;
    EXPECT_EQ(state_.set.events.size(), 3u);
    EXPECT_EQ(state_.timeline.window.days, 14);
}

TEST_F(EventStateTest, RefreshBuildsHistogramAndOverlayOnce) {
    ASSERT_TRUE(load().ok());
    EXPECT_TRUE(refresh_event_state(state_, scene_));
    EXPECT_FALSE(state_.histogram_stale);
    EXPECT_FALSE(state_.overlay_stale);
    EXPECT_EQ(state_.histogram.first, state_.timeline.data_first);
    EXPECT_EQ(state_.histogram.last, state_.timeline.data_last);
    EXPECT_EQ(state_.histogram.bins, 160);
    EXPECT_EQ(total(state_.histogram), 3);
    ASSERT_TRUE(scene_.events.has_value());
    EXPECT_EQ(scene_.events->visible_count, 3u);  // 2024-06-06 .. 2024-06-20
    EXPECT_EQ(scene_.events->links.size(), 2u);
    EXPECT_EQ(scene_.events->markers.size(), 1u);
    EXPECT_EQ(scene_.events->window.at, day(2024, 6, 20));

    // Nothing stale: nothing rebuilt (marks put in both are still there) and no redraw asked.
    scene_.events->visible_count = 12345;
    state_.histogram.max_total = -7;
    EXPECT_FALSE(refresh_event_state(state_, scene_));
    EXPECT_EQ(scene_.events->visible_count, 12345u);
    EXPECT_EQ(state_.histogram.max_total, -7);
}

TEST_F(EventStateTest, AClockChangeRebuildsOnlyTheOverlay) {
    ASSERT_TRUE(load().ok());
    refresh_event_state(state_, scene_);
    state_.histogram.max_total = -7;
    jump_to(state_.timeline, day(2024, 6, 12));  // 2024-05-29 .. 2024-06-12: E1 only
    state_.overlay_stale = true;
    EXPECT_TRUE(refresh_event_state(state_, scene_));
    ASSERT_TRUE(scene_.events.has_value());
    EXPECT_EQ(scene_.events->visible_count, 1u);
    ASSERT_EQ(scene_.events->links.size(), 1u);
    EXPECT_EQ(scene_.events->links[0].events.back()->id, "E1");
    EXPECT_EQ(state_.histogram.max_total, -7);  // the histogram was not stale
}

TEST_F(EventStateTest, AFilterChangeAppliesToHistogramAndOverlay) {
    ASSERT_TRUE(load().ok());
    refresh_event_state(state_, scene_);
    state_.filter.hidden_parties = {"Russia"};

    // Only the histogram stale: it follows the filter; the overlay is left as it was and no redraw is asked.
    state_.histogram_stale = true;
    EXPECT_FALSE(refresh_event_state(state_, scene_));
    EXPECT_EQ(total(state_.histogram), 1);  // E2 (France)
    EXPECT_EQ(scene_.events->visible_count, 3u);

    // Then the overlay: the index is rebuilt for the new filter, so Russian events are gone.
    state_.overlay_stale = true;
    EXPECT_TRUE(refresh_event_state(state_, scene_));
    EXPECT_TRUE(state_.visible_index.built_for(state_.set.events, state_.filter));
    EXPECT_EQ(scene_.events->visible_count, 1u);
    ASSERT_EQ(scene_.events->links.size(), 1u);
    EXPECT_EQ(scene_.events->links[0].events.back()->id, "E2");
    EXPECT_TRUE(scene_.events->markers.empty());

    // Text search too (case-insensitive, in the id among others).
    state_.filter = {};
    state_.filter.text = "e3";
    state_.histogram_stale = state_.overlay_stale = true;
    EXPECT_TRUE(refresh_event_state(state_, scene_));
    EXPECT_EQ(total(state_.histogram), 1);
    EXPECT_EQ(scene_.events->visible_count, 1u);
    ASSERT_EQ(scene_.events->markers.size(), 1u);
    EXPECT_EQ(scene_.events->markers[0].event->id, "E3");
}

TEST_F(EventStateTest, OverlayUsesTheScenesProjection) {
    ASSERT_TRUE(load().ok());
    scene_.projection = *Projection::from_name("laea");
    refresh_event_state(state_, scene_);
    ASSERT_TRUE(scene_.events.has_value());
    ASSERT_TRUE(scene_.events->arcs.projected_with.has_value());
    EXPECT_EQ(scene_.events->arcs.projected_with->name(), "laea");
}

TEST_F(EventStateTest, ChangedFileIsSeenAndReloadKeepsTheClockAndFilters) {
    ASSERT_TRUE(load(day(2024, 6, 30), 14).ok());
    state_.timeline.window.mode = WindowMode::kRange;
    state_.timeline.window.range_start = day(2024, 6, 1);
    state_.timeline.window.range_end = day(2024, 6, 30);
    state_.filter.hidden_kinds = {EventKind::kCall};
    EXPECT_FALSE(event_files_changed(state_, 10.0));  // nothing changed
    write(events_, std::string(kEvents) + "E5,2024-06-25,,meeting,Russia,NER,Moscow,Niamey,,,talks,src,sourced\n");
    EXPECT_FALSE(event_files_changed(state_, 10.5)) << "looks at most once a second";
    EXPECT_TRUE(event_files_changed(state_, 11.5));
    ASSERT_TRUE(reload_event_state(state_).ok());
    EXPECT_EQ(state_.set.events.size(), 4u);
    EXPECT_EQ(state_.timeline.window.mode, WindowMode::kRange);
    EXPECT_EQ(state_.timeline.window.range_start, day(2024, 6, 1));
    EXPECT_EQ(state_.filter.hidden_kinds, (std::set<EventKind>{EventKind::kCall}));
    EXPECT_TRUE(state_.overlay_stale);
    EXPECT_FALSE(event_files_changed(state_, 20.0));  // the new stamps were taken
    ASSERT_TRUE(refresh_event_state(state_, scene_));
    EXPECT_EQ(scene_.events->visible_count, 4u);
}

}  // namespace
}  // namespace em
