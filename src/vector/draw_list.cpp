#include "vector/draw_list.hpp"

#include <algorithm>
#include <cmath>

namespace em {

DrawGroup& DrawList::group(const std::string& id) {
    for (DrawGroup& g : groups)
        if (g.id == id) return g;
    groups.push_back(DrawGroup{id, {}, std::nullopt, std::nullopt});
    return groups.back();
}

std::size_t DrawList::item_count() const {
    std::size_t n = 0;
    for (const DrawGroup& g : groups) n += g.items.size();
    return n;
}

MarkerOutline marker_outline(const MarkerStyle& style, XY c, double inset) {
    MarkerOutline out;
    out.centre = c;
    const double r = style.radius;
    // Each shape scaled about its incentre so that its edges move `inset` inwards.
    auto polygon = [&](std::vector<XY> outer, XY incentre, double inradius) {
        const double k = inradius > inset ? (inradius - inset) / inradius : 0.0;
        for (XY& p : outer) p = {incentre.x + (p.x - incentre.x) * k, incentre.y + (p.y - incentre.y) * k};
        out.polygon = std::move(outer);
    };
    switch (style.shape) {
        case kTriangleUp:
        case kTriangleDown: {
            // The shader's triangle: half side s = 1.15 r, apex 1.5 s / sqrt(3) above the point, base as far below.
            const double s = r * 1.15, h = 1.5 * s / std::sqrt(3.0);
            const double dir = style.shape == kTriangleUp ? 1.0 : -1.0;  // +1: apex up (y down on the picture)
            polygon({{c.x, c.y - dir * h}, {c.x + s, c.y + dir * h}, {c.x - s, c.y + dir * h}},
                    {c.x, c.y + dir * (h - 2 * h / 3)}, s / std::sqrt(3.0));
            break;
        }
        case kDiamond: {
            const double d = r * 1.25;
            polygon({{c.x, c.y - d}, {c.x + d, c.y}, {c.x, c.y + d}, {c.x - d, c.y}}, c, d / std::sqrt(2.0));
            break;
        }
        case kSquare: {
            const double h = r * 0.85;
            polygon({{c.x - h, c.y - h}, {c.x + h, c.y - h}, {c.x + h, c.y + h}, {c.x - h, c.y + h}}, c, h);
            break;
        }
        case kCircle:
        default:
            out.circle = true;
            out.radius = std::max(0.0, r - inset);
            break;
    }
    return out;
}

}  // namespace em
