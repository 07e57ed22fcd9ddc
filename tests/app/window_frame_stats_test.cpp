#include "app/window/window_frame_stats.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

namespace em {
namespace {

nlohmann::json read_json(const std::filesystem::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

// --stats names the slowest frame with what happened in it, and lists every frame with a note, so that a lone spike
// in a benchmark can be traced (issue 17's pan: one frame of 130 ms was the base map's first scroll).
TEST(WindowFrameStatsTest, TheSlowestFrameKeepsItsNotesAndNotedFramesAreListed) {
    FrameStats stats = start_frame_stats(FrameStats::Clock::now());
    record_frame(stats, false);  // frame 0: start-up, not counted
    record_frame(stats, false);  // frame 1: fast, no note
    note_frame(stats, "base map scrolled");
    note_imgui_draw(stats, 1000, 1500, 10);
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    record_frame(stats, false);  // frame 2: the slow one
    note_imgui_draw(stats, 3000, 4500, 20);
    record_frame(stats, false);  // frame 3: fast again, no note
    const auto path = std::filesystem::temp_directory_path() / "eventmap_frame_stats_test.json";
    write_frame_stats(stats, "pan", 640, 480, path.string());
    const nlohmann::json j = read_json(path);
    std::filesystem::remove(path);
    EXPECT_EQ(j["frames"], 3);
    EXPECT_EQ(j["worst_frame"]["index"], 2);
    EXPECT_GE(j["worst_frame"]["ms"].get<double>(), 30.0);
    EXPECT_EQ(j["worst_frame"]["notes"], "base map scrolled");
    ASSERT_EQ(j["noted_frames"].size(), 1u);
    EXPECT_EQ(j["noted_frames"][0]["index"], 2);
    EXPECT_EQ(j["noted_frames"][0]["notes"], "base map scrolled");
    // Means over the 3 counted frames (the JSON has 6 significant digits).
    EXPECT_NEAR(j["imgui_per_frame"]["vertices"].get<double>(), 4000.0 / 3, 0.01);
    EXPECT_NEAR(j["imgui_per_frame"]["commands"].get<double>(), 10.0, 1e-3);
}

// The worst frame while a layer loads (issue 18: none over 100 ms while loading) is given apart from the p95.
TEST(WindowFrameStatsTest, TheWorstFrameWhileLoadingIsGiven) {
    FrameStats stats = start_frame_stats(FrameStats::Clock::now());
    record_frame(stats, true);  // frame 0: start-up, not counted
    for (int i = 0; i < 20; ++i) record_frame(stats, true);
    note_frame(stats, "layer preview joined");
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    record_frame(stats, true);  // the slow one, loading
    record_frame(stats, false);
    const auto path = std::filesystem::temp_directory_path() / "eventmap_frame_stats_loading_test.json";
    write_frame_stats(stats, "pan", 640, 480, path.string());
    const nlohmann::json j = read_json(path);
    std::filesystem::remove(path);
    EXPECT_EQ(j["loading_frames"], 21);
    EXPECT_GE(j["loading_max_ms"].get<double>(), 40.0);
    EXPECT_LT(j["loading_p95_ms"].get<double>(), 40.0);  // one frame in 21 is not the p95
    // Which frame it was and what happened in it, apart from the worst frame once loaded.
    EXPECT_EQ(j["loading_worst_frame"]["index"], 21);
    EXPECT_GE(j["loading_worst_frame"]["ms"].get<double>(), 40.0);
    EXPECT_EQ(j["loading_worst_frame"]["notes"], "layer preview joined");
    EXPECT_EQ(j["worst_frame"]["index"], 22);
    EXPECT_EQ(j["worst_frame"]["notes"], "");
    // The process started before the stats did (the launcher, the dynamic linker): a small positive offset.
    EXPECT_GE(j["process_to_start_s"].get<double>(), 0.0);
    EXPECT_LT(j["process_to_start_s"].get<double>(), 600.0);
}

// A layer that joins is drawn into the cached map tile by tile: the stats give the first frame showing it at all
// and the first showing it over the whole map (a cold open's "layer" and "whole" in bench/heavy_layers.sh).
TEST(WindowFrameStatsTest, ALayerShownInPartThenWholeGivesBothTimes) {
    FrameStats stats = start_frame_stats(FrameStats::Clock::now());
    record_frame(stats, true);  // frame 0: no layer yet
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    record_frame(stats, true, LayerShown::kInPart);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    record_frame(stats, true, LayerShown::kInPart);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    record_frame(stats, false, LayerShown::kWhole);
    record_frame(stats, false, LayerShown::kInPart);  // a later redraw (a zoom) changes neither
    record_frame(stats, false, LayerShown::kWhole);
    const auto path = std::filesystem::temp_directory_path() / "eventmap_frame_stats_layer_test.json";
    write_frame_stats(stats, "still", 640, 480, path.string());
    const nlohmann::json j = read_json(path);
    std::filesystem::remove(path);
    const double first = j["first_frame_s"], layer = j["first_layer_s"], whole = j["first_layer_whole_s"];
    EXPECT_GE(layer - first, 0.019);
    EXPECT_GE(whole - layer, 0.039);
    EXPECT_LT(whole, 600.0);
}

// No layer at all: both stay 0 (heavy_layers.sh prints them as they are).
TEST(WindowFrameStatsTest, NoLayerLeavesTheLayerTimesAtZero) {
    FrameStats stats = start_frame_stats(FrameStats::Clock::now());
    record_frame(stats, false);
    record_frame(stats, false);
    EXPECT_EQ(stats.first_layer_s, 0.0);
    EXPECT_EQ(stats.first_layer_whole_s, 0.0);
}

TEST(WindowFrameStatsTest, NotesOfAFrameDoNotCarryIntoTheNext) {
    FrameStats stats = start_frame_stats(FrameStats::Clock::now());
    record_frame(stats, false);
    note_frame(stats, "1:10m base levels joined");
    note_frame(stats, "base map redraw started");
    record_frame(stats, false);
    record_frame(stats, false);
    ASSERT_EQ(stats.noted.size(), 1u);
    EXPECT_EQ(stats.noted[0].index, 1);
    EXPECT_EQ(stats.noted[0].note, "1:10m base levels joined; base map redraw started");
    EXPECT_TRUE(stats.frame_note.empty());
}

}  // namespace
}  // namespace em
