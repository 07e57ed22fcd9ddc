#pragma once

#include <cstdint>
#include <vector>

#include "core/bbox.hpp"
#include "geo/projected_mesh.hpp"

namespace em {

// A run of consecutive elements to draw in one call.
struct DrawRange {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
};

// Which part of a feature's slices a draw needs.
enum class RangePart { kFill, kOutline, kPoints };

// The runs covering the chosen features (all when `only` is empty, else those with only[i] true) whose
// projected bbox meets view; neighbouring runs are merged so the GPU sees few calls, unless merge is false (one
// run per feature: a translucent fill blends once per run, see FillRenderer).
std::vector<DrawRange> visible_ranges(const std::vector<ProjectedRange>& ranges, const BBox& view, RangePart part,
                                      const std::vector<bool>* only = nullptr, bool merge = true);

// The same over a projected mesh: by its pieces (ProjectedMesh::fill_pieces, outline_pieces), so that only the
// parts of big features that meet view are drawn; by its ranges where it has no pieces, and for points. With
// merge false, runs are one per piece (a translucent fill blends once per run; the pieces of one feature do not
// overlap).
std::vector<DrawRange> visible_ranges(const ProjectedMesh& mesh, const BBox& view, RangePart part,
                                      const std::vector<bool>* only = nullptr, bool merge = true);

}  // namespace em
