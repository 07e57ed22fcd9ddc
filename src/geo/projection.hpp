#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bbox.hpp"
#include "core/geo_point.hpp"

namespace em {

// The map projections eventmap offers. All are spherical and give metres.
enum class ProjectionKind {
    kEquirectangular,  // plate carree: x = R*lon, y = R*lat (EPSG:4087-like, linear in lon/lat)
    kWebMercator,      // EPSG:3857 (sphere of radius 6378137)
    kLambertAzimuthal  // Lambert azimuthal equal-area, centred by default on 20E 25N (Sahel and Moscow)
};

// A projection with its parameters; cheap to copy.
class Projection {
public:
    // The named projection; centre used only by the azimuthal projection.
    explicit Projection(ProjectionKind kind = ProjectionKind::kEquirectangular, GeoPoint centre = {20.0, 25.0});

    // Parses "equirect", "mercator" or "laea"; nullopt for anything else.
    static std::optional<Projection> from_name(std::string_view name);
    // The names from_name accepts, for help texts.
    static std::vector<std::string> names();

    ProjectionKind kind() const { return kind_; }
    GeoPoint centre() const { return centre_; }
    // Short name (as accepted by from_name).
    std::string name() const;
    // Human-readable name for the UI.
    std::string label() const;
    // PROJ string of the same projection, for .prj files and cross-checks.
    std::string proj_string() const;

    // Projects lon/lat to metres; nullopt where the projection cannot show the point (far side of an
    // azimuthal projection, beyond Mercator's latitude limit it is clamped instead).
    std::optional<XY> forward(GeoPoint p) const;
    // The inverse; nullopt outside the projection's domain.
    std::optional<GeoPoint> inverse(XY p) const;
    // Projected extent of a lon/lat box, sampled along its edges and inside.
    BBox project_box(const BBox& lon_lat) const;
    // Ratio of true ground distance to projected distance along x at a point (for scale bars).
    double scale_factor_x(GeoPoint p) const;

private:
    ProjectionKind kind_;
    GeoPoint centre_;
    double sin_lat0_, cos_lat0_;
};

// Sphere radius used for equirectangular and azimuthal projections (mean Earth radius, metres).
inline constexpr double kEarthRadius = 6371008.8;
// Sphere radius of Web Mercator (WGS84 semi-major axis).
inline constexpr double kMercatorRadius = 6378137.0;
// Latitude limit of Web Mercator.
inline constexpr double kMercatorMaxLat = 85.05112877980659;

}  // namespace em
