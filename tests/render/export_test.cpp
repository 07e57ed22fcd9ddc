// GL tests of exports: sizes, tiling, decorations, world files and frame sequences.
#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "app/headless_map.hpp"
#include "app/cli/render_options.hpp"
#include "export/png_writer.hpp"
#include "support/golden.hpp"
#include "support/headless_fixture.hpp"
#include "support/map_pixels.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

class ExportTest : public test::HeadlessSuite {
};

TEST_F(ExportTest, PresetSizesComeOutExactly) {
    for (const auto& [w, h] : std::vector<std::pair<int, int>>{{3840, 2160}, {3508, 2480}, {1234, 567}}) {
        RenderOptions o;
        o.width = w, o.height = h, o.size_given = true;
        o.samples = 0;
        auto image = map_->render(o);
        ASSERT_TRUE(image) << image.error().message;
        EXPECT_EQ(image->width, w);
        EXPECT_EQ(image->height, h);
        // Not only the size: the map is there, where the camera says (a blank picture fails).
        EXPECT_TRUE(test::land_and_ocean_where_expected(image.value(), o)) << w << "x" << h;
    }
}

TEST_F(ExportTest, TiledExportMatchesTheUntiledRender) {
    RenderOptions o;
    o.width = 1000, o.height = 700, o.size_given = true;
    o.date = "2024-08-13";
    o.title = "Tiles agree";
    o.inset = true;
    auto whole = map_->render(o);
    o.max_tile = 256;  // 4 x 3 tiles with seams through labels, links and the decorations
    auto tiled = map_->render(o);
    ASSERT_TRUE(whole && tiled);
    const test::ImageDiff d = test::compare_images(whole.value(), tiled.value());
    ASSERT_TRUE(d.same_size);
    // llvmpipe rasterises each tile with the same sub-pixel grid, so the seams should be invisible; allow a
    // few anti-aliased edge pixels for triangles clipped at tile borders.
    EXPECT_LT(d.fraction_over, 0.0005) << "share of pixels differing by more than 32";
    EXPECT_LT(d.mean_channel_diff, 0.2);
}

TEST_F(ExportTest, DecorationsMatchGolden) {
    RenderOptions o;
    o.width = 1200, o.height = 800, o.size_given = true;
    o.date = "2024-08-13";
    o.title = "Army-2024: Sahel defence ministers at Kubinka";
    o.subtitle = "Meeting links to the forum, presence of foreign forces on the day";
    o.inset = true;
    auto image = map_->render(o);
    ASSERT_TRUE(image) << image.error().message;
    // Mesa llvmpipe 22.3; the tolerance allows another Mesa's edges and text rasterisation.
    EXPECT_TRUE(test::matches_golden(image.value(), "export_decorated_1200x800", test::kMapGoldenTolerance));
    // The title panel is near-white at the top left; without --title it is map (the check can fail).
    const std::uint8_t* panel = image->row(30) + 30 * 4;
    EXPECT_GT(panel[0], 235);
    EXPECT_GT(panel[1], 235);
}

TEST_F(ExportTest, WorldFilePlacesTheEquirectangularPictureOnItsBox) {
    const auto dir = test::temp_dir("worldfile");
    const std::string png = (dir / "mali.png").string();
    std::string out;
    const int rc = test::run_command(test::eventmap_binary().string() + " render -o " + png +
                                         " --bbox -13,9,5,25 --projection equirect --size 720x640 --world-file",
                                     &out);
    ASSERT_EQ(rc, 0) << out;
    ASSERT_TRUE(std::filesystem::exists(dir / "mali.pgw"));
    ASSERT_TRUE(std::filesystem::exists(dir / "mali.prj"));
    GDALAllRegister();
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpen(png.c_str(), GA_ReadOnly));
    ASSERT_NE(ds, nullptr);
    double gt[6];
    ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
    const double metres_per_degree = 6371008.8 * 3.14159265358979323846 / 180.0;
    EXPECT_NEAR(gt[0] / metres_per_degree, -13.0, 1e-6) << "west edge";
    EXPECT_NEAR(gt[3] / metres_per_degree, 25.0, 1e-6) << "north edge";
    EXPECT_NEAR((gt[0] + gt[1] * 720) / metres_per_degree, 5.0, 1e-6) << "east edge";
    EXPECT_NEAR((gt[3] + gt[5] * 640) / metres_per_degree, 9.0, 1e-6) << "south edge";
    const OGRSpatialReference* srs = ds->GetSpatialRef();
    ASSERT_NE(srs, nullptr);
    EXPECT_TRUE(srs->IsProjected());
    GDALClose(ds);
}

TEST_F(ExportTest, FrameSequenceHasOneNumberedPictureForEachStep) {
    const auto dir = test::temp_dir("frames");
    std::string out;
    const int rc = test::run_command(test::eventmap_binary().string() + " render -o " + (dir / "f.png").string() +
                                         " --size 160x90 --frames 2024-01-01:2024-12-31:1m",
                                     &out);
    ASSERT_EQ(rc, 0) << out;
    for (int i = 1; i <= 12; ++i)
        EXPECT_TRUE(std::filesystem::exists(dir / frame_path("f.png", i))) << frame_path("f.png", i);
    EXPECT_FALSE(std::filesystem::exists(dir / frame_path("f.png", 13)));
    EXPECT_NE(out.find("frame 12/12 2024-12-01"), std::string::npos) << out;
    // The frames are maps of their own dates: January and August 2024 differ (the date stamp, Army-2024's links)
    // where two renders of one date do not; neither is blank.
    auto january = read_png((dir / frame_path("f.png", 1)).string());
    auto august = read_png((dir / frame_path("f.png", 8)).string());
    ASSERT_TRUE(january && august);
    // Not blank: each frame has ocean and land (the legend covers much of so small a picture, so shares, not points).
    const MapStyle style;
    for (const Image* frame : {&january.value(), &august.value()}) {
        std::size_t ocean = 0, land = 0;
        for (int y = 0; y < frame->height; ++y)
            for (int x = 0; x < frame->width; ++x) {
                const std::uint8_t* p = frame->row(y) + x * 4;
                auto is = [&](const Color& c) {
                    return std::abs(p[0] - int(c.r * 255 + 0.5f)) < 6 && std::abs(p[1] - int(c.g * 255 + 0.5f)) < 6 &&
                           std::abs(p[2] - int(c.b * 255 + 0.5f)) < 6;
                };
                ocean += is(style.ocean);
                land += is(style.base.fill) || is(style.focus_fill);
            }
        EXPECT_GT(ocean, frame->pixels.size() / 4 / 50) << "ocean pixels";  // land was about 4 % here
        EXPECT_GT(land, frame->pixels.size() / 4 / 50) << "land pixels";
    }
    const test::ImageDiff d = test::compare_images(january.value(), august.value());
    EXPECT_GT(d.fraction_over, 0.002) << "frames 1 and 8 look the same";
}

TEST(FrameSequence, StepsByDaysWeeksMonthsAndYears) {
    EXPECT_EQ(parse_frames("2024-01-31:2024-05-31:1m")->dates,
              (std::vector<std::string>{"2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"}));
    EXPECT_EQ(parse_frames("2024-01-01:2024-01-15:1w")->dates.size(), 3u);
    EXPECT_EQ(parse_frames("2020-02-29:2023-03-01:1y")->dates.size(), 4u);
    EXPECT_FALSE(parse_frames("2024-01-01:2023-01-01:1d"));
    EXPECT_FALSE(parse_frames("2024-01-01:2024-02-01:3q"));
    EXPECT_EQ(frame_path("out/map.png", 7), "out/map_0007.png");
}

}  // namespace
}  // namespace em
