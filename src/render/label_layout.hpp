#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/geo_point.hpp"
#include "render/font_atlas.hpp"

namespace em {

// A label that would like to be shown.
struct LabelRequest {
    std::string text;
    XY anchor;              // screen pixels
    float size = 12.0f;     // pixel height of the font
    int priority = 0;       // higher is placed first
    bool beside_point = false;  // true: try right, left, above, below of the anchor; false: centred on it
    float point_radius = 0;     // gap kept from the anchor when beside_point
    Color color = Color::hex(0x333333);
};

// A label that won its place.
struct PlacedLabel {
    std::string text;
    float x = 0, y = 0;  // baseline start, screen pixels
    float size = 12.0f;
    Color color;
    float box[4] = {0, 0, 0, 0};  // left, top, right, bottom
};

// Greedy placement by priority: each label takes the first candidate position whose box (plus padding) does
// not overlap a placed label or leave the viewport. Ties keep input order, so the result is deterministic.
// obstacles (left, top, right, bottom boxes such as point markers) are kept free of labels.
std::vector<PlacedLabel> place_labels(std::vector<LabelRequest> requests, const FontAtlas& font, int width,
                                      int height, float padding = 2.0f,
                                      const std::vector<std::array<float, 4>>& obstacles = {});

}  // namespace em
