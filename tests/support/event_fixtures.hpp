#pragma once
// Small builders shared by the events tests: a calendar day and an event with the fields the filters read.

#include <gtest/gtest.h>

#include <string>

#include "core/date.hpp"
#include "events/event.hpp"

namespace em::test {

// The day y-m-d; a failed expectation (and the epoch) if it is not a real date.
inline Date day(int y, int m, int d) {
    auto date = Date::from_ymd(y, m, d);
    EXPECT_TRUE(date.has_value()) << y << "-" << m << "-" << d;
    return date.value_or(Date{});
}

// An event from id and dates (YYYY, YYYY-MM or YYYY-MM-DD; end optional), going to Bamako, sourced.
inline Event make_event(const std::string& id, const std::string& date, const std::string& end_date = "",
                        EventKind kind = EventKind::kMeeting, const std::string& actor = "Russia",
                        const std::string& country = "MLI") {
    Event e;
    e.id = id;
    auto d = FuzzyDate::parse(date);
    EXPECT_TRUE(d.has_value()) << date;
    e.date = d.value_or(FuzzyDate{});
    if (!end_date.empty()) {
        e.end_date = FuzzyDate::parse(end_date);
        EXPECT_TRUE(e.end_date.has_value()) << end_date;
    }
    e.kind = kind;
    e.actor = actor;
    e.country = country;
    e.to = {"Bamako", {-8.0, 12.64}};
    e.source = "test";
    e.confidence = "sourced";
    return e;
}

}  // namespace em::test
