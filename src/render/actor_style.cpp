#include "render/actor_style.hpp"

#include <cctype>

namespace em {

Color party_color(std::string_view party) {
    if (party == "Russia") return Color::hex(0xD55E00);
    if (party == "France") return Color::hex(0x0072B2);
    if (party == "USA") return Color::hex(0x56B4E9);
    if (party == "UN") return Color::hex(0x009E73);
    if (party == "EU") return Color::hex(0xE69F00);
    if (party == "Germany") return Color::hex(0xCC79A7);
    if (party == "AES") return Color::hex(0x4D4D4D);
    return Color::hex(0x8C8C8C);
}

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
