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
};

// Compares two RGBA images channel by channel.
ImageDiff compare_images(const Image& a, const Image& b);

// Tolerances for a golden comparison. Each use says which driver needed them.
struct GoldenTolerance {
    double max_mean = 0.5;        // mean channel difference, 0..255
    double max_fraction_over = 0.002;  // share of pixels allowed to differ by more than 32 in a channel
};

// Compares actual with tests/golden/<name>.png. On failure writes <name>.actual.png and <name>.diff.png into
// the folder test-output/ under the working directory and says where. With UPDATE_GOLDEN=1 in the
// environment the golden file is (re)written from actual and the check passes.
::testing::AssertionResult matches_golden(const Image& actual, const std::string& name, GoldenTolerance tolerance);

}  // namespace em::test
