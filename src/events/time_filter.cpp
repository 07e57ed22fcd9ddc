#include "events/time_filter.hpp"

#include <algorithm>
#include <cctype>

namespace em {

namespace {
bool contains_folded(const std::string& hay, const std::string& needle_lower) {
    if (needle_lower.empty()) return true;
    auto it = std::search(hay.begin(), hay.end(), needle_lower.begin(), needle_lower.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == static_cast<unsigned char>(b);
    });
    return it != hay.end();
}
}  // namespace

Date TimeWindow::first() const {
    switch (mode) {
        case WindowMode::kTrailing: return at - std::max(days, 0);
        case WindowMode::kCumulative: return Date{-1000000};
        case WindowMode::kRange: return std::min(range_start, range_end);
    }
    return at;
}

Date TimeWindow::last() const {
    return mode == WindowMode::kRange ? std::max(range_start, range_end) : at;
}

float event_weight(const Event& e, const TimeWindow& w) {
    const Date first = w.first(), last = w.last();
    if (e.last_day() < first || e.first_day() > last) return 0.0f;
    if (w.mode != WindowMode::kTrailing || w.days <= 0) return 1.0f;
    if (e.last_day() >= w.at) return 1.0f;  // still going on at the date
    const float age = static_cast<float>(w.at.days - e.last_day().days) / static_cast<float>(w.days);
    return std::clamp(1.0f - 0.75f * age, 0.25f, 1.0f);
}

bool EventFilter::matches(const Event& e) const {
    if (hidden_parties.count(e.party())) return false;
    if (hidden_kinds.count(e.kind)) return false;
    if (!countries.empty() && !countries.count(e.country)) return false;
    if (hide_uncertain && e.uncertain()) return false;
    if (!text.empty()) {
        std::string needle;
        for (char c : text) needle += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!contains_folded(e.participants, needle) && !contains_folded(e.description, needle) &&
            !contains_folded(e.actor, needle) && !contains_folded(e.id, needle))
            return false;
    }
    return true;
}

std::vector<VisibleEvent> visible_events(const std::vector<Event>& events, const TimeWindow& window,
                                         const EventFilter& filter) {
    std::vector<VisibleEvent> out;
    for (const auto& e : events) {
        const float w = event_weight(e, window);
        if (w > 0 && filter.matches(e)) out.push_back({&e, w});
    }
    return out;
}

}  // namespace em
