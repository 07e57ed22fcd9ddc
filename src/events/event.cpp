#include "events/event.hpp"

#include <array>

namespace em {

namespace {
constexpr std::array<std::pair<EventKind, std::string_view>, 8> kKinds = {{
    {EventKind::kMeeting, "meeting"},
    {EventKind::kCall, "call"},
    {EventKind::kArrival, "arrival"},
    {EventKind::kDeparture, "departure"},
    {EventKind::kHandover, "handover"},
    {EventKind::kSizeChange, "size_change"},
    {EventKind::kAnnouncement, "announcement"},
    {EventKind::kIncident, "incident"},
}};
}  // namespace

std::string_view kind_name(EventKind kind) {
    for (const auto& [k, name] : kKinds)
        if (k == kind) return name;
    return "?";
}

std::optional<EventKind> parse_kind(std::string_view text) {
    for (const auto& [k, name] : kKinds)
        if (name == text) return k;
    return std::nullopt;
}

const std::vector<EventKind>& all_kinds() {
    static const std::vector<EventKind> kinds = [] {
        std::vector<EventKind> v;
        for (const auto& [k, name] : kKinds) v.push_back(k);
        return v;
    }();
    return kinds;
}

bool is_troop_kind(EventKind kind) {
    return kind != EventKind::kMeeting && kind != EventKind::kCall && kind != EventKind::kIncident;
}

std::string party_of(std::string_view actor) {
    const auto paren = actor.find(" (");
    return std::string(paren == std::string_view::npos ? actor : actor.substr(0, paren));
}

std::string Event::party() const { return party_of(actor); }

bool Event::uncertain() const {
    return confidence.rfind("uncertain", 0) == 0 || confidence.find("single-party source") != std::string::npos;
}

std::optional<std::string> Event::handover_predecessor() const {
    constexpr std::string_view prefix = "Handover: ";
    if (description.rfind(prefix, 0) != 0) return std::nullopt;
    const auto arrow = description.find(" -> ", prefix.size());
    if (arrow == std::string::npos) return std::nullopt;
    return description.substr(prefix.size(), arrow - prefix.size());
}

}  // namespace em
