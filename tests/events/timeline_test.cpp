// The clock: stepping by day, week, month, year and event (with clamping at the data's ends and month ends),
// playback (loop, stop, skip empty stretches), jumps, typed dates, event days, the data's range and the histogram.

#include "events/timeline.hpp"

#include <gtest/gtest.h>

#include "support/event_fixtures.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace em {
namespace {

using test::day;
using test::make_event;

// A clock over 2020-01-01 .. 2024-12-31 at `at`.
TimelineState clock_at(Date at) {
    TimelineState s;
    s.data_first = day(2020, 1, 1);
    s.data_last = day(2024, 12, 31);
    s.window.at = at;
    return s;
}

// The date after one step.
Date stepped(Date from, StepUnit unit, int direction, const std::vector<Date>& days = {}) {
    TimelineState s = clock_at(from);
    step(s, unit, direction, days);
    return s.window.at;
}

// ---------------------------------------------------------------------------------------------------------------
// Steps by day, week, month and year.

TEST(TimelineStep, DayAndWeekBothWays) {
    EXPECT_EQ(stepped(day(2023, 6, 15), StepUnit::kDay, +1), day(2023, 6, 16));
    EXPECT_EQ(stepped(day(2023, 6, 15), StepUnit::kDay, -1), day(2023, 6, 14));
    EXPECT_EQ(stepped(day(2023, 12, 31), StepUnit::kDay, +1), day(2024, 1, 1));
    EXPECT_EQ(stepped(day(2024, 3, 1), StepUnit::kDay, -1), day(2024, 2, 29));
    EXPECT_EQ(stepped(day(2023, 6, 15), StepUnit::kWeek, +1), day(2023, 6, 22));
    EXPECT_EQ(stepped(day(2023, 6, 15), StepUnit::kWeek, -1), day(2023, 6, 8));
    EXPECT_EQ(stepped(day(2023, 12, 28), StepUnit::kWeek, +1), day(2024, 1, 4));
}

TEST(TimelineStep, MonthKeepsTheDayOfTheMonth) {
    EXPECT_EQ(stepped(day(2023, 6, 15), StepUnit::kMonth, +1), day(2023, 7, 15));
    EXPECT_EQ(stepped(day(2023, 6, 15), StepUnit::kMonth, -1), day(2023, 5, 15));
    EXPECT_EQ(stepped(day(2023, 12, 15), StepUnit::kMonth, +1), day(2024, 1, 15));  // across the year
    EXPECT_EQ(stepped(day(2023, 1, 15), StepUnit::kMonth, -1), day(2022, 12, 15));
}

TEST(TimelineStep, MonthFromAMonthEndStopsAtTheShorterMonthsEnd) {
    EXPECT_EQ(stepped(day(2023, 1, 31), StepUnit::kMonth, +1), day(2023, 2, 28));
    EXPECT_EQ(stepped(day(2024, 1, 31), StepUnit::kMonth, +1), day(2024, 2, 29));  // leap year
    EXPECT_EQ(stepped(day(2023, 3, 31), StepUnit::kMonth, -1), day(2023, 2, 28));
    EXPECT_EQ(stepped(day(2024, 3, 31), StepUnit::kMonth, -1), day(2024, 2, 29));
    EXPECT_EQ(stepped(day(2023, 5, 31), StepUnit::kMonth, +1), day(2023, 6, 30));
    EXPECT_EQ(stepped(day(2023, 1, 30), StepUnit::kMonth, +1), day(2023, 2, 28));
    EXPECT_EQ(stepped(day(2023, 8, 31), StepUnit::kMonth, +1), day(2023, 9, 30));
    // The day is not remembered: Jan 31, then Feb 28, then Mar 28.
    TimelineState s = clock_at(day(2023, 1, 31));
    step(s, StepUnit::kMonth, +1, {});
    step(s, StepUnit::kMonth, +1, {});
    EXPECT_EQ(s.window.at, day(2023, 3, 28));
}

TEST(TimelineStep, YearFromFebruary29) {
    EXPECT_EQ(stepped(day(2023, 6, 15), StepUnit::kYear, +1), day(2024, 6, 15));
    EXPECT_EQ(stepped(day(2023, 6, 15), StepUnit::kYear, -1), day(2022, 6, 15));
    EXPECT_EQ(stepped(day(2024, 2, 29), StepUnit::kYear, -1), day(2023, 2, 28));
    EXPECT_EQ(stepped(day(2020, 2, 29), StepUnit::kYear, +1), day(2021, 2, 28));
}

TEST(TimelineStep, ClampsAtTheEndsOfTheData) {
    // Every unit stops at the last day going forwards and at the first day going backwards.
    for (StepUnit unit : {StepUnit::kDay, StepUnit::kWeek, StepUnit::kMonth, StepUnit::kYear}) {
        EXPECT_EQ(stepped(day(2024, 12, 31), unit, +1), day(2024, 12, 31));
        EXPECT_EQ(stepped(day(2024, 12, 30), unit, +1), day(2024, 12, 31));
        EXPECT_EQ(stepped(day(2020, 1, 1), unit, -1), day(2020, 1, 1));
        EXPECT_EQ(stepped(day(2020, 1, 2), unit, -1), day(2020, 1, 1));
    }
    EXPECT_EQ(stepped(day(2024, 12, 20), StepUnit::kWeek, +1), day(2024, 12, 27));
    EXPECT_EQ(stepped(day(2024, 12, 28), StepUnit::kWeek, +1), day(2024, 12, 31));
    EXPECT_EQ(stepped(day(2024, 11, 30), StepUnit::kMonth, +1), day(2024, 12, 30));
    EXPECT_EQ(stepped(day(2024, 6, 1), StepUnit::kYear, +1), day(2024, 12, 31));
    EXPECT_EQ(stepped(day(2020, 6, 1), StepUnit::kYear, -1), day(2020, 1, 1));
}

TEST(TimelineStep, ForgetsThePlaybackFraction) {
    TimelineState s = clock_at(day(2023, 6, 15));
    s.carry = 0.7;
    step(s, StepUnit::kDay, +1, {});
    EXPECT_EQ(s.carry, 0.0);
}

// ---------------------------------------------------------------------------------------------------------------
// Steps to the next and previous event.

const std::vector<Date> kDays = {day(2021, 3, 1), day(2022, 8, 15), day(2022, 8, 20), day(2024, 1, 24)};

TEST(TimelineStep, NextAndPreviousEvent) {
    EXPECT_EQ(stepped(day(2022, 1, 1), StepUnit::kEvent, +1, kDays), day(2022, 8, 15));
    EXPECT_EQ(stepped(day(2022, 1, 1), StepUnit::kEvent, -1, kDays), day(2021, 3, 1));
    // From an event's own day: the next or previous other one, never the same day again.
    EXPECT_EQ(stepped(day(2022, 8, 15), StepUnit::kEvent, +1, kDays), day(2022, 8, 20));
    EXPECT_EQ(stepped(day(2022, 8, 15), StepUnit::kEvent, -1, kDays), day(2021, 3, 1));
    EXPECT_EQ(stepped(day(2022, 8, 20), StepUnit::kEvent, -1, kDays), day(2022, 8, 15));
    // Before the first and after the last event.
    EXPECT_EQ(stepped(day(2020, 1, 1), StepUnit::kEvent, +1, kDays), day(2021, 3, 1));
    EXPECT_EQ(stepped(day(2024, 12, 31), StepUnit::kEvent, -1, kDays), day(2024, 1, 24));
}

TEST(TimelineStep, NoEventFurtherStaysPut) {
    EXPECT_EQ(stepped(day(2024, 1, 24), StepUnit::kEvent, +1, kDays), day(2024, 1, 24));
    EXPECT_EQ(stepped(day(2024, 6, 1), StepUnit::kEvent, +1, kDays), day(2024, 6, 1));
    EXPECT_EQ(stepped(day(2021, 3, 1), StepUnit::kEvent, -1, kDays), day(2021, 3, 1));
    EXPECT_EQ(stepped(day(2020, 6, 1), StepUnit::kEvent, -1, kDays), day(2020, 6, 1));
    EXPECT_EQ(stepped(day(2022, 1, 1), StepUnit::kEvent, +1, {}), day(2022, 1, 1));
    EXPECT_EQ(stepped(day(2022, 1, 1), StepUnit::kEvent, -1, {}), day(2022, 1, 1));
}

TEST(TimelineStep, EventOutsideTheDataRangeIsClamped) {
    const std::vector<Date> days = {day(2019, 5, 1), day(2026, 5, 1)};
    EXPECT_EQ(stepped(day(2022, 1, 1), StepUnit::kEvent, +1, days), day(2024, 12, 31));
    EXPECT_EQ(stepped(day(2022, 1, 1), StepUnit::kEvent, -1, days), day(2020, 1, 1));
}

// ---------------------------------------------------------------------------------------------------------------
// Playback.

TEST(TimelineAdvance, NothingWhenPausedOrNoTimePassed) {
    TimelineState s = clock_at(day(2023, 6, 15));
    s.playing = false;
    EXPECT_FALSE(advance(s, 1.0, {}));
    EXPECT_EQ(s.window.at, day(2023, 6, 15));
    s.playing = true;
    EXPECT_FALSE(advance(s, 0.0, {}));
    EXPECT_FALSE(advance(s, -1.0, {}));
    EXPECT_EQ(s.window.at, day(2023, 6, 15));
    EXPECT_EQ(s.carry, 0.0);
}

TEST(TimelineAdvance, MovesBySpeedTimesSecondsAndKeepsTheFraction) {
    TimelineState s = clock_at(day(2023, 6, 15));
    s.playing = true;
    s.days_per_second = 30.0;
    EXPECT_TRUE(advance(s, 0.1, {}));  // 3 days
    EXPECT_EQ(s.window.at, day(2023, 6, 18));
    EXPECT_NEAR(s.carry, 0.0, 1e-9);
    // 10 days a second, 1/60 s frames: a day every sixth frame, the fraction carried over.
    s.days_per_second = 10.0;
    int moved = 0;
    for (int frame = 0; frame < 60; ++frame) moved += advance(s, 1.0 / 60.0, {});
    EXPECT_GE(moved, 9);
    EXPECT_LE(moved, 10);
    EXPECT_GE(s.window.at, day(2023, 6, 27));
    EXPECT_LE(s.window.at, day(2023, 6, 28));
    EXPECT_TRUE(s.playing);
}

TEST(TimelineAdvance, LessThanADayWaits) {
    TimelineState s = clock_at(day(2023, 6, 15));
    s.playing = true;
    s.days_per_second = 1.0;
    EXPECT_FALSE(advance(s, 0.4, {}));
    EXPECT_FALSE(advance(s, 0.4, {}));
    EXPECT_EQ(s.window.at, day(2023, 6, 15));
    EXPECT_TRUE(advance(s, 0.4, {}));  // 1.2 days in all
    EXPECT_EQ(s.window.at, day(2023, 6, 16));
    EXPECT_NEAR(s.carry, 0.2, 1e-9);
}

TEST(TimelineAdvance, LoopsToTheFirstDayAtTheEnd) {
    TimelineState s = clock_at(day(2024, 12, 29));
    s.playing = true;
    s.loop = true;
    s.days_per_second = 1.0;
    EXPECT_TRUE(advance(s, 2.0, {}));
    EXPECT_EQ(s.window.at, day(2024, 12, 31));  // the last day itself is shown
    EXPECT_TRUE(advance(s, 1.0, {}));
    EXPECT_EQ(s.window.at, day(2020, 1, 1));
    EXPECT_TRUE(s.playing);
    // A big jump past the end loops too.
    s.window.at = day(2024, 12, 1);
    EXPECT_TRUE(advance(s, 100.0, {}));
    EXPECT_EQ(s.window.at, day(2020, 1, 1));
}

TEST(TimelineAdvance, StopsAtTheLastDayWithoutLoop) {
    TimelineState s = clock_at(day(2024, 12, 20));
    s.playing = true;
    s.loop = false;
    s.days_per_second = 30.0;
    EXPECT_TRUE(advance(s, 1.0, {}));
    EXPECT_EQ(s.window.at, day(2024, 12, 31));
    EXPECT_FALSE(s.playing);
    EXPECT_FALSE(advance(s, 1.0, {}));  // stopped
    EXPECT_EQ(s.window.at, day(2024, 12, 31));
    // Already on the last day: it stops there, and the date did not move.
    s.playing = true;
    EXPECT_FALSE(advance(s, 1.0, {}));
    EXPECT_FALSE(s.playing);
    EXPECT_EQ(s.window.at, day(2024, 12, 31));
}

TEST(TimelineAdvance, SkipEmptyJumpsToTheNextEventDay) {
    TimelineState s = clock_at(day(2022, 1, 1));
    s.playing = true;
    s.skip_empty = true;
    s.days_per_second = 1.0;
    EXPECT_TRUE(advance(s, 1.0, kDays));
    EXPECT_EQ(s.window.at, day(2022, 8, 15));
    // The next event is 5 days on: skipped to directly as well.
    EXPECT_TRUE(advance(s, 1.0, kDays));
    EXPECT_EQ(s.window.at, day(2022, 8, 20));
    // A step longer than the gap is not shortened to the event.
    s.window.at = day(2022, 8, 14);
    s.days_per_second = 10.0;
    EXPECT_TRUE(advance(s, 1.0, kDays));
    EXPECT_EQ(s.window.at, day(2022, 8, 24));
    // After the last event there is nothing to skip to: day by day to the end, then the loop.
    s.window.at = day(2024, 12, 29);
    s.days_per_second = 1.0;
    EXPECT_TRUE(advance(s, 1.0, kDays));
    EXPECT_EQ(s.window.at, day(2024, 12, 30));
    EXPECT_TRUE(advance(s, 2.0, kDays));
    EXPECT_EQ(s.window.at, day(2020, 1, 1));
}

TEST(TimelineAdvance, SkipEmptyOffMovesDayByDay) {
    TimelineState s = clock_at(day(2022, 1, 1));
    s.playing = true;
    s.skip_empty = false;
    s.days_per_second = 1.0;
    EXPECT_TRUE(advance(s, 1.0, kDays));
    EXPECT_EQ(s.window.at, day(2022, 1, 2));
}

// ---------------------------------------------------------------------------------------------------------------
// Jumps.

TEST(TimelineJump, SetsTheDateClampedToTheData) {
    TimelineState s = clock_at(day(2023, 6, 15));
    s.carry = 0.5;
    jump_to(s, day(2022, 8, 15));
    EXPECT_EQ(s.window.at, day(2022, 8, 15));
    EXPECT_EQ(s.carry, 0.0);
    jump_to(s, day(2030, 1, 1));
    EXPECT_EQ(s.window.at, day(2024, 12, 31));
    jump_to(s, day(1999, 1, 1));
    EXPECT_EQ(s.window.at, day(2020, 1, 1));
    jump_to(s, day(2020, 1, 1));
    EXPECT_EQ(s.window.at, day(2020, 1, 1));
    jump_to(s, day(2024, 12, 31));
    EXPECT_EQ(s.window.at, day(2024, 12, 31));
}

// ---------------------------------------------------------------------------------------------------------------
// Typed dates.

TEST(TypedDate, EveryDocumentedForm) {
    EXPECT_EQ(parse_typed_date("2024-08-13"), day(2024, 8, 13));
    EXPECT_EQ(parse_typed_date("2024-8-13"), day(2024, 8, 13));
    EXPECT_EQ(parse_typed_date("2024-8-3"), day(2024, 8, 3));
    EXPECT_EQ(parse_typed_date("13 Aug 2024"), day(2024, 8, 13));
    EXPECT_EQ(parse_typed_date("Aug 2024"), day(2024, 8, 1));
    EXPECT_EQ(parse_typed_date("2024-08"), day(2024, 8, 1));
    EXPECT_EQ(parse_typed_date("2024"), day(2024, 1, 1));
}

TEST(TypedDate, MonthNamesAnyCaseShortOrLong) {
    EXPECT_EQ(parse_typed_date("13 aug 2024"), day(2024, 8, 13));
    EXPECT_EQ(parse_typed_date("13 AUG 2024"), day(2024, 8, 13));
    EXPECT_EQ(parse_typed_date("13 August 2024"), day(2024, 8, 13));
    EXPECT_EQ(parse_typed_date("1 January 2013"), day(2013, 1, 1));
    EXPECT_EQ(parse_typed_date("31 Dec 2025"), day(2025, 12, 31));
    EXPECT_EQ(parse_typed_date("september 2022"), day(2022, 9, 1));
    EXPECT_EQ(parse_typed_date("Feb 2024"), day(2024, 2, 1));
}

TEST(TypedDate, SpacesAroundAndBetween) {
    EXPECT_EQ(parse_typed_date("  2024-08-13  "), day(2024, 8, 13));
    EXPECT_EQ(parse_typed_date("\t2024-08-13\t"), day(2024, 8, 13));
    EXPECT_EQ(parse_typed_date("13   Aug \t 2024"), day(2024, 8, 13));
    EXPECT_EQ(parse_typed_date(" Aug  2024 "), day(2024, 8, 1));
    // A pasted line break counts as a space like any other.
    EXPECT_EQ(parse_typed_date("2024-08-13\n"), day(2024, 8, 13));
    EXPECT_EQ(parse_typed_date("2024-08-13\r\n"), day(2024, 8, 13));
    EXPECT_EQ(parse_typed_date("13\nAug 2024"), day(2024, 8, 13));
}

TEST(TypedDate, ImpossibleDatesAreRejected) {
    EXPECT_FALSE(parse_typed_date("2024-02-30"));
    EXPECT_FALSE(parse_typed_date("2023-02-29"));
    EXPECT_FALSE(parse_typed_date("2024-2-30"));
    EXPECT_FALSE(parse_typed_date("2023-2-29"));
    EXPECT_FALSE(parse_typed_date("30 Feb 2024"));
    EXPECT_FALSE(parse_typed_date("29 Feb 2023"));
    EXPECT_FALSE(parse_typed_date("31 Apr 2024"));
    EXPECT_FALSE(parse_typed_date("2024-13"));
    EXPECT_FALSE(parse_typed_date("2024-13-01"));
    EXPECT_FALSE(parse_typed_date("2024-00-10"));
    EXPECT_FALSE(parse_typed_date("0 Aug 2024"));
    // Leap days that exist.
    EXPECT_EQ(parse_typed_date("2024-02-29"), day(2024, 2, 29));
    EXPECT_EQ(parse_typed_date("29 Feb 2000"), day(2000, 2, 29));
}

TEST(TypedDate, EmptyAndGarbageAreRejected) {
    EXPECT_FALSE(parse_typed_date(""));
    EXPECT_FALSE(parse_typed_date("   "));
    EXPECT_FALSE(parse_typed_date("\t\n"));
    EXPECT_FALSE(parse_typed_date("garbage"));
    EXPECT_FALSE(parse_typed_date("yesterday"));
    EXPECT_FALSE(parse_typed_date("13 Foo 2024"));
    EXPECT_FALSE(parse_typed_date("Foo 2024"));
    EXPECT_FALSE(parse_typed_date("Au 2024"));  // a month needs three letters
    EXPECT_FALSE(parse_typed_date("2024-08-13 12:00"));
    EXPECT_FALSE(parse_typed_date("2024-08-13x"));
    EXPECT_FALSE(parse_typed_date("13 Aug 2024 extra"));
    EXPECT_FALSE(parse_typed_date("Aug 13 2024"));
    EXPECT_FALSE(parse_typed_date("2024/08/13"));
    EXPECT_FALSE(parse_typed_date("-"));
}

// ---------------------------------------------------------------------------------------------------------------
// Event days and the data's range.

TEST(EventDays, SortedUniqueFirstDays) {
    const std::vector<Event> events = {
        make_event("A", "2023-06-10"),
        make_event("B", "2021-01-05", "2021-02-01"),  // the first day counts, not the end
        make_event("C", "2023-06-10"),                // the same day again
        make_event("D", "2022-03"),                   // month precision: the 1st
        make_event("E", "2020"),                      // year precision: 1 Jan
    };
    EXPECT_EQ(event_days(events),
              (std::vector<Date>{day(2020, 1, 1), day(2021, 1, 5), day(2022, 3, 1), day(2023, 6, 10)}));
    EXPECT_TRUE(event_days({}).empty());
}

TEST(DataRange, FromTheFirstToTheLastDayAnyEventCovers) {
    const std::vector<Event> events = {
        make_event("A", "2023-06-10"),
        make_event("B", "2021-03", "2021-04-02"),
        make_event("C", "2022-01-01", "2024-02"),  // its end month reaches furthest
        make_event("D", "2024-01-15"),
    };
    const auto [first, last] = data_range(events);
    EXPECT_EQ(first, day(2021, 3, 1));
    EXPECT_EQ(last, day(2024, 2, 29));
    const auto [one_first, one_last] = data_range({make_event("Y", "2019")});
    EXPECT_EQ(one_first, day(2019, 1, 1));
    EXPECT_EQ(one_last, day(2019, 12, 31));
}

TEST(DataRange, NoEventsIsToday) {
    const auto before = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const auto [first, last] = data_range({});
    const auto after = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    EXPECT_EQ(first, last);
    EXPECT_GE(first.days, static_cast<int>(before.time_since_epoch().count()));
    EXPECT_LE(first.days, static_cast<int>(after.time_since_epoch().count()));
}

// ---------------------------------------------------------------------------------------------------------------
// Histogram.

TEST(EventHistogram, CountsPerBinAndParty) {
    const std::vector<Event> events = {
        make_event("A", "2020-01-01", "", EventKind::kMeeting, "Russia"),  // bin 0 (the first day)
        make_event("B", "2020-01-10", "", EventKind::kMeeting, "Russia (Wagner)"),  // bin 0, party Russia
        make_event("C", "2020-01-11", "", EventKind::kMeeting, "France (Operation Barkhane)"),  // bin 1
        make_event("D", "2020-01-25", "", EventKind::kMeeting, "USA"),  // bin 2
        make_event("E", "2020-01-30", "", EventKind::kMeeting, "Russia"),  // bin 2 (the last day)
        make_event("F", "2019-12-31", "", EventKind::kMeeting, "Russia"),  // before: not counted
        make_event("G", "2020-01-31", "", EventKind::kMeeting, "China"),  // after: not counted
    };
    // 30 days in 3 bins of 10.
    const Histogram h = event_histogram(events, EventFilter{}, day(2020, 1, 1), day(2020, 1, 30), 3);
    EXPECT_EQ(h.first, day(2020, 1, 1));
    EXPECT_EQ(h.last, day(2020, 1, 30));
    EXPECT_EQ(h.bins, 3);
    // Every party of the events, sorted, even those with nothing in range.
    EXPECT_EQ(h.parties, (std::vector<std::string>{"China", "France", "Russia", "USA"}));
    ASSERT_EQ(h.counts.size(), 3u);
    EXPECT_EQ(h.counts[0], (std::vector<int>{0, 0, 2, 0}));
    EXPECT_EQ(h.counts[1], (std::vector<int>{0, 1, 0, 0}));
    EXPECT_EQ(h.counts[2], (std::vector<int>{0, 0, 1, 1}));
    EXPECT_EQ(h.max_total, 2);
}

TEST(EventHistogram, BinsByFirstDayOfMonthAndYearPrecisionEvents) {
    const std::vector<Event> events = {
        make_event("M", "2020-01"),                   // first day Jan 1: bin 0
        make_event("P", "2019-12-20", "2020-01-20"),  // starts before the range: not counted
    };
    const Histogram h = event_histogram(events, EventFilter{}, day(2020, 1, 1), day(2020, 1, 30), 3);
    ASSERT_EQ(h.parties, (std::vector<std::string>{"Russia"}));
    EXPECT_EQ(h.counts[0][0], 1);
    EXPECT_EQ(h.counts[1][0], 0);
    EXPECT_EQ(h.counts[2][0], 0);
    EXPECT_EQ(h.max_total, 1);
}

TEST(EventHistogram, FollowsTheFilter) {
    std::vector<Event> events = {
        make_event("A", "2020-01-02", "", EventKind::kMeeting, "Russia"),
        make_event("B", "2020-01-03", "", EventKind::kMeeting, "France"),
        make_event("C", "2020-01-04", "", EventKind::kCall, "Russia"),
    };
    EventFilter filter;
    filter.hidden_parties = {"France"};
    filter.hidden_kinds = {EventKind::kCall};
    const Histogram h = event_histogram(events, filter, day(2020, 1, 1), day(2020, 1, 10), 1);
    EXPECT_EQ(h.parties, (std::vector<std::string>{"France", "Russia"}));  // the legend keeps hidden parties
    ASSERT_EQ(h.counts.size(), 1u);
    EXPECT_EQ(h.counts[0], (std::vector<int>{0, 1}));
    EXPECT_EQ(h.max_total, 1);
}

TEST(EventHistogram, EveryEventLandsInExactlyOneBin) {
    std::vector<Event> events;
    for (Date d = day(2020, 1, 1); d <= day(2020, 12, 31); d = d + 1) {
        Event e = make_event("E" + std::to_string(d.days), "2020-01-01");
        e.date = FuzzyDate::of(d);
        events.push_back(e);
    }
    for (int bins : {1, 7, 12, 160, 366, 1000}) {
        const Histogram h = event_histogram(events, EventFilter{}, day(2020, 1, 1), day(2020, 12, 31), bins);
        ASSERT_EQ(h.counts.size(), static_cast<std::size_t>(bins));
        int total = 0, max_total = 0;
        for (const auto& bin : h.counts) total += bin[0], max_total = std::max(max_total, bin[0]);
        EXPECT_EQ(total, 366) << bins;
        EXPECT_EQ(h.max_total, max_total) << bins;
    }
    // 366 days in 366 bins: one a bin (bin = floor(day * bins / days), exactly: no day slips into the bin before).
    const Histogram daily = event_histogram(events, EventFilter{}, day(2020, 1, 1), day(2020, 12, 31), 366);
    for (const auto& bin : daily.counts) EXPECT_EQ(bin[0], 1);
    // 12 bins of 30.5 days: 31, 30, 31, 30, ...
    const Histogram twelve = event_histogram(events, EventFilter{}, day(2020, 1, 1), day(2020, 12, 31), 12);
    for (size_t b = 0; b < twelve.counts.size(); ++b) EXPECT_EQ(twelve.counts[b][0], b % 2 == 0 ? 31 : 30) << b;
}

TEST(EventHistogram, NoEventsAndAtLeastOneBin) {
    const Histogram none = event_histogram({}, EventFilter{}, day(2020, 1, 1), day(2020, 1, 30), 10);
    EXPECT_TRUE(none.parties.empty());
    EXPECT_EQ(none.counts.size(), 10u);
    EXPECT_EQ(none.max_total, 0);
    const Histogram zero =
        event_histogram({make_event("A", "2020-01-05")}, EventFilter{}, day(2020, 1, 1), day(2020, 1, 30), 0);
    EXPECT_EQ(zero.bins, 1);
    ASSERT_EQ(zero.counts.size(), 1u);
    EXPECT_EQ(zero.counts[0], (std::vector<int>{1}));
}

}  // namespace
}  // namespace em
