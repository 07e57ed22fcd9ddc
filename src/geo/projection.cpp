#include "geo/projection.hpp"

#include <cmath>
#include <numbers>

namespace em {

namespace {
constexpr double kDeg = std::numbers::pi / 180.0;
// Points more than this far (degrees of arc) from the azimuthal centre are not drawn: near the antipode
// the projection smears a point round the whole rim.
constexpr double kAzimuthalLimitDeg = 160.0;
}  // namespace

Projection::Projection(ProjectionKind kind, GeoPoint centre)
    : kind_(kind), centre_(centre), sin_lat0_(std::sin(centre.lat * kDeg)), cos_lat0_(std::cos(centre.lat * kDeg)) {}

std::optional<Projection> Projection::from_name(std::string_view name) {
    if (name == "equirect" || name == "equirectangular" || name == "plate-carree")
        return Projection(ProjectionKind::kEquirectangular);
    if (name == "mercator" || name == "webmercator" || name == "web-mercator")
        return Projection(ProjectionKind::kWebMercator);
    if (name == "laea" || name == "equal-area") return Projection(ProjectionKind::kLambertAzimuthal);
    return std::nullopt;
}

std::vector<std::string> Projection::names() { return {"equirect", "mercator", "laea"}; }

std::string Projection::name() const {
    switch (kind_) {
        case ProjectionKind::kEquirectangular: return "equirect";
        case ProjectionKind::kWebMercator: return "mercator";
        case ProjectionKind::kLambertAzimuthal: return "laea";
    }
    return "equirect";
}

std::string Projection::label() const {
    switch (kind_) {
        case ProjectionKind::kEquirectangular: return "Equirectangular (plate carree)";
        case ProjectionKind::kWebMercator: return "Web Mercator";
        case ProjectionKind::kLambertAzimuthal: return "Lambert azimuthal equal-area";
    }
    return "";
}

std::string Projection::proj_string() const {
    char buf[256];
    switch (kind_) {
        case ProjectionKind::kEquirectangular:
            std::snprintf(buf, sizeof buf, "+proj=eqc +lat_ts=0 +lon_0=0 +R=%.1f +units=m +no_defs", kEarthRadius);
            break;
        case ProjectionKind::kWebMercator:
            std::snprintf(buf, sizeof buf,
                          "+proj=merc +a=%.1f +b=%.1f +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null "
                          "+no_defs",
                          kMercatorRadius, kMercatorRadius);
            break;
        case ProjectionKind::kLambertAzimuthal:
            std::snprintf(buf, sizeof buf, "+proj=laea +lat_0=%.6f +lon_0=%.6f +R=%.1f +units=m +no_defs", centre_.lat,
                          centre_.lon, kEarthRadius);
            break;
    }
    return buf;
}

std::optional<XY> Projection::forward(GeoPoint p) const {
    switch (kind_) {
        case ProjectionKind::kEquirectangular:
            return XY{kEarthRadius * p.lon * kDeg, kEarthRadius * p.lat * kDeg};
        case ProjectionKind::kWebMercator: {
            const double lat = std::clamp(p.lat, -kMercatorMaxLat, kMercatorMaxLat) * kDeg;
            return XY{kMercatorRadius * p.lon * kDeg,
                      kMercatorRadius * std::log(std::tan(std::numbers::pi / 4 + lat / 2))};
        }
        case ProjectionKind::kLambertAzimuthal: {
            const double lam = (p.lon - centre_.lon) * kDeg, phi = p.lat * kDeg;
            const double sin_phi = std::sin(phi), cos_phi = std::cos(phi), cos_lam = std::cos(lam);
            const double cos_c = sin_lat0_ * sin_phi + cos_lat0_ * cos_phi * cos_lam;
            if (cos_c < std::cos(kAzimuthalLimitDeg * kDeg)) return std::nullopt;
            const double k = std::sqrt(2.0 / (1.0 + cos_c));
            return XY{kEarthRadius * k * cos_phi * std::sin(lam),
                      kEarthRadius * k * (cos_lat0_ * sin_phi - sin_lat0_ * cos_phi * cos_lam)};
        }
    }
    return std::nullopt;
}

std::optional<GeoPoint> Projection::inverse(XY p) const {
    switch (kind_) {
        case ProjectionKind::kEquirectangular: {
            GeoPoint g{p.x / kEarthRadius / kDeg, p.y / kEarthRadius / kDeg};
            if (std::abs(g.lat) > 90.0 || std::abs(g.lon) > 180.0) return std::nullopt;
            return g;
        }
        case ProjectionKind::kWebMercator: {
            GeoPoint g{p.x / kMercatorRadius / kDeg,
                       (2 * std::atan(std::exp(p.y / kMercatorRadius)) - std::numbers::pi / 2) / kDeg};
            if (std::abs(g.lon) > 180.0) return std::nullopt;
            return g;
        }
        case ProjectionKind::kLambertAzimuthal: {
            const double rho = std::hypot(p.x, p.y);
            if (rho > 2 * kEarthRadius) return std::nullopt;
            if (rho < 1e-9) return centre_;
            const double c = 2 * std::asin(rho / (2 * kEarthRadius));
            const double sin_c = std::sin(c), cos_c = std::cos(c);
            const double phi = std::asin(cos_c * sin_lat0_ + p.y * sin_c * cos_lat0_ / rho);
            const double lam = std::atan2(p.x * sin_c, rho * cos_lat0_ * cos_c - p.y * sin_lat0_ * sin_c);
            double lon = centre_.lon + lam / kDeg;
            while (lon > 180.0) lon -= 360.0;
            while (lon < -180.0) lon += 360.0;
            return GeoPoint{lon, phi / kDeg};
        }
    }
    return std::nullopt;
}

BBox Projection::project_box(const BBox& b) const {
    BBox out;
    constexpr int kSteps = 32;
    for (int i = 0; i <= kSteps; ++i) {
        for (int j = 0; j <= kSteps; ++j) {
            const GeoPoint g{b.min_x + (b.max_x - b.min_x) * i / kSteps, b.min_y + (b.max_y - b.min_y) * j / kSteps};
            if (auto xy = forward(g)) out.add(xy->x, xy->y);
        }
    }
    return out;
}

double Projection::scale_factor_x(GeoPoint p) const {
    // Numerical: ground length of a small east-west step over its projected length.
    const double d = 0.01;
    auto a = forward({p.lon - d / 2, p.lat});
    auto b = forward({p.lon + d / 2, p.lat});
    if (!a || !b) return 1.0;
    const double ground = kEarthRadius * std::cos(p.lat * kDeg) * d * kDeg;
    const double projected = std::hypot(b->x - a->x, b->y - a->y);
    return projected > 0 ? ground / projected : 1.0;
}

}  // namespace em
