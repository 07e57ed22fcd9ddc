// BackgroundLoad: a file read and prepared on a worker thread, with progress, a coarse preview, cancel, and errors.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "app/data_paths.hpp"
#include "app/window/layer_loading.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

// Polls like the window does, until the worker has finished (at most a minute).
void wait_until_ready(const BackgroundLoad& load) {
    for (int i = 0; i < 6000 && !load.ready(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_TRUE(load.ready());
}

TEST(BackgroundLoadTest, ReadsOnAWorkerWithProgressAndAPreview) {
    const std::string path = DataPaths{test::source_dir()}.base_map("10m").string();
    BackgroundLoad load(path, *Projection::from_name("equirect"), nullptr);
    EXPECT_EQ(load.path(), path);
    wait_until_ready(load);
    EXPECT_GT(load.total(), 200u);  // the 1:10m countries: 258 features
    EXPECT_EQ(load.done(), load.total());
    // 540k vertices: coarser levels, so a cold open made a preview of the coarsest, with every feature.
    auto preview = load.take_preview();
    ASSERT_TRUE(preview);
    ASSERT_EQ(preview->size(), 1u);
    EXPECT_EQ(preview->front().data.values.size(), load.total());
    EXPECT_FALSE(load.take_preview());  // taken once
    auto result = load.result();
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(result->layers.size(), 1u);
    EXPECT_EQ(result->layers.front().data.values.size(), load.total());
    EXPECT_FALSE(result->layers.front().coarser.empty());
}

TEST(BackgroundLoadTest, CancelGivesAnErrorNamingTheFile) {
    const std::string path = DataPaths{test::source_dir()}.base_map("10m").string();
    BackgroundLoad load(path, *Projection::from_name("equirect"), nullptr);
    load.cancel();
    wait_until_ready(load);
    auto result = load.result();
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find(path), std::string::npos);
    EXPECT_NE(result.error().message.find("cancelled"), std::string::npos);
}

TEST(BackgroundLoadTest, ABrokenFileGivesItsErrorAndNoPreview) {
    const auto dir = test::temp_dir("background-load");
    const std::string path = (dir / "broken.geojson").string();
    std::ofstream(path) << "{\"type\": \"FeatureCollection\", \"features\": [";
    BackgroundLoad load(path, *Projection::from_name("equirect"), nullptr);
    wait_until_ready(load);
    EXPECT_FALSE(load.take_preview());
    auto result = load.result();
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("broken.geojson"), std::string::npos);
}

}  // namespace
}  // namespace em
