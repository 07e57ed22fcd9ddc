#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/geo_point.hpp"

namespace em {

// What an event is (see docs/data-format.md). kIncident is a point event: a row of an ACLED export (battles,
// violence against civilians, protests...) or an `incident` row of eventmap's own schema; it has no presence
// meaning and is drawn as a point (or in hexagon bins when dense) at `to`.
enum class EventKind { kMeeting, kCall, kArrival, kDeparture, kHandover, kSizeChange, kAnnouncement, kIncident };

// "meeting", "call", ... as written in the data.
std::string_view kind_name(EventKind kind);
// Parses a kind name; nullopt if unknown.
std::optional<EventKind> parse_kind(std::string_view text);
// All kinds, in display order.
const std::vector<EventKind>& all_kinds();
// True for the troop-presence kinds (arrival, departure, handover, size_change, announcement); not incidents.
bool is_troop_kind(EventKind kind);

// A place reference resolved to a position.
struct EventPlace {
    std::string name;  // place name or "lat;lon" as written
    GeoPoint position;
};

// What an ACLED row records beyond eventmap's own columns (events/acled_reader). Shared and immutable: an Event
// stays cheap to copy.
struct PointEventDetails {
    std::string event_type;      // ACLED event_type: "Battles", "Violence against civilians", ...
    std::string sub_event_type;  // "Armed clash", "Attack", ...
    std::string disorder_type;   // newer column set only
    std::string actor1, assoc_actor_1, actor2, assoc_actor_2;
    std::string admin1, location;
    std::string date_text;       // event_date as written in the file
    int fatalities = 0;
    int time_precision = 1;      // ACLED: 1 the day, 2 within a week, 3 the month
    int geo_precision = 1;       // ACLED: 1 the place, 2 near it / part of a region, 3 a larger area's centre
    std::string mapped_party;    // the eventmap actor the actor table gave one of the actors (data/acled_actors.csv)
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
    std::shared_ptr<const PointEventDetails> point;  // ACLED details of an incident (may be null for our schema)
    std::string file;  // where it was read from
    int line = 0;      // line in that file (CSV) or feature number (GeoJSON)

    // First and last day of the event's interval (precision and end_date included).
    Date first_day() const { return date.first(); }
    Date last_day() const { return end_date ? end_date->last() : date.last(); }
    // The fatalities of an incident (0 for other events and incidents without details).
    int fatalities() const { return point ? point->fatalities : 0; }
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
