#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "events/event.hpp"
#include "events/time_filter.hpp"

namespace em {

// The columns of the events list, in order.
enum class EventColumn { kDate, kKind, kParties, kPlace, kSource };

// How the list is searched and sorted.
struct EventRowsQuery {
    std::string search;  // case-insensitive, in every column and in people and descriptions; empty: all
    EventColumn column = EventColumn::kDate;
    bool ascending = true;
};

// The text of a column for an event: the date as written with its precision ("13 Aug 2024", "Aug 2024"), the
// kind, the parties ("Russia -> Mali": actor and host country), the place ("Bamako -> Moscow" for a link) and
// the source.
std::string event_cell(const Event& event, EventColumn column);

// `text` as it fits in `width` (measured by `measure`): whole when it fits, else cut at a character boundary and
// ended with an ellipsis ("…"), never mid-glyph as a clipped cell is. Empty when not even the ellipsis fits.
std::string ellipsize(const std::string& text, float width, const std::function<float(std::string_view)>& measure);

// The rows of the list: the visible events (in the window, passing the filters) that match the search, sorted
// by the column (dates by first day; ties by date, then id, so the order is stable from frame to frame).
std::vector<const Event*> event_rows(const std::vector<VisibleEvent>& visible, const EventRowsQuery& query);

// The rows of the list for any time window, sorted once: every event that passes the filters and the search, in
// the query's order, with its first and last days. A window's rows are those that overlap it, in that order (for
// the date column, ascending or not, a binary-searched stretch), so a slider step neither searches nor sorts.
// Build it when the filters, the search, the sort or the events change (from VisibleEventIndex::all()).
class EventRowIndex {
public:
    EventRowIndex() = default;
    EventRowIndex(const std::vector<VisibleEvent>& events, const EventRowsQuery& query);
    // Exactly event_rows(visible, query) for the visible events of that window.
    std::vector<const Event*> rows(const TimeWindow& window) const;
    std::size_t size() const { return sorted_.size(); }

private:
    struct Row {
        int first, last;  // Date::days
        const Event* event;
    };
    std::vector<Row> sorted_;  // ascending by the query's key (descending lists are read backwards)
    bool by_date_ = true;
    bool ascending_ = true;
    int max_length_ = 0;  // the longest event (last - first), to bound the date column's search
};

// The row `step` rows away from `current` in rows (clamped to the list); the first row when current is not in
// it. nullptr for an empty list. For the list's Up/Down/Page keys.
const Event* step_row(const std::vector<const Event*>& rows, const Event* current, int step);

}  // namespace em
