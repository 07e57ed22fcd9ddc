#include "core/date.hpp"

#include <chrono>
#include <cstdio>

namespace em {

namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::optional<Date> Date::from_ymd(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    // std::chrono::year keeps a short: a year beyond its range would wrap (40000 became -25536), not fail.
    if (y < static_cast<int>(std::chrono::year::min()) || y > static_cast<int>(std::chrono::year::max()))
        return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return Date{static_cast<int>(std::chrono::sys_days{ymd}.time_since_epoch().count())};
}

std::optional<Date> Date::parse(std::string_view text) {
    auto f = FuzzyDate::parse(text);
    if (!f || f->precision != DatePrecision::kDay) return std::nullopt;
    return f->first();
}

namespace {
std::chrono::year_month_day ymd_of(int days) {
    return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
}
}  // namespace

int Date::year() const { return static_cast<int>(ymd_of(days).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days).day())); }

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
    return buf;
}

std::optional<FuzzyDate> FuzzyDate::parse(std::string_view text, std::string* why) {
    auto fail = [&](const std::string& reason) -> std::optional<FuzzyDate> {
        if (why) *why = reason;
        return std::nullopt;
    };
    FuzzyDate f;
    if (text.size() == 4 && all_digits(text)) {
        f.year = to_int(text);
        f.precision = DatePrecision::kYear;
    } else if (text.size() == 7 && text[4] == '-' && all_digits(text.substr(0, 4)) && all_digits(text.substr(5))) {
        f.year = to_int(text.substr(0, 4));
        f.month = to_int(text.substr(5));
        f.precision = DatePrecision::kMonth;
        if (f.month < 1 || f.month > 12) return fail("month " + std::to_string(f.month) + " does not exist");
    } else if (text.size() == 10 && text[4] == '-' && text[7] == '-' && all_digits(text.substr(0, 4)) &&
               all_digits(text.substr(5, 2)) && all_digits(text.substr(8))) {
        f.year = to_int(text.substr(0, 4));
        f.month = to_int(text.substr(5, 2));
        f.day = to_int(text.substr(8));
        f.precision = DatePrecision::kDay;
        if (f.month < 1 || f.month > 12) return fail("month " + std::to_string(f.month) + " does not exist");
        if (!Date::from_ymd(f.year, f.month, f.day)) return fail("no such day in the calendar");
    } else {
        return fail("expected YYYY-MM-DD, YYYY-MM or YYYY");
    }
    if (f.year < 1000) return fail("year before 1000");
    return f;
}

FuzzyDate FuzzyDate::of(Date d) { return FuzzyDate{d.year(), d.month(), d.day(), DatePrecision::kDay}; }

Date FuzzyDate::first() const {
    switch (precision) {
        case DatePrecision::kDay: return *Date::from_ymd(year, month, day);
        case DatePrecision::kMonth: return *Date::from_ymd(year, month, 1);
        case DatePrecision::kYear: return *Date::from_ymd(year, 1, 1);
    }
    return {};
}

Date FuzzyDate::last() const {
    switch (precision) {
        case DatePrecision::kDay: return first();
        case DatePrecision::kMonth:
            return month == 12 ? *Date::from_ymd(year + 1, 1, 1) - 1 : *Date::from_ymd(year, month + 1, 1) - 1;
        case DatePrecision::kYear: return *Date::from_ymd(year, 12, 31);
    }
    return {};
}

std::string FuzzyDate::text() const {
    char buf[16];
    switch (precision) {
        case DatePrecision::kDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); break;
        case DatePrecision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
        case DatePrecision::kYear: std::snprintf(buf, sizeof buf, "%04d", year); break;
    }
    return buf;
}

std::string FuzzyDate::display() const {
    char buf[32];
    switch (precision) {
        case DatePrecision::kDay: std::snprintf(buf, sizeof buf, "%d %s %04d", day, kMonths[month - 1], year); break;
        case DatePrecision::kMonth: std::snprintf(buf, sizeof buf, "%s %04d", kMonths[month - 1], year); break;
        case DatePrecision::kYear: std::snprintf(buf, sizeof buf, "%04d", year); break;
    }
    return buf;
}

}  // namespace em
