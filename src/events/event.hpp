#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/geo_point.hpp"

namespace em {

// What an event is (see docs/data-format.md).
enum class EventKind { kMeeting, kCall, kArrival, kDeparture, kHandover, kSizeChange, kAnnouncement };

// "meeting", "call", ... as written in the data.
std::string_view kind_name(EventKind kind);
// Parses a kind name; nullopt if unknown.
std::optional<EventKind> parse_kind(std::string_view text);
// All kinds, in display order.
const std::vector<EventKind>& all_kinds();
// True for the troop-presence kinds (arrival, departure, handover, size_change, announcement).
bool is_troop_kind(EventKind kind);

// A place reference resolved to a position.
struct EventPlace {
    std::string name;  // place name or "lat;lon" as written
    GeoPoint position;
};

// One event: a meeting link or a troop-presence change, with where it comes from and how sure it is.
struct Event {
    std::string id;
    FuzzyDate date;
    std::optional<FuzzyDate> end_date;
    EventKind kind = EventKind::kMeeting;
    std::string actor;    // "Russia (Africa Corps)"
    std::string country;  // ISO 3166-1 alpha-3
    std::optional<EventPlace> from;
    EventPlace to;
    std::string size, participants, description, source, confidence;
    std::string url;   // the page the row rests on (http/https), or empty
    std::string file;  // where it was read from
    int line = 0;      // line in that file (CSV) or feature number (GeoJSON)

    // First and last day of the event's interval (precision and end_date included).
    Date first_day() const { return date.first(); }
    Date last_day() const { return end_date ? end_date->last() : date.last(); }
    // The party: the actor before " (" ("France (Operation Barkhane)" -> "France").
    std::string party() const;
    // True when the confidence says "uncertain", or that the row rests on one party's own sources only
    // ("single-party source").
    bool uncertain() const;
    // For handovers: the predecessor named in "Handover: X -> Y." at the start of the description.
    std::optional<std::string> handover_predecessor() const;
};

// The party of an actor name (text before " (").
std::string party_of(std::string_view actor);

}  // namespace em
