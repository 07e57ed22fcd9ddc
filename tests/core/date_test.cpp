#include "core/date.hpp"

#include <gtest/gtest.h>

namespace em {
namespace {

TEST(DateTest, DaysCountFromTheUnixEpoch) {
    EXPECT_EQ(Date::from_ymd(1970, 1, 1)->days, 0);
    EXPECT_EQ(Date::from_ymd(1970, 1, 2)->days, 1);
    EXPECT_EQ(Date::from_ymd(1969, 12, 31)->days, -1);
    EXPECT_EQ(Date::from_ymd(2000, 3, 1)->days, 11017);
    EXPECT_EQ(Date::from_ymd(2024, 8, 13)->days, 19948);
}

TEST(DateTest, ImpossibleDatesAreRejected) {
    EXPECT_FALSE(Date::from_ymd(2023, 2, 29));  // not a leap year
    EXPECT_TRUE(Date::from_ymd(2024, 2, 29));   // leap year
    EXPECT_FALSE(Date::from_ymd(1900, 2, 29));  // century, not a leap year
    EXPECT_TRUE(Date::from_ymd(2000, 2, 29));   // divisible by 400
    EXPECT_FALSE(Date::from_ymd(2024, 4, 31));
    EXPECT_FALSE(Date::from_ymd(2024, 0, 1));
    EXPECT_FALSE(Date::from_ymd(2024, 13, 1));
    EXPECT_FALSE(Date::from_ymd(2024, 1, 0));
}

TEST(DateTest, ParseIsStrictAndRoundTripsThroughIso) {
    for (const char* text : {"2024-02-29", "1999-12-31", "2023-06-16", "1000-01-01", "9999-12-31"}) {
        auto d = Date::parse(text);
        ASSERT_TRUE(d) << text;
        EXPECT_EQ(d->iso(), text);
    }
    for (const char* bad : {"", "2024", "2024-06", "2024-6-1", "2024-06-1", "24-06-01", "2024/06/01", "2024-06-01 ",
                            " 2024-06-01", "2024-02-30", "2024-00-10", "0999-01-01", "2024-06-0a", "+024-06-01"}) {
        EXPECT_FALSE(Date::parse(bad)) << "'" << bad << "'";
    }
}

TEST(DateTest, FieldsArithmeticAndOrder) {
    const Date d = *Date::parse("2024-02-28");
    EXPECT_EQ(d.year(), 2024);
    EXPECT_EQ(d.month(), 2);
    EXPECT_EQ(d.day(), 28);
    EXPECT_EQ((d + 1).iso(), "2024-02-29");
    EXPECT_EQ((d + 2).iso(), "2024-03-01");
    EXPECT_EQ((d - 59).iso(), "2023-12-31");
    EXPECT_LT(d, d + 1);
    EXPECT_EQ(d, *Date::from_ymd(2024, 2, 28));
}

TEST(FuzzyDateTest, ParsesThreePrecisions) {
    auto day = FuzzyDate::parse("2023-06-16");
    ASSERT_TRUE(day);
    EXPECT_EQ(day->precision, DatePrecision::kDay);
    auto month = FuzzyDate::parse("2023-06");
    ASSERT_TRUE(month);
    EXPECT_EQ(month->precision, DatePrecision::kMonth);
    EXPECT_EQ(month->day, 0);
    auto year = FuzzyDate::parse("2023");
    ASSERT_TRUE(year);
    EXPECT_EQ(year->precision, DatePrecision::kYear);
    EXPECT_EQ(year->month, 0);
}

TEST(FuzzyDateTest, IntervalCoversTheWholeMonthOrYear) {
    auto feb_leap = FuzzyDate::parse("2024-02");
    EXPECT_EQ(feb_leap->first().iso(), "2024-02-01");
    EXPECT_EQ(feb_leap->last().iso(), "2024-02-29");
    auto december = FuzzyDate::parse("2023-12");
    EXPECT_EQ(december->last().iso(), "2023-12-31");
    auto year = FuzzyDate::parse("2023");
    EXPECT_EQ(year->first().iso(), "2023-01-01");
    EXPECT_EQ(year->last().iso(), "2023-12-31");
    auto day = FuzzyDate::parse("2023-06-16");
    EXPECT_EQ(day->first(), day->last());
}

TEST(FuzzyDateTest, TextAndDisplay) {
    EXPECT_EQ(FuzzyDate::parse("2023-06-16")->text(), "2023-06-16");
    EXPECT_EQ(FuzzyDate::parse("2023-06")->text(), "2023-06");
    EXPECT_EQ(FuzzyDate::parse("2023")->text(), "2023");
    EXPECT_EQ(FuzzyDate::parse("2023-06-06")->display(), "6 Jun 2023");
    EXPECT_EQ(FuzzyDate::parse("2023-12")->display(), "Dec 2023");
    EXPECT_EQ(FuzzyDate::parse("2023")->display(), "2023");
    EXPECT_EQ(FuzzyDate::of(*Date::parse("2024-01-05")), *FuzzyDate::parse("2024-01-05"));
}

TEST(FuzzyDateTest, ErrorsSayWhy) {
    std::string why;
    EXPECT_FALSE(FuzzyDate::parse("2023-13", &why));
    EXPECT_NE(why.find("month 13"), std::string::npos) << why;
    EXPECT_FALSE(FuzzyDate::parse("2023-02-29", &why));
    EXPECT_NE(why.find("no such day"), std::string::npos) << why;
    EXPECT_FALSE(FuzzyDate::parse("June 2023", &why));
    EXPECT_NE(why.find("YYYY-MM-DD"), std::string::npos) << why;
    EXPECT_FALSE(FuzzyDate::parse("0999", &why));
    EXPECT_NE(why.find("1000"), std::string::npos) << why;
}

}  // namespace
}  // namespace em
