// The real eventmap binary, run through the shell.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "support/test_paths.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

using test::lines_of;

// Runs `eventmap ARGS` in a fresh folder with its own cache; stdout and stderr are kept apart.
test::BinaryRun run_eventmap(const std::string& name, const std::string& args) {
    return test::run_eventmap("cli-" + name, args);
}

TEST(CliTest, RenderHelpExitsZeroAndDocumentsEveryOption) {
    const test::BinaryRun r = run_eventmap("render-help", "render --help");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    EXPECT_EQ(r.out.rfind("Usage: eventmap render -o OUT.png", 0), 0u) << r.out;
    for (const char* option : {"-o, --output PATH", "--size WxH", "--view NAME", "--bbox W,S,E,N", "--projection NAME",
                               "--layer PATH", "--date YYYY-MM-DD", "--window DAYS", "--events FILE",
                               "--places FILE", "--samples N", "--scale K", "--no-labels", "--no-graticule",
                               "--no-cache", "--timings", "-h, --help"}) {
        EXPECT_NE(r.out.find(option), std::string::npos) << option;
    }
    for (const char* value : {"sahel-moscow", "central-africa", "equirect", "mercator", "laea"})
        EXPECT_NE(r.out.find(value), std::string::npos) << value;
}

TEST(CliTest, MainHelpExitsZero) {
    const test::BinaryRun r = run_eventmap("main-help", "--help");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("eventmap render"), std::string::npos) << r.out;
}

TEST(CliTest, BadSizeExitsNonZeroWithOneStderrLineNamingSize) {
    const test::BinaryRun r = run_eventmap("bad-size", "render --size 0x5 -o x.png");
    EXPECT_NE(r.status, 0);
    EXPECT_EQ(r.status, 2);  // usage errors exit 2
    const auto lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 1u) << r.err;
    EXPECT_NE(lines[0].find("--size"), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find("0x5"), std::string::npos) << lines[0];
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_FALSE(fs::exists(r.dir / "x.png"));
}

TEST(CliTest, UnknownOptionExitsNonZeroNamingIt) {
    const test::BinaryRun r = run_eventmap("unknown-option", "render -o x.png --frobnicate");
    EXPECT_EQ(r.status, 2);
    const auto lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 1u) << r.err;
    EXPECT_NE(lines[0].find("--frobnicate"), std::string::npos) << lines[0];
}

TEST(CliTest, MissingOutputExitsNonZeroNamingOutput) {
    const test::BinaryRun r = run_eventmap("missing-output", "render --size 64x64");
    EXPECT_EQ(r.status, 2);
    const auto lines = lines_of(r.err);
    ASSERT_EQ(lines.size(), 1u) << r.err;
    EXPECT_NE(lines[0].find("--output"), std::string::npos) << lines[0];
}

// Renders for real (EGL on Mesa, no X server), then fails to write: the message names the path.
TEST(CliTest, OutputIntoMissingFolderExitsNonZeroNamingThePath) {
    const test::BinaryRun r = run_eventmap("missing-dir", "render -o /nonexistent-dir/x.png --size 64x64");
    EXPECT_NE(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("/nonexistent-dir/x.png"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists("/nonexistent-dir"));
    EXPECT_TRUE(r.out.empty()) << r.out;
}

}  // namespace
}  // namespace em
