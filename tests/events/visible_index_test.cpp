// VisibleEventIndex: the slider's index gives exactly what visible_events gives (same events, order and weights)
// on random events and windows, whatever the filter; and it knows when it was built for other events or filters.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "events/time_filter.hpp"

namespace em {
namespace {

const char* kActors[] = {"Russia", "Russia (Wagner)", "France (Operation Barkhane)", "USA", "UN (MINUSMA)", "China"};
const char* kCountries[] = {"MLI", "BFA", "NER", "TCD", "CAF"};
const char* kWords[] = {"Putin", "Goita", "summit", "instructors", "withdrawal", "base", "call"};

// Random events over 2010-2025: day, month and year precision, some with an end date (up to ten years later), some
// with an end date before their start (the loader refuses those; the index must still agree).
std::vector<Event> random_events(std::mt19937& rng, int count) {
    std::vector<Event> events;
    const Date start = *Date::from_ymd(2010, 1, 1);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    auto random_date = [&]() {
        const Date d = start + pick(16 * 365);
        FuzzyDate f = FuzzyDate::of(d);
        const int precision = pick(10);
        if (precision == 0) f = FuzzyDate{d.year(), d.month(), 0, DatePrecision::kMonth};
        if (precision == 1) f = FuzzyDate{d.year(), 0, 0, DatePrecision::kYear};
        return f;
    };
    for (int i = 0; i < count; ++i) {
        Event e;
        e.id = "E" + std::to_string(i);
        e.date = random_date();
        const int end = pick(10);
        if (end == 0) e.end_date = FuzzyDate::of(e.date.first() + pick(60));        // a summit, a stay
        if (end == 1) e.end_date = FuzzyDate::of(e.date.first() + pick(10 * 365));  // a long presence
        if (end == 2) e.end_date = random_date();                                   // anywhere, even before
        e.kind = all_kinds()[pick(static_cast<int>(all_kinds().size()))];
        e.actor = kActors[pick(6)];
        e.country = kCountries[pick(5)];
        e.participants = std::string(kWords[pick(7)]) + "; " + kWords[pick(7)];
        e.description = kWords[pick(7)];
        e.confidence = pick(4) == 0 ? "uncertain (one source)" : "sourced";
        events.push_back(e);
    }
    return events;
}

std::vector<EventFilter> some_filters() {
    std::vector<EventFilter> filters(7);
    filters[1].hidden_parties = {"Russia"};
    filters[2].hidden_kinds = {EventKind::kMeeting, EventKind::kCall};
    filters[3].countries = {"MLI", "NER"};
    filters[4].hide_uncertain = true;
    filters[5].text = "PUTIN";
    filters[6].hidden_parties = {"France"};
    filters[6].countries = {"BFA"};
    filters[6].text = "base";
    return filters;
}

TimeWindow random_window(std::mt19937& rng) {
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const Date start = *Date::from_ymd(2008, 1, 1);  // a little before and after the events too
    TimeWindow w;
    w.at = start + pick(20 * 365);
    switch (pick(3)) {
        case 0: {
            w.mode = WindowMode::kTrailing;
            const int lengths[] = {0, 1, 7, 30, 90, 365, 3000, -5};
            w.days = lengths[pick(8)];
            break;
        }
        case 1:
            w.mode = WindowMode::kCumulative;
            break;
        default:
            w.mode = WindowMode::kRange;
            w.range_start = start + pick(20 * 365);
            w.range_end = w.range_start + pick(2 * 365) - 365;  // either order
            break;
    }
    return w;
}

// The index's answer is the linear filter's, item for item (event and weight), for window number `window`.
template <class Items>
void expect_same_items(const Items& actual, const Items& expected, int window) {
    ASSERT_EQ(actual.size(), expected.size()) << "window " << window;
    for (std::size_t k = 0; k < expected.size(); ++k) {
        ASSERT_EQ(actual[k].event, expected[k].event) << "window " << window << " item " << k;
        ASSERT_EQ(actual[k].weight, expected[k].weight) << "window " << window << " item " << k;
    }
}

TEST(VisibleEventIndex, EqualsVisibleEventsOnRandomEventsAndWindows) {
    std::mt19937 rng(20240813);
    const std::vector<Event> events = random_events(rng, 3000);
    int windows = 0;
    std::size_t shown = 0;
    for (const EventFilter& filter : some_filters()) {
        const VisibleEventIndex index(events, filter);
        for (int i = 0; i < 300; ++i, ++windows) {
            const TimeWindow w = random_window(rng);
            const auto expected = visible_events(events, w, filter);
            const auto actual = index.visible(w);
            expect_same_items(actual, expected, windows);
            if (::testing::Test::HasFatalFailure()) return;
            shown += expected.size();
        }
    }
    // The windows were not all empty, nor all full.
    EXPECT_GT(shown, 0u);
    EXPECT_LT(shown, static_cast<std::size_t>(windows) * events.size());
}

TEST(VisibleEventIndex, SliderMovesDayByDay) {
    // The slider's own path: a trailing window stepping one day at a time through the data, with a few long
    // events among many short ones.
    std::mt19937 rng(7);
    const std::vector<Event> events = random_events(rng, 2000);
    const EventFilter filter;
    const VisibleEventIndex index(events, filter);
    EXPECT_EQ(index.size(), events.size());
    TimeWindow w;
    w.days = 30;
    for (Date d = *Date::from_ymd(2009, 12, 1); d <= *Date::from_ymd(2026, 2, 1); d = d + 1) {
        w.at = d;
        const auto expected = visible_events(events, w, filter);
        const auto actual = index.visible(w);
        ASSERT_EQ(actual.size(), expected.size()) << d.iso();
        for (std::size_t k = 0; k < expected.size(); ++k) {
            ASSERT_EQ(actual[k].event, expected[k].event) << d.iso();
            ASSERT_EQ(actual[k].weight, expected[k].weight) << d.iso();
        }
    }
}

// The overlay's order: visible_events stably sorted by first day (what build_event_overlay did per slider step).
std::vector<VisibleEvent> by_first_day(std::vector<VisibleEvent> visible) {
    std::stable_sort(visible.begin(), visible.end(), [](const VisibleEvent& a, const VisibleEvent& b) {
        return a.event->first_day() < b.event->first_day();
    });
    return visible;
}

TEST(VisibleEventIndex, ByFirstDayEqualsAStableSortOfTheLinearFilter) {
    std::mt19937 rng(17);
    const std::vector<Event> events = random_events(rng, 3000);
    int windows = 0;
    std::size_t shown = 0;
    for (const EventFilter& filter : some_filters()) {
        const VisibleEventIndex index(events, filter);
        for (int i = 0; i < 200; ++i, ++windows) {
            const TimeWindow w = random_window(rng);
            const auto expected = by_first_day(visible_events(events, w, filter));
            const auto actual = index.visible_by_first_day(w);
            expect_same_items(actual, expected, windows);
            if (::testing::Test::HasFatalFailure()) return;
            shown += expected.size();
        }
    }
    EXPECT_GT(shown, 0u);
    EXPECT_LT(shown, static_cast<std::size_t>(windows) * events.size());
}

TEST(VisibleEventIndex, AllIsEveryEventThatPassesTheFilterInOrder) {
    std::mt19937 rng(3);
    const std::vector<Event> events = random_events(rng, 1000);
    for (const EventFilter& filter : some_filters()) {
        const VisibleEventIndex index(events, filter);
        std::vector<const Event*> expected;
        for (const Event& e : events)
            if (filter.matches(e)) expected.push_back(&e);
        const auto all = index.all();
        ASSERT_EQ(all.size(), expected.size());
        for (std::size_t k = 0; k < all.size(); ++k) {
            EXPECT_EQ(all[k].event, expected[k]);
            EXPECT_EQ(all[k].weight, 1.0f);
        }
    }
}

TEST(VisibleEventIndex, EmptyEventsAndEmptyIndex) {
    const std::vector<Event> none;
    const VisibleEventIndex index(none, EventFilter{});
    TimeWindow w;
    w.at = *Date::from_ymd(2024, 8, 13);
    EXPECT_TRUE(index.visible(w).empty());
    EXPECT_EQ(index.size(), 0u);
    EXPECT_TRUE(VisibleEventIndex{}.visible(w).empty());
    EXPECT_TRUE(index.visible_by_first_day(w).empty());
    EXPECT_TRUE(index.all().empty());
}

TEST(VisibleEventIndex, KnowsWhatItWasBuiltFor) {
    std::mt19937 rng(1);
    const std::vector<Event> events = random_events(rng, 50);
    EventFilter filter;
    filter.text = "putin";
    const VisibleEventIndex index(events, filter);
    EXPECT_TRUE(index.built_for(events, filter));
    EventFilter other = filter;
    other.text = "goita";
    EXPECT_FALSE(index.built_for(events, other));
    other = filter;
    other.hidden_kinds = {EventKind::kCall};
    EXPECT_FALSE(index.built_for(events, other));
    const std::vector<Event> copy = events;  // same contents, another vector
    EXPECT_FALSE(index.built_for(copy, filter));
    EXPECT_FALSE(VisibleEventIndex{}.built_for(events, filter));
    EXPECT_LT(index.size(), events.size());  // the text filter was applied when building
}

}  // namespace
}  // namespace em
