#include "events/hex_bins.hpp"

#include <cmath>
#include <numbers>
#include <unordered_map>

namespace em {

namespace {
constexpr double kSqrt3 = std::numbers::sqrt3;

// The hexagon holding (x, y): fractional axial coordinates rounded in cube coordinates (the rounding that keeps
// q + r + s = 0, so every point goes to the hexagon whose centre is nearest).
std::pair<int, int> axial_of(double x, double y, double radius) {
    const double fq = (kSqrt3 / 3.0 * x - y / 3.0) / radius;
    const double fr = (2.0 / 3.0 * y) / radius;
    const double fs = -fq - fr;
    double q = std::round(fq), r = std::round(fr), s = std::round(fs);
    const double dq = std::abs(q - fq), dr = std::abs(r - fr), ds = std::abs(s - fs);
    if (dq > dr && dq > ds) q = -r - s;
    else if (dr > ds) r = -q - s;
    return {static_cast<int>(q), static_cast<int>(r)};
}
}  // namespace

std::vector<HexBin> hex_bins(const std::vector<XY>& points, double radius) {
    std::vector<HexBin> bins;
    if (!(radius > 0)) return bins;
    std::unordered_map<std::uint64_t, std::uint32_t> bin_of;
    for (std::uint32_t i = 0; i < points.size(); ++i) {
        const auto [q, r] = axial_of(points[i].x, points[i].y, radius);
        const std::uint64_t key = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(q)) << 32) |
                                  static_cast<std::uint32_t>(r);
        auto [it, fresh] = bin_of.emplace(key, static_cast<std::uint32_t>(bins.size()));
        if (fresh) {
            HexBin b;
            b.q = q, b.r = r;
            b.centre = hex_centre(q, r, radius);
            bins.push_back(std::move(b));
        }
        bins[it->second].members.push_back(i);
    }
    return bins;
}

std::pair<int, int> hex_cell(XY point, double radius) { return axial_of(point.x, point.y, radius); }

XY hex_centre(int q, int r, double radius) { return {radius * kSqrt3 * (q + r / 2.0), radius * 1.5 * r}; }

std::array<XY, 6> hex_corners(XY centre, double radius) {
    std::array<XY, 6> out;
    for (int k = 0; k < 6; ++k) {
        const double a = std::numbers::pi / 180.0 * (60.0 * k + 30.0);
        out[k] = {centre.x + radius * std::cos(a), centre.y + radius * std::sin(a)};
    }
    return out;
}

}  // namespace em
