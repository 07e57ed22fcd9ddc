#include "geo/mesh_pieces.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace em {

namespace {

// Interleaves the bits of two 16-bit numbers (x in the even bits): the Z-order (Morton) code.
std::uint32_t morton(std::uint32_t x, std::uint32_t y) {
    auto spread = [](std::uint32_t v) {
        v &= 0xFFFF;
        v = (v | (v << 8)) & 0x00FF00FF;
        v = (v | (v << 4)) & 0x0F0F0F0F;
        v = (v | (v << 2)) & 0x33333333;
        v = (v | (v << 1)) & 0x55555555;
        return v;
    };
    return spread(x) | (spread(y) << 1);
}

// Cuts the feature's fill (its triangles already in their final order) into pieces of kPieceTriangles; corner(i) is
// the projected vertex (x, y) at index position i of the mesh's fill.
template <typename Corner>
void add_fill_pieces(ProjectedMesh& mesh, std::uint32_t feature, Corner corner) {
    const ProjectedRange& r = mesh.ranges[feature];
    const std::uint32_t triangles = r.index_count / 3;
    const std::uint32_t per_piece = mesh.fill_even_odd ? triangles : kPieceTriangles;
    for (std::uint32_t t = 0; t < triangles; t += per_piece) {
        ProjectedPiece piece;
        piece.feature = feature;
        piece.first = r.first_index + 3 * t;
        piece.count = 3 * std::min(per_piece, triangles - t);
        for (std::uint32_t i = piece.first; i < piece.first + piece.count; ++i) {
            const float* v = corner(i);
            piece.bbox.add(v[0], v[1]);
        }
        mesh.fill_pieces.push_back(piece);
    }
}

void cut_fill(ProjectedMesh& mesh, std::uint32_t feature, std::vector<std::uint32_t>* triangle_numbers) {
    const ProjectedRange& r = mesh.ranges[feature];
    const std::uint32_t triangles = r.index_count / 3;
    if (triangles == 0) return;
    if (triangles > kPieceTriangles && !mesh.fill_even_odd) {
        // Sort the triangles by the Z-order of their centres within the feature's box.
        const double sx = r.bbox.width() > 0 ? 65535.0 / r.bbox.width() : 0.0;
        const double sy = r.bbox.height() > 0 ? 65535.0 / r.bbox.height() : 0.0;
        // The fourth number: the triangle's number in the source, carried along when asked for.
        std::vector<std::pair<std::uint32_t, std::array<std::uint32_t, 4>>> keyed(triangles);
        for (std::uint32_t t = 0; t < triangles; ++t) {
            const std::uint32_t* idx = &mesh.fill_indices[r.first_index + 3 * t];
            double cx = 0, cy = 0;
            for (int k = 0; k < 3; ++k) cx += mesh.fill_xy[idx[k] * 2], cy += mesh.fill_xy[idx[k] * 2 + 1];
            const auto qx = static_cast<std::uint32_t>(std::clamp((cx / 3 - r.bbox.min_x) * sx, 0.0, 65535.0));
            const auto qy = static_cast<std::uint32_t>(std::clamp((cy / 3 - r.bbox.min_y) * sy, 0.0, 65535.0));
            const std::uint32_t number = triangle_numbers ? (*triangle_numbers)[r.first_index / 3 + t] : 0;
            keyed[t] = {morton(qx, qy), {idx[0], idx[1], idx[2], number}};
        }
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::uint32_t t = 0; t < triangles; ++t) {
            std::copy(keyed[t].second.begin(), keyed[t].second.begin() + 3, &mesh.fill_indices[r.first_index + 3 * t]);
            if (triangle_numbers) (*triangle_numbers)[r.first_index / 3 + t] = keyed[t].second[3];
        }
    }
    add_fill_pieces(mesh, feature, [&mesh](std::uint32_t i) { return &mesh.fill_xy[mesh.fill_indices[i] * 2]; });
}

// The outline pieces of one feature whose projected points (x, y, join each) point i of the mesh is at
// points + 3 * (i - origin).
void cut_outline_points(const ProjectedRange& r, std::uint32_t feature, const float* points, std::uint32_t origin,
                        std::vector<ProjectedPiece>& pieces) {
    if (r.outline_count == 0) return;
    // A piece also ends before its box outgrows an eighth of the feature's: a feature's outline holds all its rings
    // one after another (Greece's hundreds of islands), and a run of consecutive points jumping between far rings
    // would meet every tile between them. Outlines of one piece anyway are left whole.
    const double reach = r.outline_count > kPiecePoints ? std::max(r.bbox.width(), r.bbox.height()) / 8.0 : 0.0;
    const std::uint32_t end = r.first_outline + r.outline_count;
    auto point = [points, origin](std::uint32_t i) { return points + 3 * static_cast<std::size_t>(i - origin); };
    // Only points of a drawn segment count: an unshown point is a harmless (0, 0) that must not widen the box.
    auto drawn = [&](std::uint32_t i, std::uint32_t first) {
        return point(i)[2] != 0.0f || (i > first && point(i - 1)[2] != 0.0f);
    };
    for (std::uint32_t first = r.first_outline;;) {
        // Points [first, last]: the next piece starts at `last`, so the segment from it is drawn there.
        ProjectedPiece piece;
        piece.feature = feature;
        piece.first = first;
        std::uint32_t last = first;
        if (drawn(first, first)) piece.bbox.add(point(first)[0], point(first)[1]);
        for (std::uint32_t i = first + 1; i < end && i - first < kPiecePoints; ++i) {
            if (drawn(i, first)) {
                BBox grown = piece.bbox;
                grown.add(point(i)[0], point(i)[1]);
                if (reach > 0 && i - first >= 2 && std::max(grown.width(), grown.height()) > reach) break;
                piece.bbox = grown;
            }
            last = i;
        }
        piece.count = last - first + 1;
        if (!piece.bbox.empty()) pieces.push_back(piece);
        if (last + 1 >= end) break;
        first = last;
    }
}

void cut_outline(ProjectedMesh& mesh, std::uint32_t feature) {
    cut_outline_points(mesh.ranges[feature], feature, mesh.outline.data(), 0, mesh.outline_pieces);
}

}  // namespace

void cut_parked_feature(ProjectedMesh& mesh, std::uint32_t feature, const LayerMesh& lon_lat,
                        const std::vector<float>& fill_xy, const float* outline) {
    const ProjectedRange& r = mesh.ranges[feature];
    // The fill, as cut_fill with the triangles named by their numbers (each starts there in lon_lat.fill.indices).
    const std::uint32_t triangles = r.index_count / 3;
    std::uint32_t* numbers = mesh.source_triangles.data() + r.first_index / 3;
    const auto vertex = [&](std::uint32_t number, int k) { return &fill_xy[lon_lat.fill.indices[number + k] * 2]; };
    if (triangles > kPieceTriangles && !mesh.fill_even_odd) {
        const double sx = r.bbox.width() > 0 ? 65535.0 / r.bbox.width() : 0.0;
        const double sy = r.bbox.height() > 0 ? 65535.0 / r.bbox.height() : 0.0;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed(triangles);
        for (std::uint32_t t = 0; t < triangles; ++t) {
            double cx = 0, cy = 0;
            for (int k = 0; k < 3; ++k) cx += vertex(numbers[t], k)[0], cy += vertex(numbers[t], k)[1];
            const auto qx = static_cast<std::uint32_t>(std::clamp((cx / 3 - r.bbox.min_x) * sx, 0.0, 65535.0));
            const auto qy = static_cast<std::uint32_t>(std::clamp((cy / 3 - r.bbox.min_y) * sy, 0.0, 65535.0));
            keyed[t] = {morton(qx, qy), numbers[t]};
        }
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::uint32_t t = 0; t < triangles; ++t) numbers[t] = keyed[t].second;
    }
    const std::uint32_t first = r.first_index;
    add_fill_pieces(mesh, feature, [&](std::uint32_t i) {
        return vertex(numbers[(i - first) / 3], static_cast<int>((i - first) % 3));
    });
    cut_outline_points(r, feature, outline, r.first_outline, mesh.outline_pieces);
}

void cut_into_pieces(ProjectedMesh& mesh, std::vector<std::uint32_t>* triangle_numbers) {
    mesh.fill_pieces.clear();
    mesh.outline_pieces.clear();
    for (std::uint32_t f = 0; f < mesh.ranges.size(); ++f) {
        cut_fill(mesh, f, triangle_numbers);
        cut_outline(mesh, f);
    }
}

}  // namespace em
