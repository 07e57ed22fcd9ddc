#include "ui/events_table.hpp"

#include <gtest/gtest.h>

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
