#include "support/golden.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "export/png_writer.hpp"
#include "support/test_paths.hpp"

namespace em::test {

ImageDiff compare_images(const Image& a, const Image& b) {
    ImageDiff d;
    d.same_size = a.width == b.width && a.height == b.height;
    if (!d.same_size) return d;
    std::uint64_t sum = 0, over = 0;
    const size_t pixels = static_cast<size_t>(a.width) * a.height;
    for (size_t p = 0; p < pixels; ++p) {
        int worst = 0;
        for (int c = 0; c < 4; ++c) {
            const int diff = std::abs(int(a.pixels[p * 4 + c]) - int(b.pixels[p * 4 + c]));
            sum += diff;
            worst = std::max(worst, diff);
        }
        d.max_channel_diff = std::max(d.max_channel_diff, worst);
        if (worst > 32) ++over;
    }
    d.mean_channel_diff = pixels ? static_cast<double>(sum) / (pixels * 4) : 0;
    d.fraction_over = pixels ? static_cast<double>(over) / pixels : 0;
    return d;
}

::testing::AssertionResult matches_golden(const Image& actual, const std::string& name, GoldenTolerance tol) {
    const auto golden_path = source_dir() / "tests" / "golden" / (name + ".png");
    const char* update = std::getenv("UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        if (auto ok = write_png(actual, golden_path.string()); !ok)
            return ::testing::AssertionFailure() << ok.error().message;
        return ::testing::AssertionSuccess() << "golden written: " << golden_path;
    }
    auto golden = read_png(golden_path.string());
    const auto out_dir = std::filesystem::current_path() / "test-output";
    std::filesystem::create_directories(out_dir);
    const auto actual_path = out_dir / (name + ".actual.png");
    if (!golden) {
        (void)write_png(actual, actual_path.string());
        return ::testing::AssertionFailure() << golden.error().message << " (actual written to " << actual_path
                                             << "; run with UPDATE_GOLDEN=1 to create the golden)";
    }
    const ImageDiff d = compare_images(actual, golden.value());
    if (d.same_size && d.mean_channel_diff <= tol.max_mean && d.fraction_over <= tol.max_fraction_over)
        return ::testing::AssertionSuccess();
    (void)write_png(actual, actual_path.string());
    if (d.same_size) {
        Image diff(actual.width, actual.height);
        for (size_t p = 0; p < diff.pixels.size() / 4; ++p) {
            int worst = 0;
            for (int c = 0; c < 3; ++c)
                worst = std::max(worst, std::abs(int(actual.pixels[p * 4 + c]) - int(golden->pixels[p * 4 + c])));
            const auto v = static_cast<std::uint8_t>(std::min(255, worst * 4));
            diff.pixels[p * 4] = 255;
            diff.pixels[p * 4 + 1] = static_cast<std::uint8_t>(255 - v);
            diff.pixels[p * 4 + 2] = static_cast<std::uint8_t>(255 - v);
            diff.pixels[p * 4 + 3] = 255;
        }
        (void)write_png(diff, (out_dir / (name + ".diff.png")).string());
    }
    return ::testing::AssertionFailure() << name << ": differs from " << golden_path << " (size match "
                                         << d.same_size << ", mean " << d.mean_channel_diff << " > " << tol.max_mean
                                         << " or share over 32: " << d.fraction_over << " > " << tol.max_fraction_over
                                         << "); actual and diff written to " << out_dir;
}

}  // namespace em::test
