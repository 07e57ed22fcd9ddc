#include "events/timeline.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace em {

namespace {

Date add_months(Date d, int months) {
    int y = d.year(), m = d.month() + months;
    while (m > 12) m -= 12, ++y;
    while (m < 1) m += 12, --y;
    int day = d.day();
    while (day > 28 && !Date::from_ymd(y, m, day)) --day;
    return *Date::from_ymd(y, m, day);
}

void clamp_to_range(TimelineState& s) {
    s.window.at = std::clamp(s.window.at, s.data_first, s.data_last);
}

}  // namespace

std::pair<Date, Date> data_range(const std::vector<Event>& events) {
    if (events.empty()) {
        const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
        const Date today{static_cast<int>(now.time_since_epoch().count())};
        return {today, today};
    }
    Date first = events.front().first_day(), last = events.front().last_day();
    for (const auto& e : events) first = std::min(first, e.first_day()), last = std::max(last, e.last_day());
    return {first, last};
}

std::vector<Date> event_days(const std::vector<Event>& events) {
    std::vector<Date> days;
    days.reserve(events.size());
    for (const auto& e : events) days.push_back(e.first_day());
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

void step(TimelineState& s, StepUnit unit, int direction, const std::vector<Date>& days) {
    Date& at = s.window.at;
    switch (unit) {
        case StepUnit::kDay: at = at + direction; break;
        case StepUnit::kWeek: at = at + 7 * direction; break;
        case StepUnit::kMonth: at = add_months(at, direction); break;
        case StepUnit::kYear: at = add_months(at, 12 * direction); break;
        case StepUnit::kEvent: {
            if (days.empty()) break;
            if (direction > 0) {
                auto it = std::upper_bound(days.begin(), days.end(), at);
                if (it != days.end()) at = *it;
            } else {
                auto it = std::lower_bound(days.begin(), days.end(), at);
                if (it != days.begin()) at = *std::prev(it);
            }
            break;
        }
    }
    s.carry = 0;
    clamp_to_range(s);
}

bool advance(TimelineState& s, double seconds, const std::vector<Date>& days) {
    if (!s.playing || seconds <= 0) return false;
    s.carry += seconds * s.days_per_second;
    const int whole = static_cast<int>(std::floor(s.carry));
    if (whole <= 0) return false;
    s.carry -= whole;
    const Date before = s.window.at;
    Date next = s.window.at + whole;
    if (s.skip_empty && !days.empty()) {
        // Nothing happens until the next event: go to its day directly.
        auto it = std::lower_bound(days.begin(), days.end(), s.window.at + 1);
        if (it != days.end() && *it > next) next = *it;
    }
    if (next > s.data_last) {
        if (s.loop) {
            next = s.data_first;
        } else {
            next = s.data_last;
            s.playing = false;
        }
    }
    s.window.at = next;
    return s.window.at != before;
}

void jump_to(TimelineState& s, Date day) {
    s.window.at = day;
    s.carry = 0;
    clamp_to_range(s);
}

std::optional<Date> parse_typed_date(std::string_view text) {
    std::string t;
    // Runs of white space (tabs and line breaks too) become one space; none at either end.
    for (char c : text) {
        const bool space = std::isspace(static_cast<unsigned char>(c));
        if (!space || (!t.empty() && t.back() != ' ')) t += space ? ' ' : c;
    }
    while (!t.empty() && t.back() == ' ') t.pop_back();
    if (t.empty()) return std::nullopt;
    if (auto f = FuzzyDate::parse(t)) return f->first();
    // Y-M-D without zero padding.
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(t.c_str(), "%d-%d-%d%c", &y, &m, &d, &tail) == 3) return Date::from_ymd(y, m, d);
    static const char* months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    auto month_of = [&](std::string word) -> int {
        for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (word.size() < 3) return 0;
        for (int i = 0; i < 12; ++i)
            if (word.compare(0, 3, months[i]) == 0) return i + 1;
        return 0;
    };
    char word[32] = {0};
    if (std::sscanf(t.c_str(), "%d %31s %d%c", &d, word, &y, &tail) == 3) {
        if (int mm = month_of(word)) return Date::from_ymd(y, mm, d);
        return std::nullopt;
    }
    if (std::sscanf(t.c_str(), "%31s %d%c", word, &y, &tail) == 2) {
        if (int mm = month_of(word)) return Date::from_ymd(y, mm, 1);
    }
    return std::nullopt;
}

Histogram event_histogram(const std::vector<Event>& events, const EventFilter& filter, Date first, Date last,
                          int bins) {
    Histogram h;
    h.first = first;
    h.last = last;
    h.bins = std::max(bins, 1);
    for (const auto& e : events)
        if (std::find(h.parties.begin(), h.parties.end(), e.party()) == h.parties.end()) h.parties.push_back(e.party());
    std::sort(h.parties.begin(), h.parties.end());
    h.counts.assign(h.bins, std::vector<int>(h.parties.size(), 0));
    // Bin of day i (0-based) of `span` days: floor(i * bins / span), in integers. (In doubles, i / span * bins could
    // fall just short of a whole number and put a day on a bin boundary into the bin before.)
    const long long span = std::max(1, last.days - first.days + 1);
    for (const auto& e : events) {
        if (!filter.matches(e)) continue;
        const Date d = e.first_day();
        if (d < first || d > last) continue;
        const long long i = d.days - first.days;
        const int bin = static_cast<int>(std::min<long long>(h.bins - 1, i * h.bins / span));
        const auto party = std::find(h.parties.begin(), h.parties.end(), e.party()) - h.parties.begin();
        ++h.counts[bin][party];
    }
    for (const auto& bin : h.counts) {
        int total = 0;
        for (int c : bin) total += c;
        h.max_total = std::max(h.max_total, total);
    }
    return h;
}

}  // namespace em
