#include "app/scene_builder.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_paths.hpp"

namespace em {
namespace {

TEST(BaseScaleTest, WorldViewsUse110mAndCloseUpsUse10m) {
    EXPECT_EQ(base_scale_for(1e6).name, "110m");
    EXPECT_EQ(base_scale_for(12000.0).name, "110m");
    EXPECT_EQ(base_scale_for(11999.0).name, "50m");
    EXPECT_EQ(base_scale_for(3500.0).name, "50m");
    EXPECT_EQ(base_scale_for(100.0).dataset, "10m");
    EXPECT_EQ(base_scale_for(0.0).name, "10m");
    EXPECT_EQ(base_scale_for(-1.0).name, "10m");  // nonsense in, finest out
}

// Each level is chosen from its own threshold up to the next coarser one; coarser resolutions never get finer data.
TEST(BaseScaleTest, LevelsAreOrderedCoarseToFineAndEachIsReachable) {
    const auto& scales = base_scales();
    ASSERT_FALSE(scales.empty());
    EXPECT_EQ(scales.back().min_metres_per_pixel, 0.0);
    for (size_t i = 0; i < scales.size(); ++i) {
        SCOPED_TRACE(scales[i].name);
        EXPECT_EQ(base_scale_for(scales[i].min_metres_per_pixel).name, scales[i].name);
        if (i > 0) {
            EXPECT_LT(scales[i].min_metres_per_pixel, scales[i - 1].min_metres_per_pixel);
            EXPECT_EQ(base_scale_for(scales[i - 1].min_metres_per_pixel * 0.999).name, scales[i].name);
        }
        EXPECT_GE(scales[i].simplify_degrees, 0.0);
        EXPECT_EQ(find_base_scale(scales[i].name), &scales[i]);
    }
    EXPECT_EQ(find_base_scale("5m"), nullptr);
}

TEST(BaseScaleTest, EveryLevelsDatasetIsShipped) {
    const DataPaths paths{test::source_dir()};
    for (const auto& s : base_scales()) {
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj"}) {
            auto p = paths.base_map(s.dataset);
            p.replace_extension(ext);
            EXPECT_TRUE(std::filesystem::exists(p)) << p;
        }
    }
}

}  // namespace
}  // namespace em
