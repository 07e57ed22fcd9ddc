#include "support/map_pixels.hpp"

#include <algorithm>
#include <cstdlib>

#include "geo/projection.hpp"
#include "scene/style.hpp"

namespace em::test {

namespace {

bool near_colour(const std::uint8_t* p, const Color& c, int tolerance) {
    return std::abs(p[0] - int(c.r * 255 + 0.5f)) <= tolerance && std::abs(p[1] - int(c.g * 255 + 0.5f)) <= tolerance &&
           std::abs(p[2] - int(c.b * 255 + 0.5f)) <= tolerance;
}

// Share of the pixels within r of (x, y) (a square) within tolerance of any of the colours.
double share_near(const Image& img, int x, int y, int r, const std::vector<Color>& colours) {
    int hits = 0, all = 0;
    for (int yy = y - r; yy <= y + r; ++yy)
        for (int xx = x - r; xx <= x + r; ++xx) {
            if (xx < 0 || yy < 0 || xx >= img.width || yy >= img.height) continue;
            ++all;
            const std::uint8_t* p = img.row(yy) + static_cast<size_t>(xx) * 4;
            hits += std::any_of(colours.begin(), colours.end(), [&](const Color& c) { return near_colour(p, c, 10); });
        }
    return all ? double(hits) / all : 0;
}

}  // namespace

const std::vector<GeoPoint>& known_land() {
    // Algeria's south and east, Niger, Morocco: away from borders, labels and capitals at 640 px and up.
    static const std::vector<GeoPoint> points{{5.0, 24.0}, {10.0, 28.5}, {12.0, 18.0}, {-5.5, 32.0}};
    return points;
}

const std::vector<GeoPoint>& known_sea() {
    // The Atlantic west of Morocco and off Mauritania, the western Mediterranean, the Black Sea.
    static const std::vector<GeoPoint> points{{-25.0, 35.0}, {-20.0, 20.0}, {5.0, 38.0}, {34.0, 43.0}};
    return points;
}

::testing::AssertionResult land_and_ocean_where_expected(const Image& image, const RenderOptions& options) {
    auto camera = HeadlessMap::camera_for(options);
    if (!camera) return ::testing::AssertionFailure() << camera.error().message;
    const auto projection = Projection::from_name(options.projection);
    if (!projection) return ::testing::AssertionFailure() << "projection " << options.projection;
    if (image.width != camera->width() || image.height != camera->height())
        return ::testing::AssertionFailure() << "image " << image.width << "x" << image.height << ", camera "
                                             << camera->width() << "x" << camera->height();
    const MapStyle style;
    // 9x9 pixels on big pictures, fewer on small ones where a country is only a few pixels wide.
    const int radius = std::clamp(std::min(image.width, image.height) / 90, 1, 4);
    const std::vector<Color> land{style.base.fill, style.focus_fill}, sea{style.ocean};
    auto failure = ::testing::AssertionFailure();
    bool ok = true;
    auto check = [&](const std::vector<GeoPoint>& points, const std::vector<Color>& colours, const char* what) {
        for (const GeoPoint& g : points) {
            const auto world = projection->forward(g);
            if (!world) {
                ok = false;
                failure << what << " at " << g.lon << "," << g.lat << " cannot be projected; ";
                continue;
            }
            const XY s = camera->to_screen(*world);
            const double share = share_near(image, int(s.x), int(s.y), radius, colours);
            if (share < 0.6) {
                ok = false;
                failure << what << " at " << g.lon << "," << g.lat << " (pixel " << int(s.x) << "," << int(s.y)
                        << "): only " << share * 100 << " % of the pixels around it have that colour; ";
            }
        }
    };
    check(known_land(), land, "land");
    check(known_sea(), sea, "sea");
    return ok ? ::testing::AssertionSuccess() : failure;
}

}  // namespace em::test
