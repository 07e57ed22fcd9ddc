// The clip writer: what it writes is read back with libavformat/libavcodec (tests/support/video_probe), never
// with the writer's own code. Small sizes and few frames keep the suite fast.
#include "video/video_writer.hpp"
#include "video/encoding_thread.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "support/golden.hpp"
#include "support/video_probe.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

// A map-like frame: a pale two-tone background (sea and land), a thin dark diagonal (an arc) and a saturated
// square whose place moves with `k`, so frames differ and the first and the last can be told apart.
Image test_frame(int width, int height, int k) {
    Image img(width, height);
    for (int y = 0; y < height; ++y) {
        std::uint8_t* row = img.row(y);
        for (int x = 0; x < width; ++x) {
            const bool land = x + y / 2 > width / 2;
            std::uint8_t* p = row + x * 4;
            p[0] = land ? 236 : 200, p[1] = land ? 232 : 222, p[2] = land ? 220 : 238, p[3] = 255;
            if (std::abs(x - y * width / height) <= 1) p[0] = 40, p[1] = 40, p[2] = 60;
        }
    }
    const int x0 = 4 + (k * 7) % std::max(1, width - 16), y0 = height / 3;
    for (int y = y0; y < y0 + 10 && y < height; ++y)
        for (int x = x0; x < x0 + 10 && x < width; ++x) {
            std::uint8_t* p = img.row(y) + x * 4;
            p[0] = 0xD5, p[1] = 0x5E, p[2] = 0x00;  // Okabe-Ito vermillion
        }
    return img;
}

// The decoded picture cropped to the written size (MP4/WebM pad odd sides).
Image cropped(const Image& img, int width, int height) {
    Image out(width, height);
    for (int y = 0; y < height; ++y) std::memcpy(out.row(y), img.row(y), static_cast<std::size_t>(width) * 4);
    return out;
}

class VideoWriterTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("em_video_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ec;
        fs::permissions(dir_, fs::perms::owner_all, ec);
        fs::remove_all(dir_, ec);
    }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }

    // Writes `count` test frames; returns the writer's status.
    static Status write_clip(const std::string& out, VideoFormat format, int width, int height, int count, int fps) {
        auto writer = VideoWriter::open(out, VideoSettings{format, width, height, fps, {}});
        if (!writer) return writer.error();
        for (int k = 0; k < count; ++k)
            if (auto ok = writer.value()->add_frame(test_frame(width, height, k)); !ok) return ok;
        return writer.value()->finish();
    }
    fs::path dir_;
};

// Lossy codecs on tiny frames of flat colours with a 1-3 pixel line: measured mean 0.3-2.6 (H.264 CRF 20; the
// most at 64x48, where the line and the square are a large share), VP9 CRF 32 about the same; the line's chroma
// is smeared by 4:2:0 over its neighbours; worst 32x32 window 4 % over 32. A moved square (the negative
// control) is a mean of 5.3 and 12 % of a window: it fails both measures.
constexpr test::GoldenTolerance kLossyTolerance{4.0, 0.02, 0.08};

TEST_F(VideoWriterTest, Mp4IsH264Yuv420pWithIndexFirstAndEvenSize) {
    const std::string out = path("clip.mp4");
    ASSERT_TRUE(write_clip(out, VideoFormat::kMp4, 97, 61, 12, 24).ok());
    auto probe = test::probe_clip(out);
    ASSERT_TRUE(probe.ok()) << probe.error().message;
    EXPECT_EQ(probe->codec, "h264");
    EXPECT_EQ(probe->pixel_format, "yuv420p");
    EXPECT_EQ(probe->width, 98);  // 97x61 padded to even
    EXPECT_EQ(probe->height, 62);
    EXPECT_EQ(probe->frames, 12);
    EXPECT_NEAR(probe->duration, 12.0 / 24, 1e-3);
    EXPECT_EQ(probe->fps_num * 1.0 / probe->fps_den, 24.0);
    EXPECT_TRUE(test::mp4_index_first(out)) << "+faststart: moov must precede mdat";
    ASSERT_EQ(probe->kept.size(), 2u);
    const auto first = test::compare_images(cropped(probe->kept[0], 97, 61), test_frame(97, 61, 0));
    const auto last = test::compare_images(cropped(probe->kept[1], 97, 61), test_frame(97, 61, 11));
    EXPECT_TRUE(test::within(first, kLossyTolerance)) << "mean " << first.mean_channel_diff << " tile " << first.worst_tile_fraction_over;
    EXPECT_TRUE(test::within(last, kLossyTolerance)) << "mean " << last.mean_channel_diff << " tile " << last.worst_tile_fraction_over;
    // And the comparison can fail: the last frame is not the first (the square moved).
    const auto wrong = test::compare_images(cropped(probe->kept[1], 97, 61), test_frame(97, 61, 0));
    EXPECT_FALSE(test::within(wrong, kLossyTolerance)) << "mean " << wrong.mean_channel_diff << " tile "
                                                        << wrong.worst_tile_fraction_over;
    std::cout << "first frame: mean " << first.mean_channel_diff << ", worst window " << first.worst_tile_fraction_over
              << "; wrong frame: mean " << wrong.mean_channel_diff << ", worst window "
              << wrong.worst_tile_fraction_over << "\n";
    EXPECT_FALSE(fs::exists(video_temp_path(out)));
}

TEST_F(VideoWriterTest, WebmIsVp9Yuv420p) {
    const std::string out = path("clip.webm");
    ASSERT_TRUE(write_clip(out, VideoFormat::kWebm, 80, 48, 6, 30).ok());
    auto probe = test::probe_clip(out);
    ASSERT_TRUE(probe.ok()) << probe.error().message;
    EXPECT_EQ(probe->container, "matroska,webm");
    EXPECT_EQ(probe->codec, "vp9");
    EXPECT_EQ(probe->pixel_format, "yuv420p");
    EXPECT_EQ(probe->width, 80);
    EXPECT_EQ(probe->height, 48);
    EXPECT_EQ(probe->frames, 6);
    EXPECT_NEAR(probe->duration, 6.0 / 30, 0.002);  // Matroska counts in milliseconds
    const auto first = test::compare_images(probe->kept[0], test_frame(80, 48, 0));
    EXPECT_TRUE(test::within(first, kLossyTolerance)) << "mean " << first.mean_channel_diff;
}

TEST_F(VideoWriterTest, GifLoopsWithOnePaletteForTheClip) {
    const std::string out = path("clip.gif");
    const auto written = write_clip(out, VideoFormat::kGif, 64, 40, 5, 10);
    ASSERT_TRUE(written.ok()) << written.error().message;
    auto probe = test::probe_clip(out);
    ASSERT_TRUE(probe.ok()) << probe.error().message;
    EXPECT_EQ(probe->codec, "gif");
    EXPECT_EQ(probe->width, 64);
    EXPECT_EQ(probe->height, 40);
    EXPECT_EQ(probe->frames, 5);
    EXPECT_NEAR(probe->duration, 0.5, 0.011);  // GIF delays are in hundredths of a second
    EXPECT_EQ(test::gif_loop_count(out), 0) << "0 = loop forever";
    EXPECT_TRUE(test::gif_uses_one_palette(out));
    // Every pixel of the first and the last frame is a colour of the global table.
    const auto palette = test::gif_global_palette(out);
    ASSERT_FALSE(palette.empty());
    int outside = 0;
    for (const Image& frame : probe->kept)
        for (std::size_t i = 0; i < frame.pixels.size(); i += 4)
            outside += !palette.count((std::uint32_t(frame.pixels[i]) << 16) | (frame.pixels[i + 1] << 8) | frame.pixels[i + 2]);
    EXPECT_EQ(outside, 0);
    // Few colours in the test frames: the palette holds them all, so the GIF is near exact (dither aside).
    const auto last = test::compare_images(probe->kept[1], test_frame(64, 40, 4));
    EXPECT_LT(last.mean_channel_diff, 1.0);
    EXPECT_LT(last.fraction_over, 0.01);
}

TEST_F(VideoWriterTest, GifKeepsAskedColoursExactly) {
    const std::string out = path("keep.gif");
    // A gradient of 4096 colours forces quantization; the vermillion square must survive exactly.
    auto writer = VideoWriter::open(out, VideoSettings{VideoFormat::kGif, 64, 64, 10, {0xD55E00}});
    ASSERT_TRUE(writer.ok());
    Image img(64, 64);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x) {
            std::uint8_t* p = img.row(y) + x * 4;
            p[0] = x * 4, p[1] = y * 4, p[2] = (x + y) * 2, p[3] = 255;
            if (x >= 20 && x < 30 && y >= 20 && y < 30) p[0] = 0xD5, p[1] = 0x5E, p[2] = 0x00;
        }
    ASSERT_TRUE(writer.value()->add_frame(img).ok());
    const auto finished = writer.value()->finish();
    ASSERT_TRUE(finished.ok()) << finished.error().message;
    auto probe = test::probe_clip(out);
    ASSERT_TRUE(probe.ok());
    const std::uint8_t* p = probe->kept[0].row(25) + 25 * 4;
    EXPECT_EQ(p[0], 0xD5);
    EXPECT_EQ(p[1], 0x5E);
    EXPECT_EQ(p[2], 0x00);
}

TEST_F(VideoWriterTest, WriterDroppedBeforeFinishLeavesNothing) {
    const std::string out = path("cancelled.mp4");
    {
        auto writer = VideoWriter::open(out, VideoSettings{VideoFormat::kMp4, 64, 48, 30, {}});
        ASSERT_TRUE(writer.ok());
        ASSERT_TRUE(writer.value()->add_frame(test_frame(64, 48, 0)).ok());
        EXPECT_TRUE(fs::exists(video_temp_path(out)));  // the work in progress is somewhere...
    }
    EXPECT_FALSE(fs::exists(out));  // ...and gone with the writer
    EXPECT_FALSE(fs::exists(video_temp_path(out)));
}

TEST_F(VideoWriterTest, FailureKeepsAnEarlierFileIntact) {
    const std::string out = path("keep.mp4");
    ASSERT_TRUE(write_clip(out, VideoFormat::kMp4, 64, 48, 2, 30).ok());
    const auto size = fs::file_size(out);
    {
        auto writer = VideoWriter::open(out, VideoSettings{VideoFormat::kMp4, 64, 48, 30, {}});
        ASSERT_TRUE(writer.ok());
        EXPECT_FALSE(writer.value()->add_frame(test_frame(32, 32, 0)).ok());  // wrong size
    }
    EXPECT_EQ(fs::file_size(out), size);
}

TEST_F(VideoWriterTest, UnwritableFolderIsOneLineAndNoFile) {
    if (::geteuid() == 0) {
        // root writes into a read-only folder anyway; a folder that does not exist fails for everyone.
        const std::string out = path("missing/clip.mp4");
        auto writer = VideoWriter::open(out, VideoSettings{VideoFormat::kMp4, 64, 48, 30, {}});
        ASSERT_FALSE(writer.ok());
        EXPECT_NE(writer.error().message.find(out), std::string::npos) << writer.error().message;
        EXPECT_EQ(writer.error().message.find('\n'), std::string::npos);
        EXPECT_FALSE(fs::exists(out));
        return;
    }
    fs::create_directories(dir_ / "ro");
    fs::permissions(dir_ / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    const std::string out = path("ro/clip.mp4");
    auto writer = VideoWriter::open(out, VideoSettings{VideoFormat::kMp4, 64, 48, 30, {}});
    ASSERT_FALSE(writer.ok());
    EXPECT_NE(writer.error().message.find("Permission denied"), std::string::npos) << writer.error().message;
    EXPECT_FALSE(fs::exists(out));
}

// A full disk, made with the file-size limit (RLIMIT_FSIZE): writes past it fail with EFBIG as they would with
// ENOSPC, in this process only, and the test restores the limit.
TEST_F(VideoWriterTest, FullDiskFailsAndLeavesNothing) {
    for (VideoFormat format : {VideoFormat::kMp4, VideoFormat::kGif}) {
        const std::string out = path(format == VideoFormat::kMp4 ? "full.mp4" : "full.gif");
        rlimit old{};
        ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
        auto old_handler = ::signal(SIGXFSZ, SIG_IGN);
        rlimit small = old;
        small.rlim_cur = 8 * 1024;
        ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
        // Noise frames do not compress: a few frames of 160x120 are far beyond 8 KiB in any format.
        Status result = Ok{};
        {
            auto writer = VideoWriter::open(out, VideoSettings{format, 160, 120, 30, {}});
            if (!writer) {
                result = writer.error();
            } else {
                std::uint32_t seed = 1;
                const int frames = format == VideoFormat::kGif ? 3 : 60;  // libimagequant is slow on noise
                for (int k = 0; k < frames && result.ok(); ++k) {
                    Image noise(160, 120);
                    for (auto& b : noise.pixels) b = static_cast<std::uint8_t>((seed = seed * 1664525u + 1013904223u) >> 24);
                    result = writer.value()->add_frame(noise);
                }
                if (result.ok()) result = writer.value()->finish();
            }
        }
        ::setrlimit(RLIMIT_FSIZE, &old);
        ::signal(SIGXFSZ, old_handler);
        ASSERT_FALSE(result.ok()) << "an 8 KiB limit cannot hold the clip";
        EXPECT_NE(result.error().message.find(out), std::string::npos) << result.error().message;
        EXPECT_EQ(result.error().message.find('\n'), std::string::npos);
        EXPECT_FALSE(fs::exists(out));
        EXPECT_FALSE(fs::exists(video_temp_path(out)));
    }
}

TEST_F(VideoWriterTest, TooLargeForTheCodecIsRefusedUpFront) {
    auto writer = VideoWriter::open(path("big.mp4"), VideoSettings{VideoFormat::kMp4, 16384, 16384, 30, {}});
    ASSERT_FALSE(writer.ok());
    EXPECT_NE(writer.error().message.find("too large for H.264"), std::string::npos) << writer.error().message;
    EXPECT_FALSE(fs::exists(path("big.mp4")));
    EXPECT_EQ(video_size_problem(VideoFormat::kWebm, 8192, 4352), "");
    EXPECT_NE(video_size_problem(VideoFormat::kWebm, 8193, 4352), "");
    EXPECT_EQ(video_size_problem(VideoFormat::kGif, 16384, 16384), "");
}

TEST_F(VideoWriterTest, EncodingThreadWritesEveryCopyInOrder) {
    const std::string out = path("thread.mp4");
    {
        auto writer = VideoWriter::open(out, VideoSettings{VideoFormat::kMp4, 64, 48, 10, {}});
        ASSERT_TRUE(writer.ok());
        EncodingThread encoder(std::move(writer).value(), 1);
        ASSERT_TRUE(encoder.push(test_frame(64, 48, 0), 3).ok());
        for (int k = 1; k < 5; ++k) ASSERT_TRUE(encoder.push(test_frame(64, 48, k)).ok());
        ASSERT_TRUE(encoder.finish().ok());
        EXPECT_EQ(encoder.encoded(), 7);
    }
    auto probe = test::probe_clip(out);
    ASSERT_TRUE(probe.ok());
    EXPECT_EQ(probe->frames, 7);
    const auto last = test::compare_images(probe->kept[1], test_frame(64, 48, 4));
    EXPECT_TRUE(test::within(last, kLossyTolerance)) << last.mean_channel_diff;
}

TEST_F(VideoWriterTest, EncodingThreadDroppedMidwayLeavesNothing) {
    const std::string out = path("thread_cancel.webm");
    {
        auto writer = VideoWriter::open(out, VideoSettings{VideoFormat::kWebm, 64, 48, 10, {}});
        ASSERT_TRUE(writer.ok());
        EncodingThread encoder(std::move(writer).value());
        for (int k = 0; k < 4; ++k) ASSERT_TRUE(encoder.push(test_frame(64, 48, k)).ok());
    }  // a cancel: no finish()
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(video_temp_path(out)));
}

TEST(VideoFormatTest, ExtensionChoosesTheFormatAndUnknownNamesTheSupported) {
    EXPECT_EQ(video_format_for_path("a/b.MP4").value(), VideoFormat::kMp4);
    EXPECT_EQ(video_format_for_path("b.webm").value(), VideoFormat::kWebm);
    EXPECT_EQ(video_format_for_path("b.gif").value(), VideoFormat::kGif);
    auto bad = video_format_for_path("clip.avi");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().message, "clip.avi: unknown animation format '.avi'; supported: .mp4 (H.264), .webm (VP9), .gif");
    EXPECT_FALSE(video_format_for_path("dir.v/clip").ok());
    EXPECT_TRUE(is_video_path("x.Gif"));
    EXPECT_FALSE(is_video_path("x.png"));
}

}  // namespace
}  // namespace em
