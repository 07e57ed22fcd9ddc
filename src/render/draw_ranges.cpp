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

std::vector<DrawRange> visible_ranges(const ProjectedMesh& mesh, const BBox& view, RangePart part,
                                      const std::vector<bool>* only, bool merge) {
    const std::vector<ProjectedPiece>& pieces = part == RangePart::kFill ? mesh.fill_pieces : mesh.outline_pieces;
    if (part == RangePart::kPoints || pieces.empty()) return visible_ranges(mesh.ranges, view, part, only, merge);
    std::vector<DrawRange> out;
    for (const ProjectedPiece& p : pieces) {
        if (only && (p.feature >= only->size() || !(*only)[p.feature])) continue;
        if (p.count == 0 || !p.bbox.intersects(view)) continue;
        if (merge && !out.empty()) {
            DrawRange& back = out.back();
            // Outline pieces of one feature share their end point: the run goes on through it.
            const std::uint32_t shared = part == RangePart::kOutline && back.first + back.count == p.first + 1;
            if (back.first + back.count - shared == p.first) {
                back.count += p.count - shared;
                continue;
            }
        }
        out.push_back({p.first, p.count});
    }
    return out;
}

}  // namespace em
