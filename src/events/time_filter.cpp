#include "events/time_filter.hpp"

#include <algorithm>
#include <bit>
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

// event_weight for an event given by its first and last day (first, last: Date::days) in a window whose first
// and last days are wfirst and wlast.
float weight_of(int first, int last, const TimeWindow& w, Date wfirst, Date wlast) {
    if (last < wfirst.days || first > wlast.days) return 0.0f;
    if (w.mode != WindowMode::kTrailing || w.days <= 0) return 1.0f;
    if (last >= w.at.days) return 1.0f;  // still going on at the date
    const float age = static_cast<float>(w.at.days - last) / static_cast<float>(w.days);
    return std::clamp(1.0f - 0.75f * age, 0.25f, 1.0f);
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
    return weight_of(e.first_day().days, e.last_day().days, w, w.first(), w.last());
}

bool EventFilter::matches(const Event& e) const {
    if (hidden_parties.count(e.party())) return false;
    if (!parties.empty() && !parties.count(e.party())) return false;
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
    if (e.kind == EventKind::kIncident) {
        if (!event_types.empty() && !event_types.count(e.point ? e.point->event_type : std::string()))
            return false;
        if (e.fatalities() < min_fatalities) return false;
    }
    if (!actor_text.empty()) {
        std::string needle;
        for (char c : actor_text) needle += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (e.point) {
            const PointEventDetails& p = *e.point;
            if (!contains_folded(p.actor1, needle) && !contains_folded(p.assoc_actor_1, needle) &&
                !contains_folded(p.actor2, needle) && !contains_folded(p.assoc_actor_2, needle))
                return false;
        } else if (!contains_folded(e.actor, needle) && !contains_folded(e.participants, needle)) {
            return false;
        }
    }
    return true;
}

std::vector<const PresenceInterval*> visible_presence(const PresenceIndex& presence, Date day,
                                                      const EventFilter& filter) {
    std::vector<const PresenceInterval*> out;
    if (filter.hidden_kinds.count(EventKind::kArrival) && filter.hidden_kinds.count(EventKind::kDeparture)) return out;
    for (const PresenceInterval* p : presence.on(day)) {
        const std::string party = party_of(p->actor);
        if (filter.hidden_parties.count(party)) continue;
        if (!filter.parties.empty() && !filter.parties.count(party)) continue;
        if (!filter.countries.empty() && !filter.countries.count(p->country)) continue;
        out.push_back(p);
    }
    return out;
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

VisibleEventIndex::VisibleEventIndex(const std::vector<Event>& events, const EventFilter& filter)
    : events_(events.data()), event_count_(events.size()), filter_(filter) {
    std::vector<Band> bands(33);
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        if (!filter.matches(e)) continue;
        const Entry entry{e.first_day().days, e.last_day().days, static_cast<std::uint32_t>(i)};
        const int length = std::max(entry.last - entry.first, 0);
        Band& band = bands[std::bit_width(static_cast<unsigned>(length))];
        band.max_length = std::max(band.max_length, length);
        band.by_first.push_back(entry);
        ++size_;
    }
    for (Band& band : bands) {
        if (band.by_first.empty()) continue;
        std::stable_sort(band.by_first.begin(), band.by_first.end(),
                         [](const Entry& a, const Entry& b) { return a.first < b.first; });
        bands_.push_back(std::move(band));
    }
}

bool VisibleEventIndex::built_for(const std::vector<Event>& events, const EventFilter& filter) const {
    return events.data() == events_ && events.size() == event_count_ && filter == filter_;
}

std::vector<VisibleEventIndex::Found> VisibleEventIndex::found_in(const TimeWindow& window,
                                                                 std::vector<std::size_t>* run_ends) const {
    const Date wfirst = window.first(), wlast = window.last();
    std::vector<Found> found;
    for (const Band& band : bands_) {
        // Events of the band that overlap the window start in [wfirst - max_length, wlast].
        const long long from = static_cast<long long>(wfirst.days) - band.max_length;
        auto it = std::lower_bound(band.by_first.begin(), band.by_first.end(), from,
                                   [](const Entry& e, long long day) { return e.first < day; });
        for (; it != band.by_first.end() && it->first <= wlast.days; ++it) {
            const float w = weight_of(it->first, it->last, window, wfirst, wlast);
            if (w > 0) found.push_back({it->first, it->order, w});
        }
        if (run_ends) run_ends->push_back(found.size());
    }
    return found;
}

std::vector<VisibleEvent> VisibleEventIndex::visible(const TimeWindow& window) const {
    const std::vector<Found> found = found_in(window, nullptr);
    // Back to the order of the events, as visible_events gives them: sort a few, or spread many over the events.
    std::vector<VisibleEvent> out;
    out.reserve(found.size());
    if (found.size() < event_count_ / 16) {
        std::vector<std::pair<std::uint32_t, float>> sorted;
        sorted.reserve(found.size());
        for (const Found& f : found) sorted.emplace_back(f.order, f.weight);
        std::sort(sorted.begin(), sorted.end());
        for (const auto& [order, w] : sorted) out.push_back({events_ + order, w});
    } else {
        std::vector<float> weight(event_count_, 0.0f);
        for (const Found& f : found) weight[f.order] = f.weight;
        for (std::size_t i = 0; i < event_count_; ++i)
            if (weight[i] > 0) out.push_back({events_ + i, weight[i]});
    }
    return out;
}

std::vector<VisibleEvent> VisibleEventIndex::visible_by_first_day(const TimeWindow& window) const {
    std::vector<std::size_t> ends;
    std::vector<Found> found = found_in(window, &ends);
    // Each band's run is already in (first day, order), the band sorted once by a stable sort over the events'
    // order; merging the runs (a few: ACLED's day, week and month precisions) gives the whole in that order.
    const auto before = [](const Found& a, const Found& b) {
        return a.first != b.first ? a.first < b.first : a.order < b.order;
    };
    for (std::size_t k = 1; k < ends.size(); ++k)
        std::inplace_merge(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(ends[k - 1]),
                           found.begin() + static_cast<std::ptrdiff_t>(ends[k]), before);
    std::vector<VisibleEvent> out;
    out.reserve(found.size());
    for (const Found& f : found) out.push_back({events_ + f.order, f.weight});
    return out;
}

std::vector<VisibleEvent> VisibleEventIndex::all() const {
    std::vector<std::uint32_t> orders;
    orders.reserve(size_);
    for (const Band& band : bands_)
        for (const Entry& e : band.by_first) orders.push_back(e.order);
    std::sort(orders.begin(), orders.end());
    std::vector<VisibleEvent> out;
    out.reserve(orders.size());
    for (std::uint32_t o : orders) out.push_back({events_ + o, 1.0f});
    return out;
}

}  // namespace em
