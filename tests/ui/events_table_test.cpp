#include "ui/events_table.hpp"

#include <gtest/gtest.h>

#include <random>

namespace em {
namespace {

Event event(std::string id, std::string date, EventKind kind, std::string actor, std::string country,
            std::string to, std::string source, std::string description = "") {
    Event e;
    e.id = std::move(id);
    e.date = *FuzzyDate::parse(date);
    e.kind = kind;
    e.actor = std::move(actor);
    e.country = std::move(country);
    e.to.name = std::move(to);
    e.source = std::move(source);
    e.description = std::move(description);
    return e;
}

class EventsTableTest : public ::testing::Test {
protected:
    std::vector<Event> events = {
        event("M2", "2024-08-13", EventKind::kMeeting, "Russia", "MLI", "Moscow", "TASS", "Army-2024 forum"),
        event("A1", "2023-06", EventKind::kArrival, "Russia (Africa Corps)", "BFA", "Ouagadougou", "RFI"),
        event("C3", "2022-02-01", EventKind::kCall, "France", "TCD", "N'Djamena", "Elysee"),
        event("M1", "2024-08-13", EventKind::kMeeting, "Russia", "NER", "Moscow", "Kremlin", "Army-2024 forum"),
    };
    std::vector<VisibleEvent> visible() const {
        std::vector<VisibleEvent> v;
        for (const auto& e : events) v.push_back({&e, 1.0f});
        return v;
    }
    std::vector<std::string> ids(const EventRowsQuery& q) const {
        std::vector<std::string> out;
        for (const Event* e : event_rows(visible(), q)) out.push_back(e->id);
        return out;
    }
};

TEST_F(EventsTableTest, CellsSayDatesWithTheirPrecision) {
    EXPECT_EQ(event_cell(events[0], EventColumn::kDate), "13 Aug 2024");
    EXPECT_EQ(event_cell(events[1], EventColumn::kDate), "Jun 2023");
    EXPECT_EQ(event_cell(events[0], EventColumn::kParties), "Russia -> MLI");
    EXPECT_EQ(event_cell(events[2], EventColumn::kKind), "call");
}

TEST_F(EventsTableTest, SortsByEachColumnBothWays) {
    EXPECT_EQ(ids({"", EventColumn::kDate, true}), (std::vector<std::string>{"C3", "A1", "M1", "M2"}));
    EXPECT_EQ(ids({"", EventColumn::kDate, false}), (std::vector<std::string>{"M2", "M1", "A1", "C3"}));
    EXPECT_EQ(ids({"", EventColumn::kKind, true}), (std::vector<std::string>{"A1", "C3", "M1", "M2"}));
    // "France -> TCD" < "Russia (Africa Corps) -> BFA" < "Russia -> MLI" < "Russia -> NER"
    EXPECT_EQ(ids({"", EventColumn::kParties, true}), (std::vector<std::string>{"C3", "A1", "M2", "M1"}));
    EXPECT_EQ(ids({"", EventColumn::kPlace, true}), (std::vector<std::string>{"M1", "M2", "C3", "A1"}));
    EXPECT_EQ(ids({"", EventColumn::kSource, true}), (std::vector<std::string>{"C3", "M1", "A1", "M2"}));
    EXPECT_EQ(ids({"", EventColumn::kSource, false}), (std::vector<std::string>{"M2", "A1", "M1", "C3"}));
}

TEST_F(EventsTableTest, SearchesEveryColumnAndTheDescription) {
    EXPECT_EQ(ids({"army-2024", EventColumn::kDate, true}), (std::vector<std::string>{"M1", "M2"}));
    EXPECT_EQ(ids({"ouaga", EventColumn::kDate, true}), (std::vector<std::string>{"A1"}));
    EXPECT_EQ(ids({"jun 2023", EventColumn::kDate, true}), (std::vector<std::string>{"A1"}));
    EXPECT_EQ(ids({"TCD", EventColumn::kDate, true}), (std::vector<std::string>{"C3"}));
    EXPECT_TRUE(ids({"nothing like it", EventColumn::kDate, true}).empty());
}

TEST_F(EventsTableTest, KeysStepThroughTheRowsAndStopAtTheEnds) {
    const auto rows = event_rows(visible(), {"", EventColumn::kDate, true});  // C3 A1 M1 M2
    EXPECT_EQ(step_row(rows, nullptr, 1)->id, "C3");
    EXPECT_EQ(step_row(rows, rows[0], 1)->id, "A1");
    EXPECT_EQ(step_row(rows, rows[1], -1)->id, "C3");
    EXPECT_EQ(step_row(rows, rows[0], -1)->id, "C3");
    EXPECT_EQ(step_row(rows, rows[1], 10)->id, "M2");
    EXPECT_EQ(step_row({}, nullptr, 1), nullptr);
}

}  // namespace
}  // namespace em

namespace em {
namespace {

// A width per byte (10 px), and 8 px for the ellipsis's three bytes: cutting is checked by count.
float fixed_measure(std::string_view text) {
    float w = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\xE2\x80\xA6") == 0) {
            w += 8, i += 2;
        } else {
            w += 10;
        }
    }
    return w;
}

TEST(EventsTableCells, LongTextEndsInAnEllipsisAndFits) {
    EXPECT_EQ(ellipsize("Bamako", 60, fixed_measure), "Bamako");  // fits exactly: whole
    EXPECT_EQ(ellipsize("Bamako -> Moscow", 100, fixed_measure), "Bamako ->\xE2\x80\xA6");
    EXPECT_EQ(ellipsize("Bamako -> Moscow", 80, fixed_measure), "Bamako\xE2\x80\xA6");  // no space before the dots
    const std::string cut = ellipsize("Russia (Africa Corps) -> Mali", 120, fixed_measure);
    EXPECT_LE(fixed_measure(cut), 120);
    EXPECT_EQ(cut, "Russia (Afr\xE2\x80\xA6");
    EXPECT_EQ(ellipsize("Bamako", 5, fixed_measure), "");  // not even the ellipsis
    EXPECT_EQ(ellipsize("Bamako", 8, fixed_measure), "\xE2\x80\xA6");
}

TEST(EventsTableCells, CutsOnlyBetweenCharacters) {
    // "Ségou" is 6 bytes: é is two. Whatever the width, the result is valid UTF-8 (no half of é).
    for (float w = 0; w < 70; w += 1) {
        const std::string s = ellipsize("S\xC3\xA9gou Region", w, fixed_measure);
        const bool has_lead = s.find('\xC3') != std::string::npos, has_tail = s.find('\xA9') != std::string::npos;
        EXPECT_EQ(has_lead, has_tail) << "width " << w << ": " << s;  // both bytes of the é, or neither
        EXPECT_LE(fixed_measure(s), w);
    }
}

}  // namespace
}  // namespace em

namespace em {
namespace {

// The list's row index gives, for any window, exactly what searching and sorting that window's visible events gives:
// random events (day, week-long and month precision, a few long ones), every column both ways, with and without a
// search, trailing, cumulative and range windows.
TEST(EventRowIndex, EqualsSortingTheVisibleEventsOfEachWindow) {
    std::mt19937 rng(2024);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const char* places[] = {"Gao", "Bamako", "Menaka", "Kidal", "Timbuktu"};
    const char* actors[] = {"Russia (Africa Corps)", "France", "ACLED (JNIM)", "UN (MINUSMA)"};
    std::vector<Event> events;
    const Date start = *Date::from_ymd(2019, 1, 1);
    for (int i = 0; i < 2500; ++i) {
        Event e;
        e.id = "E" + std::to_string(pick(400));  // ids repeat: ties broken by id, then by what is stable
        const Date d = start + pick(6 * 365);
        e.date = pick(8) == 0 ? FuzzyDate{d.year(), d.month(), 0, DatePrecision::kMonth} : FuzzyDate::of(d);
        if (pick(10) == 0) e.end_date = FuzzyDate::of(d + pick(pick(20) == 0 ? 900 : 7));
        e.kind = pick(2) ? EventKind::kIncident : EventKind::kMeeting;
        e.actor = actors[pick(4)];
        e.to.name = places[pick(5)];
        e.source = pick(2) ? "ACLED" : "TASS";
        events.push_back(e);
    }
    const VisibleEventIndex index(events, {});
    std::size_t shown = 0;
    int windows = 0;
    for (const char* search : {"", "gao", "africa corps"}) {
        for (EventColumn column : {EventColumn::kDate, EventColumn::kKind, EventColumn::kParties, EventColumn::kPlace,
                                   EventColumn::kSource}) {
            for (bool ascending : {true, false}) {
                const EventRowsQuery query{search, column, ascending};
                const EventRowIndex rows(index.all(), query);
                for (int k = 0; k < 40; ++k, ++windows) {
                    TimeWindow w;
                    w.at = start + pick(7 * 365) - 180;
                    w.mode = k % 5 == 0 ? WindowMode::kCumulative : k % 5 == 1 ? WindowMode::kRange : WindowMode::kTrailing;
                    w.days = std::vector<int>{0, 3, 30, 365}[pick(4)];
                    w.range_start = w.at;
                    w.range_end = w.at + pick(400) - 200;
                    const auto expected = event_rows(index.visible(w), query);
                    const auto actual = rows.rows(w);
                    ASSERT_EQ(actual, expected) << "search '" << search << "' column " << static_cast<int>(column)
                                                << (ascending ? " up" : " down") << " window " << windows;
                    shown += expected.size();
                }
            }
        }
    }
    EXPECT_GT(shown, 0u);
    EXPECT_LT(shown, static_cast<std::size_t>(windows) * events.size());
}

}  // namespace
}  // namespace em
