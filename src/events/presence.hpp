#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "events/event.hpp"

namespace em {

// One stretch of time during which an outside force is present in a country.
struct PresenceInterval {
    std::string actor;    // "France (Operation Barkhane)"
    std::string country;  // ISO alpha-3
    std::optional<Date> since;  // nullopt: present since before the data begins
    std::optional<Date> until;  // last day present (inclusive); nullopt: still present
    std::string started_by;     // id of the event that began it ("" when before the data)
    std::string ended_by;       // id of the event that ended it ("" while open)
    GeoPoint where;             // the place of the starting event (or the first event seen)

    // True when the force is present on that day.
    bool covers(Date d) const { return (!since || *since <= d) && (!until || d <= *until); }
};

// All presence intervals derived from the troop events (rules in docs/data-format.md): arrival starts,
// departure ends, handover passes presence from the predecessor to the actor, size_change proves presence.
// Sorted by country, then actor, then start.
std::vector<PresenceInterval> derive_presence(const std::vector<Event>& events);

// The intervals covering a day (one per actor and country).
std::vector<PresenceInterval> presence_on(const std::vector<PresenceInterval>& intervals, Date day);

// Presence answers for one date that stay fast over large datasets: intervals sorted by start, scanned only
// up to the date.
class PresenceIndex {
public:
    explicit PresenceIndex(std::vector<PresenceInterval> intervals);
    // Intervals covering the day.
    std::vector<const PresenceInterval*> on(Date day) const;
    const std::vector<PresenceInterval>& intervals() const { return intervals_; }

private:
    std::vector<PresenceInterval> intervals_;  // sorted by start (open starts first)
};

}  // namespace em
