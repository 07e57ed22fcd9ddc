#pragma once

#include <string>
#include <string_view>

#include "core/color.hpp"
#include "events/event.hpp"
#include "render/marker_renderer.hpp"

namespace em {

// The fixed colour of a party (the actor before " ("), in the light theme's palette (scene/style.hpp
// PartyPalette); what is drawn on a map of a theme takes MapStyle::events.parties instead.
Color party_color(std::string_view party);

// A two- or three-letter code for badges: RU, FR, US, UN, EU, DE, AES; else the party's first letters.
std::string party_code(std::string_view party);

// The marker shape of a troop event kind, the second cue after colour so grey prints stay readable:
// arrival triangle up, departure triangle down, handover diamond, size change square, announcement circle.
MarkerShape kind_shape(EventKind kind);

// Opacity for how sure an event is: uncertain events are drawn fainter (and dashed or hollow elsewhere).
float confidence_opacity(const Event& event);

}  // namespace em
