#pragma once

#include <optional>
#include <string>
#include <vector>

#include "geo/projection.hpp"

namespace em {

// What the view panel asks the app to do this frame.
struct ViewCommands {
    std::optional<std::string> preset;  // key of a view preset to jump to
    std::optional<Projection> projection;
};

// The view panel: presets and projection. preset_labels/keys list the presets in order.
ViewCommands draw_view_panel(const Projection& current, const std::vector<std::string>& preset_keys,
                             const std::vector<std::string>& preset_labels);

}  // namespace em
