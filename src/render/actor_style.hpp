#pragma once

#include <string>
#include <string_view>

#include "core/color.hpp"
#include "events/event.hpp"
#include "render/marker_renderer.hpp"

namespace em {

// The fixed colour of a party (the actor before " ("), the same in the window, the legend and every export.
// Okabe-Ito colours, safe for colour-blind readers: Russia vermillion, France blue, USA sky blue, UN bluish
// green, EU orange, Germany reddish purple, AES (intra-Sahel) dark grey; anything else mid grey.
Color party_color(std::string_view party);

// A two- or three-letter code for badges: RU, FR, US, UN, EU, DE, AES; else the party's first letters.
std::string party_code(std::string_view party);

// The marker shape of a troop event kind, the second cue after colour so grey prints stay readable:
// arrival triangle up, departure triangle down, handover diamond, size change square, announcement circle.
MarkerShape kind_shape(EventKind kind);

// Opacity for how sure an event is: uncertain events are drawn fainter (and dashed or hollow elsewhere).
float confidence_opacity(const Event& event);

}  // namespace em
