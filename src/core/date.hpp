#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace em {

// A calendar day, stored as days since 1970-01-01 (proleptic Gregorian).
struct Date {
    int days = 0;

    // The day for a valid year/month/day; nullopt for impossible dates such as 2024-02-30.
    static std::optional<Date> from_ymd(int year, int month, int day);
    // Parses "YYYY-MM-DD" strictly.
    static std::optional<Date> parse(std::string_view text);
    int year() const;
    int month() const;
    int day() const;
    // "YYYY-MM-DD".
    std::string iso() const;

    friend auto operator<=>(const Date&, const Date&) = default;
    Date operator+(int d) const { return {days + d}; }
    Date operator-(int d) const { return {days - d}; }
};

// How precisely a source gives a date.
enum class DatePrecision { kDay, kMonth, kYear };

// A date as precise as its source: a day, a month or a year. It stands for the interval of days it covers,
// so a month-precision date is never taken for the 1st of that month.
struct FuzzyDate {
    int year = 1970, month = 0, day = 0;  // month/day 0 when not given
    DatePrecision precision = DatePrecision::kDay;

    // Parses "YYYY-MM-DD", "YYYY-MM" or "YYYY"; nullopt if malformed or not a real date. why (if given)
    // receives the reason.
    static std::optional<FuzzyDate> parse(std::string_view text, std::string* why = nullptr);
    // A day-precision FuzzyDate.
    static FuzzyDate of(Date d);
    // First and last day of the interval this date stands for.
    Date first() const;
    Date last() const;
    // As written in the data: "2023-06-16", "2023-06" or "2023".
    std::string text() const;
    // For people: "16 Jun 2023", "Jun 2023" or "2023".
    std::string display() const;
    friend bool operator==(const FuzzyDate&, const FuzzyDate&) = default;
};

}  // namespace em
