#include "render/actor_style.hpp"

#include <cctype>

namespace em {

Color party_color(std::string_view party) { return PartyPalette{}.of(party); }

std::string party_code(std::string_view party) {
    if (party == "Russia") return "RU";
    if (party == "France") return "FR";
    if (party == "USA") return "US";
    if (party == "UN") return "UN";
    if (party == "EU") return "EU";
    if (party == "Germany") return "DE";
    if (party == "AES") return "AES";
    std::string code;
    for (char c : party.substr(0, 3)) code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return code;
}

MarkerShape kind_shape(EventKind kind) {
    switch (kind) {
        case EventKind::kArrival: return kTriangleUp;
        case EventKind::kDeparture: return kTriangleDown;
        case EventKind::kHandover: return kDiamond;
        case EventKind::kSizeChange: return kSquare;
        case EventKind::kMeeting:
        case EventKind::kCall:
        case EventKind::kAnnouncement:
        case EventKind::kIncident: return kCircle;
    }
    return kCircle;  // not reached: every kind is named above (-Wswitch names a new one)
}

float confidence_opacity(const Event& event) { return event.uncertain() ? 0.45f : 1.0f; }

}  // namespace em
