#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/image.hpp"

namespace em::test {

// How far two images differ.
struct ImageDiff {
    bool same_size = false;
    int max_channel_diff = 0;        // largest |a-b| over all channels
    double mean_channel_diff = 0;    // mean |a-b| over all channels
    double fraction_over = 0;        // fraction of pixels with some channel differing by more than 32
    // The same share in the worst kTile x kTile window (windows every kTileStride pixels, so a mark is never
    // split across two windows and diluted): a missing scale bar, a changed digit or a dropped line of text
    // is a few hundred pixels, far below any whole-image share but most of one window.
    double worst_tile_fraction_over = 0;
    int worst_tile_x = 0, worst_tile_y = 0;  // that window's top-left pixel
};

inline constexpr int kTile = 32;
inline constexpr int kTileStride = 8;

// Compares two RGBA images channel by channel.
ImageDiff compare_images(const Image& a, const Image& b);

// Tolerances for a golden comparison. Each use says which driver needed them.
struct GoldenTolerance {
    double max_mean = 0.5;             // mean channel difference, 0..255
    double max_fraction_over = 0.002;  // share of pixels allowed to differ by more than 32 in a channel
    // Share of pixels over 32 allowed in the worst 32x32 window. The default is justified in golden.cpp by the
    // noise measured on Mesa llvmpipe 22.3 and by the smallest real change the negative controls make.
    double max_tile_fraction_over = 0.06;
};

// The tolerance used for the map goldens (default_view, army2024, export_decorated): tuned on Mesa llvmpipe
// 22.3.6 (Debian 12), see the measurements in golden.cpp.
inline constexpr GoldenTolerance kMapGoldenTolerance{0.6, 0.004, 0.06};

// True when `diff` is within `tolerance` (sizes equal, the global and the local measures under their limits).
bool within(const ImageDiff& diff, const GoldenTolerance& tolerance);

// Compares actual with tests/golden/<name>.png. On failure writes <name>.actual.png and <name>.diff.png into
// the folder test-output/ under the working directory and says where. With UPDATE_GOLDEN=1 in the
// environment the golden file is (re)written from actual and the check passes. With GOLDEN_REPORT=1 every
// comparison prints its measures (to measure noise between runs and drivers).
::testing::AssertionResult matches_golden(const Image& actual, const std::string& name, GoldenTolerance tolerance);

// The measures of actual against tests/golden/<name>.png (same_size false when the golden cannot be read).
ImageDiff diff_against_golden(const Image& actual, const std::string& name);

}  // namespace em::test
