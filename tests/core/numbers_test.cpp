// parse_finite_number (core/numbers): the coordinates of places.csv and of "lat;lon" event places go through it.
#include "core/numbers.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace em {
namespace {

TEST(ParseFiniteNumberTest, ParsesDecimalsExactly) {
    EXPECT_EQ(parse_finite_number("42"), 42.0);
    EXPECT_EQ(parse_finite_number("-8.0"), -8.0);
    EXPECT_EQ(parse_finite_number("12.65"), 12.65);
    EXPECT_EQ(parse_finite_number("0"), 0.0);
    EXPECT_EQ(parse_finite_number("-0.5"), -0.5);
    EXPECT_EQ(parse_finite_number(".5"), 0.5);
    EXPECT_EQ(parse_finite_number("1e3"), 1000.0);
    EXPECT_EQ(parse_finite_number("2.5E-2"), 0.025);
    // The largest finite double is still finite.
    EXPECT_EQ(parse_finite_number("1.7976931348623157e308"), std::numeric_limits<double>::max());
}

TEST(ParseFiniteNumberTest, TrimsSpacesOnBothSides) {
    EXPECT_EQ(parse_finite_number(" 3.5"), 3.5);
    EXPECT_EQ(parse_finite_number("3.5   "), 3.5);
    EXPECT_EQ(parse_finite_number("   -7   "), -7.0);
}

TEST(ParseFiniteNumberTest, OnlySpacesAreTrimmedNotOtherWhitespace) {
    EXPECT_FALSE(parse_finite_number("\t5").has_value());
    EXPECT_FALSE(parse_finite_number("5\n").has_value());
    EXPECT_FALSE(parse_finite_number("5\r").has_value());  // a CRLF file's last field must be stripped earlier
}

TEST(ParseFiniteNumberTest, RejectsNonFiniteValues) {
    for (const char* text : {"nan", "NaN", "-nan", "inf", "-inf", "Infinity", "INF"})
        EXPECT_FALSE(parse_finite_number(text).has_value()) << text;
    // Out of double's range: from_chars reports it and the parser refuses it rather than giving inf.
    EXPECT_FALSE(parse_finite_number("1e400").has_value());
    EXPECT_FALSE(parse_finite_number("-1e400").has_value());
}

TEST(ParseFiniteNumberTest, RejectsEmptyAndPartialText) {
    for (const char* text : {"", " ", "    ", "-", ".", "e5", "12abc", "1,5", "1 2", "0x10", "12.5.3", "--1", "5 m"})
        EXPECT_FALSE(parse_finite_number(text).has_value()) << '"' << text << '"';
}

TEST(ParseFiniteNumberTest, RejectsALeadingPlusSign) {
    // std::from_chars takes no '+': "+5" is not a number to this parser (places.csv never writes one).
    EXPECT_FALSE(parse_finite_number("+5").has_value());
}

TEST(ParseFiniteNumberTest, ReadsOnlyTheViewNotTheBytesAfterIt) {
    const std::string text = "12.5;9";
    EXPECT_EQ(parse_finite_number(std::string_view(text).substr(0, 4)), 12.5);
    EXPECT_EQ(parse_finite_number(std::string_view(text).substr(5)), 9.0);
    EXPECT_FALSE(parse_finite_number(std::string_view(text)).has_value());
}

}  // namespace
}  // namespace em
