#include "render/draw_ranges.hpp"

namespace em {

std::vector<DrawRange> visible_ranges(const std::vector<ProjectedRange>& ranges, const BBox& view, RangePart part,
                                      const std::vector<bool>* only, bool merge) {
    std::vector<DrawRange> out;
    for (size_t i = 0; i < ranges.size(); ++i) {
        if (only && (i >= only->size() || !(*only)[i])) continue;
        const ProjectedRange& r = ranges[i];
        if (!r.bbox.intersects(view)) continue;
        DrawRange d;
        switch (part) {
            case RangePart::kFill: d = {r.first_index, r.index_count}; break;
            case RangePart::kOutline: d = {r.first_outline, r.outline_count}; break;
            case RangePart::kPoints: d = {r.first_point, r.point_count}; break;
        }
        if (d.count == 0) continue;
        if (merge && !out.empty() && out.back().first + out.back().count == d.first) {
            out.back().count += d.count;
        } else {
            out.push_back(d);
        }
    }
    return out;
}

}  // namespace em
