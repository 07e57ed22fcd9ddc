// `eventmap render -o OUT.mp4|webm|gif --frames ...` end to end: the binary draws the clip headless (EGL, hence
// the gl label) and the test reads it back with libavformat/libavcodec (tests/support/video_probe), then
// compares the first and the last frame with `eventmap render --date` PNGs of the same dates. Small pictures
// and few frames: the whole file runs in seconds.
#include <gtest/gtest.h>

#include <filesystem>

#include "export/png_writer.hpp"
#include "support/golden.hpp"
#include "support/test_paths.hpp"
#include "support/video_probe.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

// The map options every run here shares (and the PNGs they are compared with).
const std::string kMap = " --size 480x270 --title Army-2024 --no-legend --no-cache";

// A PNG of `date` drawn by `eventmap render` in the run's folder.
Image still(const test::BinaryRun& run, const std::string& date) {
    const std::string png = (run.dir / (date + ".png")).string();
    const int rc = test::run_command("cd " + test::quoted(run.dir.string()) + " && " +
                                     test::quoted(test::eventmap_binary().string()) + " render -o " +
                                     test::quoted(png) + " --date " + date + kMap);
    EXPECT_EQ(rc, 0);
    auto img = read_png(png);
    EXPECT_TRUE(img.ok()) << png;
    return img.ok() ? img.value() : Image{};
}

// H.264 at CRF 20, yuv420p limited range, on a 480x270 map (text 10-12 px, 1-2 px borders), measured on Mesa
// llvmpipe 22.3 with Debian's libx264 164: mean 1.95-2.09 (limited range and 4:2:0 rounding over every pixel),
// 0.4-0.6 % of pixels over 32, worst 32x32 window 5-5.5 % (the title's letters, whose colour 4:2:0 halves). The
// negative control (the last frame against the first date's picture) measures a mean of 2.9 and a window of
// 90 %. (At 320x180 the decorations cover the map and a week-off picture was within the codec's noise.)
constexpr test::GoldenTolerance kClipTolerance{2.5, 0.01, 0.15};

TEST(AnimationCommandTest, Mp4FirstAndLastFramesAreTheStillPicturesOfThoseDates) {
    // Two months a week a step, 1.5 s at 10 fps: 15 frames, the clock moving smoothly; hold 0.2 s each end.
    const test::BinaryRun r = test::run_eventmap(
        "anim-mp4", "render -o clip.mp4 --frames 2024-07-15:2024-09-15:1w --duration 1.5 --fps 10 --hold 0.2" + kMap);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << "quiet when stderr is not a terminal: " << r.err;
    auto probe = test::probe_clip((r.dir / "clip.mp4").string());
    ASSERT_TRUE(probe.ok()) << probe.error().message;
    EXPECT_EQ(probe->codec, "h264");
    EXPECT_EQ(probe->pixel_format, "yuv420p");
    EXPECT_EQ(probe->width, 480);
    EXPECT_EQ(probe->height, 270);
    EXPECT_EQ(probe->frames, 15 + 2 + 2);
    EXPECT_NEAR(probe->duration, 1.9, 1e-3);
    EXPECT_TRUE(test::mp4_index_first((r.dir / "clip.mp4").string()));
    ASSERT_EQ(probe->kept.size(), 2u);
    // The last step date of 2024-07-15 + n weeks up to 09-15 is 09-09.
    const Image first = still(r, "2024-07-15"), last = still(r, "2024-09-09");
    const auto d_first = test::compare_images(probe->kept[0], first);
    const auto d_last = test::compare_images(probe->kept[1], last);
    EXPECT_TRUE(test::within(d_first, kClipTolerance))
        << "mean " << d_first.mean_channel_diff << " over " << d_first.fraction_over << " window "
        << d_first.worst_tile_fraction_over;
    EXPECT_TRUE(test::within(d_last, kClipTolerance))
        << "mean " << d_last.mean_channel_diff << " over " << d_last.fraction_over << " window "
        << d_last.worst_tile_fraction_over;
    // Negative control: the last frame is not the picture of the first date.
    const auto d_wrong = test::compare_images(probe->kept[1], first);
    EXPECT_FALSE(test::within(d_wrong, kClipTolerance))
        << "mean " << d_wrong.mean_channel_diff << " window " << d_wrong.worst_tile_fraction_over;
    std::cout << "first: mean " << d_first.mean_channel_diff << " window " << d_first.worst_tile_fraction_over
              << "; last: mean " << d_last.mean_channel_diff << " window " << d_last.worst_tile_fraction_over
              << "; first date for last: mean " << d_wrong.mean_channel_diff << " window " << d_wrong.worst_tile_fraction_over
              << "\n";
}

TEST(AnimationCommandTest, OddSizeWebmAndLoopingGif) {
    const test::BinaryRun webm = test::run_eventmap(
        "anim-webm", "render -o clip.webm --frames 2024-08-01:2024-08-05:1d --size 161x91 --no-cache --fps 5");
    ASSERT_EQ(webm.status, 0) << webm.err;
    auto probe = test::probe_clip((webm.dir / "clip.webm").string());
    ASSERT_TRUE(probe.ok()) << probe.error().message;
    EXPECT_EQ(probe->codec, "vp9");
    EXPECT_EQ(probe->width, 162);  // padded to even
    EXPECT_EQ(probe->height, 92);
    EXPECT_EQ(probe->frames, 5);
    EXPECT_NEAR(probe->duration, 1.0, 0.002);

    const test::BinaryRun gif = test::run_eventmap(
        "anim-gif", "render -o clip.gif --frames 2024-08-01:2024-08-04:1d --fps 4" + kMap);
    ASSERT_EQ(gif.status, 0) << gif.err;
    const std::string path = (gif.dir / "clip.gif").string();
    auto g = test::probe_clip(path);
    ASSERT_TRUE(g.ok()) << g.error().message;
    EXPECT_EQ(g->codec, "gif");
    EXPECT_EQ(g->frames, 4);
    EXPECT_NEAR(g->duration, 1.0, 0.011);
    EXPECT_EQ(test::gif_loop_count(path), 0);
    EXPECT_TRUE(test::gif_uses_one_palette(path));
    // 256 colours for a whole map: labels' anti-aliasing is quantized, so compare by the mean and the share of
    // pixels far off (measured mean 0.6-0.9).
    const auto d = test::compare_images(g->kept[0], still(gif, "2024-08-01"));
    EXPECT_LT(d.mean_channel_diff, 2.0);
    EXPECT_LT(d.fraction_over, 0.01);
}

// Bad input (issue 15, item 6): one line on stderr, exit non-zero, nothing at the output path.
void expect_refused(const std::string& name, const std::string& args, const std::string& output,
                    const std::string& words, int status = -1) {
    const test::BinaryRun r = test::run_eventmap("anim-bad-" + name, args);
    EXPECT_NE(r.status, 0) << name;
    if (status >= 0) {
        EXPECT_EQ(r.status, status) << name << ": " << r.err;
    }
    const auto lines = test::lines_of(r.err);
    ASSERT_EQ(lines.size(), 1u) << name << ": " << r.err;
    EXPECT_NE(lines[0].find(words), std::string::npos) << name << ": " << lines[0];
    EXPECT_FALSE(fs::exists(r.dir / output)) << name;
    for (const auto& entry : fs::directory_iterator(r.dir))
        EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos) << entry.path();
}

TEST(AnimationCommandTest, BadInputIsOneLineAndLeavesNothing) {
    expect_refused("ext", "render -o clip.avi --frames 2024-08-01:2024-08-05:1d", "clip.avi",
                   "supported: .mp4 (H.264), .webm (VP9), .gif", 2);
    expect_refused("no-frames", "render -o clip.mp4 --frames 2024-08-05:2024-08-01:1d", "clip.mp4",
                   "END is before START", 2);
    expect_refused("step-zero", "render -o clip.mp4 --frames 2024-08-01:2024-08-05:0d", "clip.mp4", "is zero", 2);
    expect_refused("need-frames", "render -o clip.mp4 --date 2024-08-01", "clip.mp4", "--frames: required", 2);
    expect_refused("too-large", "render -o clip.mp4 --frames 2024-08-01:2024-08-02:1d --size 16000x9000", "clip.mp4",
                   "too large for H.264", 1);
    expect_refused("folder", "render -o missing/clip.webm --frames 2024-08-01:2024-08-02:1d --size 64x64",
                   "missing/clip.webm", "does not exist", 1);
}

// A full disk, made with the shell's file-size limit: the encoder's writes fail (EFBIG as ENOSPC would), the
// command says so in one line, exits 1 and leaves neither the clip nor its temporary file.
TEST(AnimationCommandTest, FullDiskLeavesNothing) {
    const test::BinaryRun r = test::run_eventmap(
        "anim-full", "render -o clip.mp4 --frames 2024-07-15:2024-09-15:1w --fps 10 --size 320x180 --no-cache");
    ASSERT_EQ(r.status, 0) << r.err;  // the clip fits without a limit (about 60 KB)...
    fs::remove(r.dir / "clip.mp4");
    std::string output;
    const int rc = test::run_command("cd " + test::quoted(r.dir.string()) + " && ulimit -f 16 && XDG_CACHE_HOME=" +
                                         test::quoted((r.dir / "cache").string()) + " " +
                                         test::quoted(test::eventmap_binary().string()) +
                                         " render -o clip.mp4 --frames 2024-07-15:2024-09-15:1w --fps 10 --size "
                                         "320x180 --no-cache 2>&1",
                                     &output);
    EXPECT_NE(rc, 0);  // ...but not in 16 KiB
    const auto lines = test::lines_of(output);
    ASSERT_EQ(lines.size(), 1u) << output;
    EXPECT_NE(lines[0].find("clip.mp4"), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find("File too large"), std::string::npos) << lines[0];
    EXPECT_FALSE(fs::exists(r.dir / "clip.mp4"));
    for (const auto& entry : fs::directory_iterator(r.dir))
        EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos) << entry.path();
}

}  // namespace
}  // namespace em
