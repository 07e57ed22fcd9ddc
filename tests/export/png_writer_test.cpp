#include "export/png_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "support/test_paths.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

// An image where every pixel differs from its neighbours in every channel, alpha included.
Image test_pattern(int w, int h) {
    Image img(w, h);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = img.row(y) + x * 4;
            p[0] = static_cast<std::uint8_t>(x * 7 + y);
            p[1] = static_cast<std::uint8_t>(y * 13 + x * 3);
            p[2] = static_cast<std::uint8_t>((x ^ y) * 5);
            p[3] = static_cast<std::uint8_t>(255 - ((x + y) % 256));
        }
    }
    return img;
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(PngWriterTest, WriteThenReadGivesIdenticalPixels) {
    const auto dir = test::temp_dir("png-roundtrip");
    const auto path = (dir / "pattern.png").string();
    const Image img = test_pattern(37, 23);  // odd sizes catch stride mistakes
    auto written = write_png(img, path);
    ASSERT_TRUE(written) << written.error().message;
    auto back = read_png(path);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->width, 37);
    EXPECT_EQ(back->height, 23);
    EXPECT_EQ(back->pixels, img.pixels);
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"pattern.png"});  // no temporary left
}

// encode_png cuts the picture into one band per thread, deflated apart and joined (pigz's way): every count of
// bands, up to one per 64 rows, must decode to the same pixels, on a picture with both noise and long flat runs (a
// map's areas, what Z_RLE meets most) and bands that do not divide its height evenly.
TEST(PngWriterTest, BandedEncodingDecodesToTheSamePixelsForAnyNumberOfBands) {
    const auto dir = test::temp_dir("png-bands");
    Image img = test_pattern(301, 517);
    for (int y = 100; y < 400; ++y)
        for (int x = 0; x < 301; ++x) std::fill_n(img.row(y) + x * 4, 4, static_cast<std::uint8_t>(y < 250 ? 40 : 200));
    std::string one_band;
    for (int threads : {1, 2, 3, 5, 8, 100}) {
        auto encoded = encode_png(img, threads);
        ASSERT_TRUE(encoded) << encoded.error().message;
        if (threads == 1) one_band = encoded.value();
        if (threads > 1) EXPECT_NE(encoded.value(), one_band) << threads << " bands gave one band's bytes";
        const auto path = (dir / ("bands" + std::to_string(threads) + ".png")).string();
        ASSERT_TRUE(write_file_atomically(path, encoded.value()));
        auto back = read_png(path);
        ASSERT_TRUE(back) << threads << " bands: " << back.error().message;
        EXPECT_EQ(back->width, 301);
        EXPECT_EQ(back->height, 517);
        EXPECT_EQ(back->pixels, img.pixels) << threads << " bands";
    }
}

// The colour type in the IHDR chunk: byte 25 of the file (signature 8, chunk length 4, "IHDR" 4, width 4,
// height 4, bit depth 1).
int colour_type(const std::string& png) { return static_cast<unsigned char>(png.at(25)); }

// A picture with no translucent pixel (every map render) is written as RGB: a quarter fewer bytes to encode, and
// any reader gives back alpha 255. Widths around the filter's 16-byte steps, every count of bands.
TEST(PngWriterTest, OpaquePictureIsWrittenAsRgbAndDecodesToTheSamePixels) {
    const auto dir = test::temp_dir("png-opaque");
    for (int width : {1, 3, 4, 5, 7, 301}) {
        Image img = test_pattern(width, 203);
        for (std::size_t i = 3; i < img.pixels.size(); i += 4) img.pixels[i] = 255;
        for (int y = 50; y < 150; ++y)  // flat runs, as a map's areas
            for (int x = 0; x < width; ++x) std::fill_n(img.row(y) + x * 4, 3, static_cast<std::uint8_t>(y < 90 ? 40 : 200));
        for (int threads : {1, 2, 3}) {
            auto encoded = encode_png(img, threads);
            ASSERT_TRUE(encoded) << encoded.error().message;
            EXPECT_EQ(colour_type(encoded.value()), 2) << "width " << width << ", " << threads << " bands";
            const auto path = (dir / ("opaque.png")).string();
            ASSERT_TRUE(write_file_atomically(path, encoded.value()));
            auto back = read_png(path);
            ASSERT_TRUE(back) << back.error().message;
            EXPECT_EQ(back->pixels, img.pixels) << "width " << width << ", " << threads << " bands";
        }
    }
}

// Bands are deflated in sub-streams of whole rows under 64 KB; a row longer than that (17,000 RGBA pixels: 68 KB) is a
// sub-stream of its own, in which zlib slides its window as usual.
TEST(PngWriterTest, RowsLongerThanASubStreamDecodeToTheSamePixels) {
    const auto dir = test::temp_dir("png-long-rows");
    for (bool opaque : {false, true}) {
        Image img = test_pattern(17000, 7);
        if (opaque)
            for (std::size_t i = 3; i < img.pixels.size(); i += 4) img.pixels[i] = 255;
        auto encoded = encode_png(img, 1);
        ASSERT_TRUE(encoded) << encoded.error().message;
        const auto path = (dir / "long.png").string();
        ASSERT_TRUE(write_file_atomically(path, encoded.value()));
        auto back = read_png(path);
        ASSERT_TRUE(back) << back.error().message;
        EXPECT_EQ(back->pixels, img.pixels) << (opaque ? "RGB" : "RGBA");
    }
}

// Wherever it is: among the bytes checked sixteen at a time, or in the tail after them (3x3: 36 bytes).
TEST(PngWriterTest, OneTranslucentPixelKeepsTheAlphaChannel) {
    const auto dir = test::temp_dir("png-translucent");
    for (auto [w, h, x, y] : {std::array{40, 30, 39, 29}, std::array{40, 30, 0, 0}, std::array{40, 30, 17, 11},
                              std::array{3, 3, 2, 2}, std::array{3, 3, 1, 1}}) {
        Image img = Image::filled(w, h, 255);
        img.row(y)[x * 4 + 3] = 254;
        auto encoded = encode_png(img, 2);
        ASSERT_TRUE(encoded) << encoded.error().message;
        EXPECT_EQ(colour_type(encoded.value()), 6) << w << "x" << h << ", pixel " << x << "," << y;
        const auto path = (dir / "t.png").string();
        ASSERT_TRUE(write_file_atomically(path, encoded.value()));
        auto back = read_png(path);
        ASSERT_TRUE(back) << back.error().message;
        EXPECT_EQ(back->pixels, img.pixels) << w << "x" << h << ", pixel " << x << "," << y;
    }
}

TEST(PngWriterTest, FileStartsWithPngSignature) {
    const auto dir = test::temp_dir("png-signature");
    const auto path = dir / "s.png";
    ASSERT_TRUE(write_png(test_pattern(4, 4), path.string()));
    EXPECT_EQ(read_bytes(path).substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST(PngWriterTest, MissingFolderIsAnErrorNamingThePathAndLeavesNoFile) {
    const auto dir = test::temp_dir("png-missing-folder");
    const auto path = (dir / "no-such-folder" / "out.png").string();
    auto written = write_png(test_pattern(4, 4), path);
    ASSERT_FALSE(written);
    EXPECT_NE(written.error().message.find(path), std::string::npos) << written.error().message;
    EXPECT_NE(written.error().message.find("does not exist"), std::string::npos) << written.error().message;
    EXPECT_FALSE(fs::exists(dir / "no-such-folder"));
    EXPECT_TRUE(names_in(dir).empty());
}

TEST(PngWriterTest, TargetThatIsAFolderIsAnErrorAndTheFolderSurvives) {
    const auto dir = test::temp_dir("png-folder-target");
    fs::create_directory(dir / "taken.png");
    const auto path = (dir / "taken.png").string();
    auto written = write_png(test_pattern(4, 4), path);
    ASSERT_FALSE(written);
    EXPECT_NE(written.error().message.find(path), std::string::npos) << written.error().message;
    EXPECT_TRUE(fs::is_directory(dir / "taken.png"));
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"taken.png"});
}

TEST(PngWriterTest, OverwritingReplacesTheFileAtomicallyWithNoTemporaryLeft) {
    const auto dir = test::temp_dir("png-overwrite");
    const auto path = dir / "map.png";
    {
        std::ofstream(path, std::ios::binary) << "old contents, not a PNG";
    }
    // Another name for the old file: a rename over the target leaves it intact (a truncate-and-write would not).
    fs::create_hard_link(path, dir / "old-link");
    const auto old_inode_bytes = read_bytes(dir / "old-link");

    const Image img = test_pattern(16, 9);
    auto written = write_png(img, path.string());
    ASSERT_TRUE(written) << written.error().message;

    auto back = read_png(path.string());
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->pixels, img.pixels);
    EXPECT_EQ(read_bytes(dir / "old-link"), old_inode_bytes);  // the new file is a new inode, renamed into place
    EXPECT_EQ(fs::hard_link_count(path), 1u);
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{"map.png", "old-link"}));
}

TEST(PngWriterTest, EmptyImageIsAnErrorAndLeavesNoFile) {
    const auto dir = test::temp_dir("png-empty");
    const auto path = (dir / "empty.png").string();
    auto written = write_png(Image(0, 0), path);
    ASSERT_FALSE(written);
    EXPECT_NE(written.error().message.find(path), std::string::npos) << written.error().message;
    EXPECT_TRUE(names_in(dir).empty());
}

TEST(PngWriterTest, ReadingSomethingThatIsNotAPngIsAnErrorNamingIt) {
    const auto dir = test::temp_dir("png-not-png");
    const auto path = (dir / "fake.png").string();
    std::ofstream(path, std::ios::binary) << "GIF89a not really";
    auto img = read_png(path);
    ASSERT_FALSE(img);
    EXPECT_NE(img.error().message.find(path), std::string::npos) << img.error().message;
    auto missing = read_png((dir / "missing.png").string());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("missing.png"), std::string::npos);
}

TEST(WriteFileAtomicallyTest, WritesAndReplacesWithNoTemporaryLeft) {
    const auto dir = test::temp_dir("atomic-write");
    const auto path = (dir / "out.txt").string();
    ASSERT_TRUE(write_file_atomically(path, "first"));
    EXPECT_EQ(read_bytes(path), "first");
    ASSERT_TRUE(write_file_atomically(path, std::string("second\0binary", 13)));
    EXPECT_EQ(read_bytes(path), std::string("second\0binary", 13));
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"out.txt"});
}

TEST(WriteFileAtomicallyTest, MissingFolderIsAnErrorNamingThePath) {
    const auto dir = test::temp_dir("atomic-missing");
    const auto path = (dir / "nope" / "out.txt").string();
    auto st = write_file_atomically(path, "x");
    ASSERT_FALSE(st);
    EXPECT_NE(st.error().message.find(path), std::string::npos) << st.error().message;
    EXPECT_TRUE(names_in(dir).empty());
}

}  // namespace
}  // namespace em
