#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/geo_point.hpp"
#include "events/event.hpp"
#include "geo/projection.hpp"

namespace em {

// What a slider step needs of each incident (ACLED row) that the clock does not change, worked out the first time
// a window shows it and kept from one overlay to the next: its projected place, its event type's palette index
// (render/point_events) and its hexagon cell for the current bin radius. A scrub step then bins the visible
// incidents by looking these up instead of projecting, comparing type names and hashing cells again.
//
// One cache serves one vector of events and one projection (EventState makes a new one after a load or a
// projection change; the overlays of the old one keep theirs). Entries are by the event's position in the events.
class IncidentCache {
public:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

    IncidentCache(const std::vector<Event>& events, const Projection& projection);

    // True when made for this vector of events (same place, same size) and this projection.
    bool follows(const std::vector<Event>& events, const Projection& projection) const;
    // The entry of an event of those events; kNone for any other event.
    std::uint32_t slot_of(const Event* event) const;
    const Projection& projection() const { return projection_; }

    // What a bin or a dot needs of the event, worked out on the first call and kept: one look-up per visible
    // incident, in one small record (the events themselves are large and far apart in memory).
    struct Incident {
        bool is_incident = false;  // EventKind::kIncident (the rest have no place among the point events)
        XY world;               // projected place
        int fatalities = 0;
        bool on_map = false;    // false where the projection cannot show it
        std::uint8_t type = 0;  // its event type's palette index (point_event_type_index)
    };
    const Incident& incident(std::uint32_t slot);

    // Cells: a dense number per hexagon of the grid of `radius`, given in the order cells are first asked for.
    // Setting another radius forgets the cells (a zoom); the same radius keeps them (a clock step, a pan).
    void set_bin_radius(double radius);
    double bin_radius() const { return radius_; }
    // The cell of an entry whose place is on the map, for the current radius.
    std::uint32_t cell_of(std::uint32_t slot);
    std::size_t cell_count() const { return cells_.size(); }
    std::pair<int, int> cell_qr(std::uint32_t cell) const { return cells_[cell]; }

private:
    const Event* events_;
    std::size_t count_;
    Projection projection_;
    std::vector<Incident> incidents_;
    std::vector<std::uint8_t> known_;  // 1 once incidents_[slot] is worked out
    double radius_ = -1;
    std::uint32_t radius_stamp_ = 0;          // bumped when the radius changes
    std::vector<std::uint32_t> cell_stamp_;   // the radius stamp an entry's cell was worked out for
    std::vector<std::uint32_t> cell_;
    std::vector<std::pair<int, int>> cells_;  // (q, r) per dense cell
    std::unordered_map<std::uint64_t, std::uint32_t> cell_ids_;
};

}  // namespace em
