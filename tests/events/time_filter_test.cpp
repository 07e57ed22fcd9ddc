// The time window (trailing, cumulative, range) and the other event filters.

#include "events/time_filter.hpp"

#include <gtest/gtest.h>

#include "support/event_fixtures.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace em {
namespace {

using test::day;
using test::make_event;

TimeWindow trailing(Date at, int days) {
    TimeWindow w;
    w.mode = WindowMode::kTrailing;
    w.at = at;
    w.days = days;
    return w;
}

TimeWindow cumulative(Date at) {
    TimeWindow w;
    w.mode = WindowMode::kCumulative;
    w.at = at;
    return w;
}

TimeWindow range(Date a, Date b) {
    TimeWindow w;
    w.mode = WindowMode::kRange;
    w.range_start = a;
    w.range_end = b;
    w.at = day(1999, 1, 1);  // ignored in range mode
    return w;
}

// ---------------------------------------------------------------------------------------------------------------
// Trailing window.

TEST(TimeWindow, TrailingCoversTheDateAndTheDaysBefore) {
    const TimeWindow w = trailing(day(2023, 7, 10), 30);
    EXPECT_EQ(w.first(), day(2023, 6, 10));
    EXPECT_EQ(w.last(), day(2023, 7, 10));
}

TEST(TimeWindow, TrailingWeights) {
    const TimeWindow w = trailing(day(2023, 7, 10), 30);
    EXPECT_FLOAT_EQ(event_weight(make_event("A", "2023-07-10"), w), 1.0f);     // on the date
    EXPECT_FLOAT_EQ(event_weight(make_event("B", "2023-06-10"), w), 0.25f);    // ended exactly `days` ago
    EXPECT_FLOAT_EQ(event_weight(make_event("C", "2023-06-09"), w), 0.0f);     // before the window
    EXPECT_FLOAT_EQ(event_weight(make_event("D", "2023-07-11"), w), 0.0f);     // after the date
    EXPECT_FLOAT_EQ(event_weight(make_event("E", "2023-06-25"), w), 0.625f);   // half way: 1 - 0.75 * 15/30
    EXPECT_FLOAT_EQ(event_weight(make_event("F", "2023-07-01", "2023-07-20"), w), 1.0f);  // still going on
    EXPECT_FLOAT_EQ(event_weight(make_event("G", "2023-05-01", "2023-07-10"), w), 1.0f);  // ends on the date
}

TEST(TimeWindow, TrailingWeightFadesMonotonically) {
    const TimeWindow w = trailing(day(2023, 7, 10), 30);
    float previous = 2.0f;
    for (int age = 0; age <= 30; ++age) {
        Event e = make_event("A", "2023-07-10");
        e.date = FuzzyDate::of(day(2023, 7, 10) - age);
        const float weight = event_weight(e, w);
        EXPECT_LT(weight, previous) << age;
        EXPECT_GE(weight, 0.25f) << age;
        EXPECT_LE(weight, 1.0f) << age;
        previous = weight;
    }
}

TEST(TimeWindow, TrailingMonthPrecisionEventCountsIfAnyDayOfTheMonthIsInside) {
    // Window 2023-06-25 .. 2023-07-10: "2023-06" (June 1-30) overlaps it.
    const TimeWindow w = trailing(day(2023, 7, 10), 15);
    ASSERT_EQ(w.first(), day(2023, 6, 25));
    const Event june = make_event("J", "2023-06");
    const float weight = event_weight(june, w);
    EXPECT_GT(weight, 0.0f);
    // Its last day (June 30) is 10 days before the date: 1 - 0.75 * 10/15.
    EXPECT_FLOAT_EQ(weight, 0.5f);
    // The same month written as its first day would be outside: precision matters.
    EXPECT_FLOAT_EQ(event_weight(make_event("J1", "2023-06-01"), w), 0.0f);
    // A month that is still going on at the date weighs 1; a month entirely after it, 0.
    EXPECT_FLOAT_EQ(event_weight(make_event("K", "2023-07"), w), 1.0f);
    EXPECT_FLOAT_EQ(event_weight(make_event("L", "2023-08"), w), 0.0f);
    // Window 2023-07-05 .. 2023-07-10 does not reach June.
    EXPECT_FLOAT_EQ(event_weight(june, trailing(day(2023, 7, 10), 5)), 0.0f);
    // A year-precision event is in every window that touches its year.
    EXPECT_GT(event_weight(make_event("Y", "2023"), trailing(day(2024, 1, 5), 10)), 0.0f);
    EXPECT_FLOAT_EQ(event_weight(make_event("Y", "2023"), trailing(day(2024, 1, 15), 10)), 0.0f);
}

TEST(TimeWindow, EventWithEndDateIsShownForItsWholePeriod) {
    const Event e = make_event("P", "2023-01-05", "2023-03-20");
    // Every day from first to last it is going on: weight 1 in a short trailing window.
    for (Date d = day(2023, 1, 5); d <= day(2023, 3, 20); d = d + 1)
        ASSERT_FLOAT_EQ(event_weight(e, trailing(d, 3)), 1.0f) << d.iso();
    EXPECT_FLOAT_EQ(event_weight(e, trailing(day(2023, 1, 4), 3)), 0.0f);
    // After the end it fades from its last day: 30 days later it weighs 0.25, 31 days later 0.
    EXPECT_FLOAT_EQ(event_weight(e, trailing(day(2023, 4, 19), 30)), 0.25f);
    EXPECT_FLOAT_EQ(event_weight(e, trailing(day(2023, 4, 20), 30)), 0.0f);
    // A range strictly inside the period, touching neither end.
    EXPECT_FLOAT_EQ(event_weight(e, range(day(2023, 2, 1), day(2023, 2, 10))), 1.0f);
    // A month end_date covers the whole month.
    const Event m = make_event("Q", "2021-12", "2022-01");
    EXPECT_FLOAT_EQ(event_weight(m, range(day(2022, 1, 31), day(2022, 2, 10))), 1.0f);
    EXPECT_FLOAT_EQ(event_weight(m, range(day(2022, 2, 1), day(2022, 2, 10))), 0.0f);
}

TEST(TimeWindow, ZeroDayTrailingWindowIsTheDateOnly) {
    const TimeWindow w = trailing(day(2023, 7, 10), 0);
    EXPECT_EQ(w.first(), day(2023, 7, 10));
    EXPECT_FLOAT_EQ(event_weight(make_event("A", "2023-07-10"), w), 1.0f);
    EXPECT_FLOAT_EQ(event_weight(make_event("B", "2023-07-09"), w), 0.0f);
}

// ---------------------------------------------------------------------------------------------------------------
// Cumulative and range.

TEST(TimeWindow, CumulativeShowsEverythingUpToTheDate) {
    const TimeWindow w = cumulative(day(2023, 7, 10));
    EXPECT_EQ(w.last(), day(2023, 7, 10));
    EXPECT_LT(w.first(), day(1900, 1, 1));
    EXPECT_FLOAT_EQ(event_weight(make_event("A", "2013-01-11"), w), 1.0f);
    EXPECT_FLOAT_EQ(event_weight(make_event("B", "2023-07-10"), w), 1.0f);
    EXPECT_FLOAT_EQ(event_weight(make_event("C", "2023-07-11"), w), 0.0f);
    EXPECT_FLOAT_EQ(event_weight(make_event("D", "2023-07"), w), 1.0f);  // month has begun
    EXPECT_FLOAT_EQ(event_weight(make_event("E", "2023-08"), w), 0.0f);
    EXPECT_FLOAT_EQ(event_weight(make_event("F", "1950"), w), 1.0f);       // no fading
}

TEST(TimeWindow, RangeBetweenTwoDatesInEitherOrder) {
    const TimeWindow forward = range(day(2023, 1, 1), day(2023, 12, 31));
    const TimeWindow reversed = range(day(2023, 12, 31), day(2023, 1, 1));
    for (const TimeWindow& w : {forward, reversed}) {
        EXPECT_EQ(w.first(), day(2023, 1, 1));
        EXPECT_EQ(w.last(), day(2023, 12, 31));
        EXPECT_FLOAT_EQ(event_weight(make_event("A", "2023-01-01"), w), 1.0f);
        EXPECT_FLOAT_EQ(event_weight(make_event("B", "2023-12-31"), w), 1.0f);
        EXPECT_FLOAT_EQ(event_weight(make_event("C", "2022-12-31"), w), 0.0f);
        EXPECT_FLOAT_EQ(event_weight(make_event("D", "2024-01-01"), w), 0.0f);
        EXPECT_FLOAT_EQ(event_weight(make_event("E", "2022-12-20", "2023-01-02"), w), 1.0f);
        EXPECT_FLOAT_EQ(event_weight(make_event("F", "2022"), w), 0.0f);
    }
}

TEST(TimeWindow, RangeCatchesMonthPrecisionEventByAnyDay) {
    const TimeWindow w = range(day(2023, 6, 25), day(2023, 7, 10));
    EXPECT_FLOAT_EQ(event_weight(make_event("J", "2023-06"), w), 1.0f);
    EXPECT_FLOAT_EQ(event_weight(make_event("J", "2023-05"), w), 0.0f);
    const TimeWindow reversed = range(day(2023, 7, 10), day(2023, 6, 25));
    EXPECT_FLOAT_EQ(event_weight(make_event("J", "2023-06"), reversed), 1.0f);
}

// ---------------------------------------------------------------------------------------------------------------
// EventFilter.

std::vector<Event> sample_events() {
    std::vector<Event> v;
    v.push_back(make_event("M01", "2023-07-01", "", EventKind::kMeeting, "Russia", "MLI"));
    v.back().participants = "Vladimir Putin; Assimi Goita";
    v.back().description = "Bilateral meeting at the Russia-Africa Summit.";
    v.push_back(make_event("D14", "2023-07-02", "", EventKind::kDeparture, "France (Operation Barkhane)", "MLI"));
    v.back().description = "Last French soldiers leave Mali.";
    v.push_back(make_event("D21", "2023-07-03", "", EventKind::kArrival, "Russia (instructors)", "BFA"));
    v.back().confidence = "uncertain (month per Lavrov)";
    v.back().description = "Russian instructors arrive.";
    v.push_back(make_event("C01", "2023-07-04", "", EventKind::kCall, "Russia", "NER"));
    v.back().participants = "Abdourahamane Tiani; Vladimir Putin";
    return v;
}

std::vector<std::string> matching_ids(const std::vector<Event>& events, const EventFilter& f) {
    std::vector<std::string> ids;
    for (const auto& e : events)
        if (f.matches(e)) ids.push_back(e.id);
    return ids;
}

TEST(EventFilter, EmptyFilterMatchesEverything) {
    const auto events = sample_events();
    EXPECT_EQ(matching_ids(events, EventFilter{}), (std::vector<std::string>{"M01", "D14", "D21", "C01"}));
}

TEST(EventFilter, HiddenPartyHidesAllItsActors) {
    const auto events = sample_events();
    EventFilter f;
    f.hidden_parties = {"Russia"};
    EXPECT_EQ(matching_ids(events, f), (std::vector<std::string>{"D14"}));
    f.hidden_parties = {"France"};
    EXPECT_EQ(matching_ids(events, f), (std::vector<std::string>{"M01", "D21", "C01"}));
    f.hidden_parties = {"France (Operation Barkhane)"};  // an actor is not a party
    EXPECT_EQ(matching_ids(events, f).size(), 4u);
}

TEST(EventFilter, HiddenKinds) {
    const auto events = sample_events();
    EventFilter f;
    f.hidden_kinds = {EventKind::kMeeting, EventKind::kCall};
    EXPECT_EQ(matching_ids(events, f), (std::vector<std::string>{"D14", "D21"}));
    f.hidden_kinds = {EventKind::kArrival};
    EXPECT_EQ(matching_ids(events, f), (std::vector<std::string>{"M01", "D14", "C01"}));
}

TEST(EventFilter, Countries) {
    const auto events = sample_events();
    EventFilter f;
    f.countries = {"MLI"};
    EXPECT_EQ(matching_ids(events, f), (std::vector<std::string>{"M01", "D14"}));
    f.countries = {"BFA", "NER"};
    EXPECT_EQ(matching_ids(events, f), (std::vector<std::string>{"D21", "C01"}));
    f.countries = {"TCD"};
    EXPECT_TRUE(matching_ids(events, f).empty());
}

TEST(EventFilter, HideUncertain) {
    const auto events = sample_events();
    EventFilter f;
    f.hide_uncertain = true;
    EXPECT_EQ(matching_ids(events, f), (std::vector<std::string>{"M01", "D14", "C01"}));
}

TEST(EventFilter, TextIsCaseInsensitiveInParticipantsAndDescription) {
    const auto events = sample_events();
    EventFilter f;
    f.text = "putin";  // participants: "Vladimir Putin"
    EXPECT_EQ(matching_ids(events, f), (std::vector<std::string>{"M01", "C01"}));
    f.text = "PUTIN";
    EXPECT_EQ(matching_ids(events, f), (std::vector<std::string>{"M01", "C01"}));
    f.text = "SuMmIt";  // description: "Russia-Africa Summit"
    EXPECT_EQ(matching_ids(events, f), (std::vector<std::string>{"M01"}));
    f.text = "french soldiers";
    EXPECT_EQ(matching_ids(events, f), (std::vector<std::string>{"D14"}));
    f.text = "tiani";
    EXPECT_EQ(matching_ids(events, f), (std::vector<std::string>{"C01"}));
    f.text = "not anywhere";
    EXPECT_TRUE(matching_ids(events, f).empty());
}

TEST(EventFilter, FiltersCombine) {
    const auto events = sample_events();
    EventFilter f;
    f.text = "putin";
    f.hidden_kinds = {EventKind::kCall};
    EXPECT_EQ(matching_ids(events, f), (std::vector<std::string>{"M01"}));
    f.countries = {"NER"};
    EXPECT_TRUE(matching_ids(events, f).empty());
}

TEST(VisibleEvents, FilterAndWindowTogetherWithWeights) {
    const auto events = sample_events();
    EventFilter f;
    f.hidden_parties = {"France"};
    const auto visible = visible_events(events, trailing(day(2023, 7, 3), 30), f);
    // D14 hidden by party, C01 (Jul 4) after the date.
    ASSERT_EQ(visible.size(), 2u);
    EXPECT_EQ(visible[0].event->id, "M01");
    EXPECT_EQ(visible[0].event, &events[0]);
    EXPECT_FLOAT_EQ(visible[0].weight, 1.0f - 0.75f * 2.0f / 30.0f);
    EXPECT_EQ(visible[1].event->id, "D21");
    EXPECT_FLOAT_EQ(visible[1].weight, 1.0f);
}

}  // namespace
}  // namespace em

namespace em {
namespace {

// Presence is filtered here, in the same place as the events: the map's overlay only groups what passes. The
// shown-parties set (--actor) once reached the events but not the presence tints.
TEST(VisiblePresence, PartiesCountriesAndKindsFilterPresenceLikeEvents) {
    std::vector<PresenceInterval> intervals;
    intervals.push_back({"Russia (Africa Corps)", "MLI", test::day(2024, 1, 1), std::nullopt, "r1", "", {}});
    intervals.push_back({"France (Operation Barkhane)", "NER", test::day(2023, 1, 1), std::nullopt, "f1", "", {}});
    intervals.push_back({"Russia (Africa Corps)", "BFA", test::day(2025, 1, 1), std::nullopt, "r2", "", {}});
    const PresenceIndex index(intervals);
    const Date day = test::day(2024, 8, 13);
    auto countries = [&](const EventFilter& f) {
        std::vector<std::string> out;
        for (const PresenceInterval* p : visible_presence(index, day, f)) out.push_back(p->country);
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(countries({}), (std::vector<std::string>{"MLI", "NER"})) << "BFA's interval starts later";
    EventFilter shown_russia;
    shown_russia.parties = {"Russia"};
    EXPECT_EQ(countries(shown_russia), (std::vector<std::string>{"MLI"}));
    EventFilter hidden_russia;
    hidden_russia.hidden_parties = {"Russia"};
    EXPECT_EQ(countries(hidden_russia), (std::vector<std::string>{"NER"}));
    EventFilter niger;
    niger.countries = {"NER"};
    EXPECT_EQ(countries(niger), (std::vector<std::string>{"NER"}));
    EventFilter one_kind_hidden;
    one_kind_hidden.hidden_kinds = {EventKind::kArrival};
    EXPECT_EQ(countries(one_kind_hidden).size(), 2u) << "departures still imply presence";
    one_kind_hidden.hidden_kinds.insert(EventKind::kDeparture);
    EXPECT_TRUE(countries(one_kind_hidden).empty());
}

}  // namespace
}  // namespace em
