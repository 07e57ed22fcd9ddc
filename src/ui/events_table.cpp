#include "ui/events_table.hpp"

#include <algorithm>
#include <cctype>

namespace em {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool matches(const Event& e, const std::string& needle) {
    if (needle.empty()) return true;
    for (const std::string& hay :
         {e.id, event_cell(e, EventColumn::kDate), event_cell(e, EventColumn::kKind),
          event_cell(e, EventColumn::kParties), event_cell(e, EventColumn::kPlace), e.source, e.participants,
          e.description}) {
        if (lower(hay).find(needle) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

std::string event_cell(const Event& e, EventColumn column) {
    switch (column) {
        case EventColumn::kDate: {
            std::string when = e.date.display();
            if (e.end_date) when += " to " + e.end_date->display();
            return when;
        }
        case EventColumn::kKind: return std::string(kind_name(e.kind));
        case EventColumn::kParties: return e.country.empty() ? e.actor : e.actor + " -> " + e.country;
        case EventColumn::kPlace: return e.from ? e.from->name + " -> " + e.to.name : e.to.name;
        case EventColumn::kSource: return e.source;
    }
    return {};
}

std::string ellipsize(const std::string& text, float width, const std::function<float(std::string_view)>& measure) {
    if (measure(text) <= width) return text;
    static const std::string kEllipsis = "\xE2\x80\xA6";  // U+2026
    // Character starts (UTF-8 lead bytes): the text is cut only before one of them.
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
    // The longest prefix that fits with the ellipsis (widths grow with the prefix): binary search.
    std::size_t lo = 0, hi = starts.size();  // prefixes of starts[k] bytes, k in [lo, hi)
    std::string best;
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        std::string candidate = text.substr(0, starts[mid]);
        while (!candidate.empty() && candidate.back() == ' ') candidate.pop_back();
        candidate += kEllipsis;
        if (measure(candidate) <= width) {
            best = std::move(candidate);
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return best;
}

namespace {
// The list's order for events that match the search: by the column's text, then the first day, then the id. The keys
// are worked out once per row, not per comparison (FuzzyDate::first works out a calendar date each time).
struct Keyed {
    std::string text;
    int first, last;
    const Event* event;
};

std::vector<Keyed> sorted_rows(const std::vector<VisibleEvent>& events, const EventRowsQuery& q) {
    const std::string needle = lower(q.search);
    std::vector<Keyed> keyed;
    keyed.reserve(events.size());
    for (const VisibleEvent& v : events) {
        const Event& e = *v.event;
        if (!matches(e, needle)) continue;
        keyed.push_back({q.column == EventColumn::kDate ? std::string() : lower(event_cell(e, q.column)),
                         e.first_day().days, e.last_day().days, &e});
    }
    std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
        if (a.text != b.text) return a.text < b.text;
        if (a.first != b.first) return a.first < b.first;
        if (a.event->id != b.event->id) return a.event->id < b.event->id;  // date, then id: every column's tie-break
        return a.event < b.event;  // the same id twice: the order of the events, so every window agrees
    });
    return keyed;
}
}  // namespace

std::vector<const Event*> event_rows(const std::vector<VisibleEvent>& visible, const EventRowsQuery& q) {
    const std::vector<Keyed> keyed = sorted_rows(visible, q);
    std::vector<const Event*> rows;
    rows.reserve(keyed.size());
    for (const Keyed& k : keyed) rows.push_back(k.event);
    if (!q.ascending) std::reverse(rows.begin(), rows.end());
    return rows;
}

EventRowIndex::EventRowIndex(const std::vector<VisibleEvent>& events, const EventRowsQuery& query)
    : by_date_(query.column == EventColumn::kDate), ascending_(query.ascending) {
    const std::vector<Keyed> keyed = sorted_rows(events, query);
    sorted_.reserve(keyed.size());
    for (const Keyed& k : keyed) {
        sorted_.push_back({k.first, k.last, k.event});
        max_length_ = std::max(max_length_, k.last - k.first);
    }
}

std::vector<const Event*> EventRowIndex::rows(const TimeWindow& window) const {
    // An event is visible when it overlaps the window (VisibleEventIndex gives it a weight above 0 then).
    const int wfirst = window.first().days, wlast = window.last().days;
    auto from = sorted_.begin(), to = sorted_.end();
    if (by_date_) {
        // Sorted by first day: what overlaps starts in [wfirst - max_length, wlast].
        const long long earliest = static_cast<long long>(wfirst) - max_length_;
        from = std::lower_bound(sorted_.begin(), sorted_.end(), earliest,
                                [](const Row& r, long long day) { return r.first < day; });
        to = std::upper_bound(from, sorted_.end(), static_cast<long long>(wlast),
                              [](long long day, const Row& r) { return day < r.first; });
    }
    std::vector<const Event*> out;
    for (auto it = from; it != to; ++it)
        if (it->last >= wfirst && it->first <= wlast) out.push_back(it->event);
    if (!ascending_) std::reverse(out.begin(), out.end());
    return out;
}

const Event* step_row(const std::vector<const Event*>& rows, const Event* current, int step) {
    if (rows.empty()) return nullptr;
    const auto at = std::find(rows.begin(), rows.end(), current);
    if (at == rows.end()) return rows.front();
    const long i = std::clamp<long>((at - rows.begin()) + step, 0, static_cast<long>(rows.size()) - 1);
    return rows[i];
}

}  // namespace em
