#include "geo/projection.hpp"

#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <memory>
#include <numbers>

namespace em {

// Names parameterised tests by projection in gtest and ctest output.
void PrintTo(ProjectionKind kind, std::ostream* os) { *os << Projection(kind).name(); }

namespace {

constexpr GeoPoint kMoscow{37.6173, 55.7558};
constexpr GeoPoint kBamako{-8.0029, 12.6392};

struct CtDeleter {
    void operator()(OGRCoordinateTransformation* ct) const { OGRCoordinateTransformation::DestroyCT(ct); }
};

// PROJ's answer for the projection's own PROJ string, from lon/lat on the projection's own sphere.
XY proj_forward(const Projection& projection, GeoPoint p) {
    OGRSpatialReference target;
    EXPECT_EQ(target.importFromProj4(projection.proj_string().c_str()), OGRERR_NONE) << projection.proj_string();
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRSpatialReference> source(target.CloneGeogCS());
    source->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation, CtDeleter> ct(OGRCreateCoordinateTransformation(source.get(), &target));
    EXPECT_NE(ct, nullptr);
    double x = p.lon, y = p.lat;
    EXPECT_TRUE(ct && ct->Transform(1, &x, &y));
    return {x, y};
}

// PROJ's answer for an EPSG code, from WGS84 lon/lat.
XY epsg_forward(int epsg, GeoPoint p) {
    OGRSpatialReference wgs84, target;
    wgs84.importFromEPSG(4326);
    target.importFromEPSG(epsg);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation, CtDeleter> ct(OGRCreateCoordinateTransformation(&wgs84, &target));
    EXPECT_NE(ct, nullptr);
    double x = p.lon, y = p.lat;
    EXPECT_TRUE(ct && ct->Transform(1, &x, &y));
    return {x, y};
}

class ProjectionAgainstProjTest : public ::testing::TestWithParam<ProjectionKind> {};

TEST_P(ProjectionAgainstProjTest, ForwardMatchesProjToAMillimetre) {
    const Projection projection(GetParam());
    for (const GeoPoint p : {kMoscow, kBamako, GeoPoint{0, 0}, GeoPoint{-60, -35}, GeoPoint{120, 40}}) {
        SCOPED_TRACE(projection.name() + " at " + std::to_string(p.lon) + "," + std::to_string(p.lat));
        auto ours = projection.forward(p);
        ASSERT_TRUE(ours);
        const XY theirs = proj_forward(projection, p);
        EXPECT_NEAR(ours->x, theirs.x, 1e-3);
        EXPECT_NEAR(ours->y, theirs.y, 1e-3);
    }
}

TEST_P(ProjectionAgainstProjTest, ForwardThenInverseReturnsTheSamePoint) {
    const Projection projection(GetParam());
    for (const GeoPoint p : {kMoscow, kBamako, GeoPoint{20, 25}, GeoPoint{-17.5, 2}, GeoPoint{58, 60}}) {
        SCOPED_TRACE(projection.name() + " at " + std::to_string(p.lon) + "," + std::to_string(p.lat));
        auto xy = projection.forward(p);
        ASSERT_TRUE(xy);
        auto back = projection.inverse(*xy);
        ASSERT_TRUE(back);
        EXPECT_NEAR(back->lon, p.lon, 1e-9);
        EXPECT_NEAR(back->lat, p.lat, 1e-9);
    }
}

INSTANTIATE_TEST_SUITE_P(AllProjections, ProjectionAgainstProjTest,
                         ::testing::Values(ProjectionKind::kEquirectangular, ProjectionKind::kWebMercator,
                                           ProjectionKind::kLambertAzimuthal),
                         [](const auto& info) { return Projection(info.param).name(); });

TEST(ProjectionTest, WebMercatorMatchesEpsg3857AndItsClosedForm) {
    const Projection merc(ProjectionKind::kWebMercator);
    for (const GeoPoint p : {kMoscow, kBamako}) {
        auto ours = merc.forward(p);
        ASSERT_TRUE(ours);
        const XY epsg = epsg_forward(3857, p);
        EXPECT_NEAR(ours->x, epsg.x, 1e-3);
        EXPECT_NEAR(ours->y, epsg.y, 1e-3);
        // EPSG:3857 closed form on the sphere of radius a = 6378137 m.
        constexpr double a = 6378137.0, deg = std::numbers::pi / 180.0;
        EXPECT_NEAR(ours->x, a * p.lon * deg, 1e-6);
        EXPECT_NEAR(ours->y, a * std::log(std::tan(std::numbers::pi / 4 + p.lat * deg / 2)), 1e-6);
    }
    // Known value, computed independently (Python math module) from the closed form.
    auto moscow = merc.forward(kMoscow);
    EXPECT_NEAR(moscow->x, 4187538.681, 0.001);
    EXPECT_NEAR(moscow->y, 7509955.142, 0.001);
}

TEST(ProjectionTest, WebMercatorClampsLatitudeToASquareWorld) {
    const Projection merc(ProjectionKind::kWebMercator);
    auto top = merc.forward({180, 89.9});
    ASSERT_TRUE(top);
    EXPECT_NEAR(top->x, 20037508.342789244, 1e-6);
    EXPECT_NEAR(top->y, 20037508.342789244, 1e-6);
    EXPECT_EQ(*merc.forward({10, 90}), *merc.forward({10, kMercatorMaxLat}));
}

TEST(ProjectionTest, LambertAzimuthalCentreIsTheOriginAndFarSideIsHidden) {
    const Projection laea(ProjectionKind::kLambertAzimuthal);
    EXPECT_EQ(laea.centre(), (GeoPoint{20, 25}));
    auto origin = laea.forward({20, 25});
    ASSERT_TRUE(origin);
    EXPECT_NEAR(origin->x, 0, 1e-9);
    EXPECT_NEAR(origin->y, 0, 1e-9);
    EXPECT_FALSE(laea.forward({-160, -25}));  // antipode
    EXPECT_FALSE(laea.forward({-150, -20}));  // within 20 degrees of the antipode
    EXPECT_TRUE(laea.forward({-100, 0}));
    EXPECT_FALSE(laea.inverse({3 * kEarthRadius, 0}));
    auto centre = laea.inverse({0, 0});
    ASSERT_TRUE(centre);
    EXPECT_EQ(*centre, (GeoPoint{20, 25}));
}

TEST(ProjectionTest, LambertAzimuthalWithAnotherCentreMatchesProj) {
    const Projection laea(ProjectionKind::kLambertAzimuthal, {-8.0, 12.5});
    EXPECT_NE(laea.proj_string().find("+lat_0=12.500000 +lon_0=-8.000000"), std::string::npos) << laea.proj_string();
    auto ours = laea.forward(kMoscow);
    ASSERT_TRUE(ours);
    const XY theirs = proj_forward(laea, kMoscow);
    EXPECT_NEAR(ours->x, theirs.x, 1e-3);
    EXPECT_NEAR(ours->y, theirs.y, 1e-3);
}

TEST(ProjectionTest, EquirectangularIsLinearInDegrees) {
    const Projection eq(ProjectionKind::kEquirectangular);
    auto one = eq.forward({1, 1});
    ASSERT_TRUE(one);
    const double metres_per_degree = kEarthRadius * std::numbers::pi / 180.0;
    EXPECT_NEAR(one->x, metres_per_degree, 1e-6);
    EXPECT_NEAR(one->y, metres_per_degree, 1e-6);
    EXPECT_FALSE(eq.inverse({200 * metres_per_degree, 0}));
    EXPECT_FALSE(eq.inverse({0, 91 * metres_per_degree}));
}

TEST(ProjectionTest, NamesParseAndRoundTrip) {
    for (const auto& name : Projection::names()) {
        auto p = Projection::from_name(name);
        ASSERT_TRUE(p) << name;
        EXPECT_EQ(p->name(), name);
        EXPECT_FALSE(p->label().empty());
    }
    EXPECT_EQ(Projection::names(), (std::vector<std::string>{"equirect", "mercator", "laea"}));
    EXPECT_EQ(Projection::from_name("web-mercator")->kind(), ProjectionKind::kWebMercator);
    EXPECT_EQ(Projection::from_name("equal-area")->kind(), ProjectionKind::kLambertAzimuthal);
    EXPECT_FALSE(Projection::from_name("Mercator"));
    EXPECT_FALSE(Projection::from_name(""));
    EXPECT_FALSE(Projection::from_name("robinson"));
}

TEST(ProjectionTest, ScaleFactorFollowsLatitude) {
    const Projection eq(ProjectionKind::kEquirectangular);
    EXPECT_NEAR(eq.scale_factor_x({0, 60}), 0.5, 1e-6);
    EXPECT_NEAR(eq.scale_factor_x({0, 0}), 1.0, 1e-6);
    const Projection merc(ProjectionKind::kWebMercator);
    EXPECT_NEAR(merc.scale_factor_x({0, 60}), 0.5 * kEarthRadius / kMercatorRadius, 1e-6);
    const Projection laea(ProjectionKind::kLambertAzimuthal);
    EXPECT_NEAR(laea.scale_factor_x({20, 25}), 1.0, 1e-6);
}

TEST(ProjectionTest, ProjectBoxCoversTheProjectedCorners) {
    const Projection laea(ProjectionKind::kLambertAzimuthal);
    const BBox lon_lat = BBox::of(-20, 2, 58, 60);
    const BBox box = laea.project_box(lon_lat);
    ASSERT_FALSE(box.empty());
    for (const GeoPoint corner : {GeoPoint{-20, 2}, GeoPoint{58, 2}, GeoPoint{-20, 60}, GeoPoint{58, 60}, kMoscow}) {
        auto xy = laea.forward(corner);
        ASSERT_TRUE(xy);
        EXPECT_TRUE(box.contains(xy->x, xy->y)) << corner.lon << "," << corner.lat;
    }
    const Projection eq(ProjectionKind::kEquirectangular);
    const BBox flat = eq.project_box(lon_lat);
    EXPECT_NEAR(flat.min_x, eq.forward({-20, 2})->x, 1e-6);
    EXPECT_NEAR(flat.max_y, eq.forward({58, 60})->y, 1e-6);
}

}  // namespace
}  // namespace em
