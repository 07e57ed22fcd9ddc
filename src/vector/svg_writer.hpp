#pragma once

#include <string>

#include "core/result.hpp"
#include "vector/draw_list.hpp"

namespace em {

// The draw list as an SVG document a designer can edit: plain XML in picture pixels (width and height as the
// PNG's), each group its own <g id="...">, paths with even-odd fills, text as <text> in "DejaVu Sans" with its
// halo as a stroke painted first (paint-order), markers as circles and polygons. Not cairo's SVG surface: that
// writes every glyph as an outline and has no named groups.
std::string svg_document(const DrawList& list);

// Writes svg_document atomically (temporary file, rename).
Status write_svg(const DrawList& list, const std::string& path);

// Escapes text for XML character data and attribute values (& < > " '); drops characters XML 1.0 forbids.
std::string xml_escape(const std::string& text);

}  // namespace em
