// Hexagon bins for dense point events: every point in exactly one bin, the bin whose centre is nearest, and a grid
// anchored at the origin so pans keep the bins.

#include "events/hex_bins.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

namespace em {
namespace {

TEST(HexBins, BinsSumToThePointsAndEachPointIsInItsNearestHexagon) {
    std::mt19937 rng(17);
    std::uniform_real_distribution<double> u(-5e5, 5e5);
    std::vector<XY> points(20000);
    for (XY& p : points) p = {u(rng), u(rng)};
    const double radius = 12000;
    const auto bins = hex_bins(points, radius);
    std::vector<int> seen(points.size(), 0);
    std::size_t total = 0;
    for (const HexBin& b : bins) {
        total += b.members.size();
        for (std::uint32_t m : b.members) {
            ++seen[m];
            // Inside a pointy-top hexagon of circumradius r the distance to the centre is at most r, and no other
            // centre (neighbours are sqrt(3) r away) is nearer: check against the six neighbours.
            const XY p = points[m];
            const double d = std::hypot(p.x - b.centre.x, p.y - b.centre.y);
            EXPECT_LE(d, radius * (1 + 1e-9));
            for (int k = 0; k < 6; ++k) {
                const double a = std::numbers::pi / 3 * k;
                const XY n{b.centre.x + std::sqrt(3.0) * radius * std::cos(a),
                           b.centre.y + std::sqrt(3.0) * radius * std::sin(a)};
                EXPECT_LE(d, std::hypot(p.x - n.x, p.y - n.y) + 1e-6);
            }
        }
    }
    EXPECT_EQ(total, points.size());
    EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
    EXPECT_GT(bins.size(), 100u);
}

TEST(HexBins, PointsNearTogetherShareABinAndTheGridIsAnchoredAtTheOrigin) {
    const auto bins = hex_bins({{0, 0}, {10, 10}, {-10, 5}, {1000, 0}}, 100);
    ASSERT_EQ(bins.size(), 2u);
    EXPECT_EQ(bins[0].members, (std::vector<std::uint32_t>{0, 1, 2}));
    EXPECT_EQ(bins[0].centre, (XY{0, 0}));
    // Shifting the points by a whole cell shifts the bins by that cell, nothing else.
    const double dx = std::sqrt(3.0) * 100 * 3;
    const auto moved = hex_bins({{dx, 0}, {dx + 10, 10}, {dx - 10, 5}, {dx + 1000, 0}}, 100);
    ASSERT_EQ(moved.size(), 2u);
    EXPECT_EQ(moved[0].members, bins[0].members);
    EXPECT_NEAR(moved[0].centre.x, dx, 1e-9);
}

// hex_cell (what picking a bin under the pointer uses) names the bin hex_bins put each point in.
TEST(HexBins, HexCellIsTheBinOfThePoint) {
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> u(-3e5, 3e5);
    std::vector<XY> points(5000);
    for (XY& p : points) p = {u(rng), u(rng)};
    const double radius = 9000;
    for (const HexBin& b : hex_bins(points, radius))
        for (std::uint32_t m : b.members) EXPECT_EQ(hex_cell(points[m], radius), std::make_pair(b.q, b.r));
    EXPECT_EQ(hex_cell({0, 0}, radius), std::make_pair(0, 0));
}

TEST(HexBins, NoPointsOrNoSizeGiveNoBins) {
    EXPECT_TRUE(hex_bins({}, 10).empty());
    EXPECT_TRUE(hex_bins({{1, 1}}, 0).empty());
}

}  // namespace
}  // namespace em
