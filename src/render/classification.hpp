#pragma once

#include <string>
#include <vector>

#include "core/color.hpp"
#include "geo/prepared_layer.hpp"

namespace em {

// Colours for a layer's features from one attribute: categorical for text (one colour per value, the most
// frequent first, "other" beyond twelve), classed for numbers (five quantile classes on a sequential,
// colour-blind-safe ramp). Empty values get no class (-1) and keep the layer's own fill.
struct Classification {
    std::string field;
    bool numeric = false;
    std::vector<int> class_of;         // per feature, -1 for none
    std::vector<Color> colors;         // per class
    std::vector<std::string> labels;   // per class, for the legend ("Mopti", "12.5 - 40")
};

// Classifies the layer's features by the named field (empty field or unknown: an empty classification).
Classification classify(const PreparedLayer& layer, const std::string& field);

}  // namespace em
