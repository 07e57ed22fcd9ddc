// One-off pictures of heavy layers (app/overlay_layers: picture_view, load_overlay_for_picture): only what the
// picture shows is read, clipped and filled with fans for the stencil; nothing is cached.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/overlay_layers.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

std::string polygons() { return (test::source_dir() / "tests/fixtures/polygons.shp").string(); }

// The view of a picture showing lon -10..5, lat 9..21 in equirect at 10 km a pixel.
PictureView square_view() {
    const Projection p = *Projection::from_name("equirect");
    const BBox frame = p.project_box(BBox::of(-10, 9, 5, 21));
    auto view = picture_view(frame, 10000, p);
    EXPECT_TRUE(view);
    return view.value_or(PictureView{});
}

TEST(PictureViewTest, CoversTheFrameWithAMarginOfEightPixels) {
    const PictureView view = square_view();
    const double metres_per_degree = Projection::from_name("equirect")->forward({1, 0})->x;
    const double margin = 8 * 10000 / metres_per_degree;
    EXPECT_NEAR(view.lon_lat.min_x, -10 - margin, 1e-6);
    EXPECT_NEAR(view.lon_lat.max_x, 5 + margin, 1e-6);
    EXPECT_NEAR(view.lon_lat.min_y, 9 - margin, 1e-6);
    EXPECT_NEAR(view.lon_lat.max_y, 21 + margin, 1e-6);
}

TEST(PictureViewTest, AFrameReachingAPoleIsLeftToTheUsualLoad) {
    const Projection p = *Projection::from_name("equirect");
    EXPECT_FALSE(picture_view(p.project_box(BBox::of(-10, 60, 10, 89)), 10000, p));
}

TEST(PictureLayerTest, SmallFilesAreLoadedTheUsualWay) {
    std::vector<std::string> warnings;
    EXPECT_FALSE(load_overlay_for_picture(polygons(), *Projection::from_name("equirect"), square_view(), nullptr,
                                          &warnings));
}

TEST(PictureLayerTest, AHeavyFileGivesOnlyWhatThePictureShowsAsFans) {
    std::vector<std::string> warnings;
    auto loaded = load_overlay_for_picture(polygons(), *Projection::from_name("equirect"), square_view(), nullptr,
                                           &warnings, /*heavy_from_bytes=*/0);
    ASSERT_TRUE(loaded);
    ASSERT_TRUE(*loaded) << loaded->error().message;
    ASSERT_EQ((*loaded)->size(), 1u);
    const SceneLayer& layer = (*loaded)->front();
    // Of the three features only square_with_hole (lat 10..20) is in the view.
    ASSERT_EQ(layer.data.values.size(), 1u);
    EXPECT_EQ(layer.data.value(0, layer.data.field_index("name")), "square_with_hole");
    EXPECT_TRUE(layer.data.mesh.fill_even_odd);
    EXPECT_TRUE(layer.projected.fill_even_odd);
    EXPECT_TRUE(layer.coarser.empty());
    // Two rings, densified to a point a degree (the 10-degree square: 40 points, the 4-degree hole: 16), each a
    // fan of its points less two triangles: 38 + 14.
    EXPECT_EQ(layer.data.mesh.fill.indices.size(), 3u * (38 + 14));
    EXPECT_FALSE(layer.data.mesh.outline_points.empty());
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("simplified to half a pixel"), std::string::npos) << warnings[0];
}

TEST(PictureLayerTest, AFileTheCacheHoldsIsLoadedTheUsualWayAndFansAreNeverCached) {
    const auto dir = std::filesystem::temp_directory_path() / ("em_picture_layer_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    const LayerCache cache(dir);
    std::vector<std::string> warnings;
    // Fans are never stored: after a picture the cache is still empty, and the next picture reads the file again.
    auto first = load_overlay_for_picture(polygons(), *Projection::from_name("equirect"), square_view(), &cache,
                                          &warnings, 0);
    ASSERT_TRUE(first && *first);
    cache.store(polygons(), PrepareOptions{}, {(*first)->front().data});
    EXPECT_FALSE(std::filesystem::exists(dir) && !std::filesystem::is_empty(dir));
    // Once the whole file has been prepared and cached (the window, or frames), that is what a picture uses.
    auto whole = load_overlay_layers(polygons(), *Projection::from_name("equirect"), &cache, &warnings);
    ASSERT_TRUE(whole) << whole.error().message;
    EXPECT_FALSE(load_overlay_for_picture(polygons(), *Projection::from_name("equirect"), square_view(), &cache,
                                          &warnings, 0));
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace em
