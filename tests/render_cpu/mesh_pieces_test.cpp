// Pieces of big features (geo/mesh_pieces) and the draw runs culled by them (render/draw_ranges): every triangle
// and every outline segment of a feature is drawn exactly once over the whole map, and a view of a corner draws
// what meets that corner and far less than the whole feature. Plain arithmetic, no GL.
#include "geo/mesh_pieces.hpp"
#include "render/draw_ranges.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>
#include <vector>

namespace em {
namespace {

using Triangle = std::array<std::uint32_t, 3>;

// One feature: an n x n grid of unit squares, two triangles each, in row order (as a tessellator might leave
// them); then a small second feature; and an outline of `points` points along a spiral-free zigzag.
ProjectedMesh grid_mesh(int n, std::uint32_t points) {
    ProjectedMesh m;
    for (int y = 0; y <= n; ++y)
        for (int x = 0; x <= n; ++x) m.fill_xy.insert(m.fill_xy.end(), {float(x), float(y)});
    auto at = [n](int x, int y) { return static_cast<std::uint32_t>(y * (n + 1) + x); };
    ProjectedRange big;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            m.fill_indices.insert(m.fill_indices.end(), {at(x, y), at(x + 1, y), at(x + 1, y + 1)});
            m.fill_indices.insert(m.fill_indices.end(), {at(x, y), at(x + 1, y + 1), at(x, y + 1)});
        }
    big.index_count = static_cast<std::uint32_t>(m.fill_indices.size());
    big.bbox = BBox::of(0, 0, n, n);
    // Its outline: a line across the grid and back, all joined but the last point.
    for (std::uint32_t i = 0; i < points; ++i) {
        const float x = static_cast<float>(i % (2 * n) < static_cast<std::uint32_t>(n) ? i % n : n - i % n);
        m.outline.insert(m.outline.end(), {x, static_cast<float>(i * n) / points, i + 1 < points ? 1.0f : 0.0f});
    }
    big.outline_count = points;
    m.ranges.push_back(big);
    ProjectedRange small;
    small.first_index = static_cast<std::uint32_t>(m.fill_indices.size());
    m.fill_indices.insert(m.fill_indices.end(), {at(0, 0), at(1, 0), at(0, 1)});
    small.index_count = 3;
    small.bbox = BBox::of(0, 0, 1, 1);
    m.ranges.push_back(small);
    return m;
}

std::multiset<Triangle> triangles_of(const ProjectedMesh& m, const std::vector<DrawRange>& runs) {
    std::multiset<Triangle> out;
    for (const DrawRange& r : runs)
        for (std::uint32_t i = r.first; i < r.first + r.count; i += 3) {
            Triangle t{m.fill_indices[i], m.fill_indices[i + 1], m.fill_indices[i + 2]};
            std::rotate(t.begin(), std::min_element(t.begin(), t.end()), t.end());  // same triangle, any start
            out.insert(t);
        }
    return out;
}

// The segments a line draw of these runs makes (LineRenderer: point i to i+1 within a run, where i is joined).
std::multiset<std::uint32_t> segments_of(const ProjectedMesh& m, const std::vector<DrawRange>& runs) {
    std::multiset<std::uint32_t> out;
    for (const DrawRange& r : runs)
        for (std::uint32_t i = r.first; i + 1 < r.first + r.count; ++i)
            if (m.outline[i * 3 + 2] != 0.0f) out.insert(i);
    return out;
}

const BBox kEverything = BBox::of(-1e9, -1e9, 1e9, 1e9);

TEST(MeshPiecesTest, EveryTriangleAndSegmentIsDrawnExactlyOnceOverTheWholeMap) {
    ProjectedMesh m = grid_mesh(100, 5000);  // 20,000 triangles, 4,999 segments
    const auto before = triangles_of(m, visible_ranges(m.ranges, kEverything, RangePart::kFill));
    const auto segments_before = segments_of(m, visible_ranges(m.ranges, kEverything, RangePart::kOutline));
    cut_into_pieces(m);
    EXPECT_GT(m.fill_pieces.size(), 9u);  // 20,000 / 2,048, and the small feature's one
    EXPECT_GT(m.outline_pieces.size(), 4u);
    for (const ProjectedPiece& p : m.fill_pieces) EXPECT_LE(p.count, 3 * kPieceTriangles);
    for (bool merge : {true, false}) {
        EXPECT_EQ(triangles_of(m, visible_ranges(m, kEverything, RangePart::kFill, nullptr, merge)), before);
        EXPECT_EQ(segments_of(m, visible_ranges(m, kEverything, RangePart::kOutline, nullptr, merge)),
                  segments_before);
    }
    // Merged over the whole map, the pieces make one run per part, as the ranges did.
    EXPECT_EQ(visible_ranges(m, kEverything, RangePart::kFill).size(), 1u);
    EXPECT_EQ(visible_ranges(m, kEverything, RangePart::kOutline).size(), 1u);
    // The feature's range still holds exactly its own triangles (picking and the vector writer read ranges).
    std::vector<DrawRange> big{{m.ranges[0].first_index, m.ranges[0].index_count}};
    EXPECT_EQ(triangles_of(m, big).size(), 20000u);
}

TEST(MeshPiecesTest, AViewOfACornerDrawsWhatMeetsItAndLittleElse) {
    ProjectedMesh m = grid_mesh(100, 5000);
    cut_into_pieces(m);
    const BBox corner = BBox::of(90.5, 90.5, 99.5, 99.5);  // 1% of the grid
    const auto drawn = triangles_of(m, visible_ranges(m, corner, RangePart::kFill));
    // Every triangle meeting the corner is drawn ...
    std::size_t meeting = 0;
    for (int y = 90; y < 100; ++y)
        for (int x = 90; x < 100; ++x) {
            const std::uint32_t a = y * 101 + x;
            Triangle t1{a, a + 1, a + 102}, t2{a, a + 102, a + 101};
            EXPECT_EQ(drawn.count(t1), 1u) << x << "," << y;
            EXPECT_EQ(drawn.count(t2), 1u) << x << "," << y;
            meeting += 2;
        }
    // ... and, being pieces of a Z-order curve, not much more than them (the whole feature is 20,000).
    EXPECT_LE(drawn.size(), 4 * kPieceTriangles);
    EXPECT_GE(drawn.size(), meeting);
    // Without pieces the whole feature would be drawn.
    EXPECT_EQ(triangles_of(m, visible_ranges(m.ranges, corner, RangePart::kFill)).size(), 20000u);
}

// A feature's rings follow one another in its outline: an island group's pieces keep to one island at a time, so
// a view of one island does not draw the far ones (outlines over kPiecePoints points are cut where a piece's box
// would outgrow an eighth of the feature's), and still every segment is drawn exactly once.
TEST(MeshPiecesTest, AnOutlinePieceDoesNotJumpBetweenFarRings) {
    ProjectedMesh m;
    ProjectedRange islands;
    // Ten square rings of 40 points (400 in all, over kPiecePoints), 100 units apart along x.
    for (int k = 0; k < 10; ++k)
        for (int i = 0; i < 40; ++i) {
            const float t = static_cast<float>(i) / 39.0f;  // around a unit square, closed at i = 39
            const float x = 100.0f * k + (t < 0.5f ? 2 * t : 1.0f), y = t < 0.5f ? 0.0f : 2 * (t - 0.5f);
            m.outline.insert(m.outline.end(), {x, y, i + 1 < 40 ? 1.0f : 0.0f});
        }
    islands.outline_count = 400;
    islands.bbox = BBox::of(0, 0, 901, 1);
    m.ranges.push_back(islands);
    const auto all = segments_of(m, visible_ranges(m.ranges, kEverything, RangePart::kOutline));
    cut_into_pieces(m);
    for (const ProjectedPiece& p : m.outline_pieces) EXPECT_LE(p.bbox.width(), 901.0 / 8 + 1e-6);
    EXPECT_EQ(segments_of(m, visible_ranges(m, kEverything, RangePart::kOutline)), all);
    // The fifth island alone: its 39 segments and at most a piece's worth of others.
    const auto fifth = segments_of(m, visible_ranges(m, BBox::of(399.5, -0.5, 401.5, 1.5), RangePart::kOutline));
    EXPECT_GE(fifth.size(), 39u);
    EXPECT_LE(fifth.size(), 3 * 39u);
}

TEST(MeshPiecesTest, AMaskChoosesFeaturesByTheirPieces) {
    ProjectedMesh m = grid_mesh(100, 10);
    cut_into_pieces(m);
    const std::vector<bool> only_small{false, true};
    const auto runs = visible_ranges(m, kEverything, RangePart::kFill, &only_small);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].first, m.ranges[1].first_index);
    EXPECT_EQ(runs[0].count, 3u);
}

TEST(MeshPiecesTest, EvenOddFansStayOnePiecePerFeature) {
    ProjectedMesh m = grid_mesh(100, 10);
    m.fill_even_odd = true;
    const std::vector<std::uint32_t> order = m.fill_indices;
    cut_into_pieces(m);
    EXPECT_EQ(m.fill_pieces.size(), 2u);
    EXPECT_EQ(m.fill_indices, order);  // fans keep their order
}

}  // namespace
}  // namespace em
