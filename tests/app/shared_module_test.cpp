// The modules the program opens with dlopen (core/shared_module, video/clip_encoder, vector/pdf_writer), and that
// eventmap-core itself does not link what they link (issue 18: the start of every render), GDAL included.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/shared_module.hpp"
#include "geo/gdal_module.hpp"
#include "support/test_paths.hpp"
#include "vector/pdf_module.hpp"
#include "video/clip_encoder.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

// Sets an environment variable for one scope and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() { old_.empty() ? unsetenv(name_) : setenv(name_, old_.c_str(), 1); }

private:
    const char* name_;
    std::string old_;
};

// The folder eventmap-core (and the modules) were built in.
fs::path build_dir() { return test::eventmap_binary().parent_path(); }

TEST(SharedModuleTest, BothModulesOpenAndExportTheirFactory) {
    ScopedEnv env("EVENTMAP_MODULE_DIR", build_dir().string());
    for (const auto& [file, factory] : {std::pair{kVideoModuleFile, kVideoModuleFactory},
                                        std::pair{kPdfModuleFile, kPdfModuleFactory},
                                        std::pair{kGdalModuleFile, kGdalModuleFactory}}) {
        auto module = SharedModule::open(file);
        ASSERT_TRUE(module) << module.error().message;
        EXPECT_EQ(fs::path(module.value()->path()).filename(), file);
        auto symbol = module.value()->symbol(factory);
        ASSERT_TRUE(symbol) << symbol.error().message;
        EXPECT_NE(symbol.value(), nullptr);
        auto missing = module.value()->symbol("no_such_factory");
        ASSERT_FALSE(missing);
        EXPECT_NE(missing.error().message.find("no_such_factory"), std::string::npos);
    }
}

TEST(SharedModuleTest, MissingModuleIsOneLineNamingWhereItLooked) {
    const fs::path empty = test::temp_dir("shared_module_missing");
    ScopedEnv env("EVENTMAP_MODULE_DIR", empty.string());
    auto module = SharedModule::open("eventmap-nothing.so");
    ASSERT_FALSE(module);
    const std::string& message = module.error().message;
    EXPECT_NE(message.find("eventmap-nothing.so"), std::string::npos) << message;
    EXPECT_NE(message.find(empty.string()), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

TEST(SharedModuleTest, ClipEncoderWithoutTheModuleFailsAndWritesNothing) {
    const fs::path dir = test::temp_dir("shared_module_no_video");
    const fs::path empty = dir / "modules";
    fs::create_directories(empty);
    // (The test executable's own folder, build/tests, and ../../lib/eventmap from it hold no module either.)
    ScopedEnv env("EVENTMAP_MODULE_DIR", empty.string());
    const std::string out = (dir / "clip.mp4").string();
    auto encoder = open_clip_encoder(out, VideoSettings{VideoFormat::kMp4, 64, 48, 30, {}});
    ASSERT_FALSE(encoder);
    EXPECT_EQ(encoder.error().message.rfind(out + ": cannot find the module eventmap-video.so", 0), 0u)
        << encoder.error().message;
    EXPECT_TRUE(fs::is_empty(dir / "modules"));
    EXPECT_FALSE(fs::exists(out));
}

// readelf -d: the program's NEEDED entries name neither FFmpeg's libraries nor cairo; the modules do.
std::string needed_of(const fs::path& file) {
    std::string out;
    EXPECT_EQ(test::run_command("readelf -d '" + file.string() + "' | grep NEEDED", &out), 0) << out;
    return out;
}

TEST(SharedModuleTest, ProgramDoesNotLinkWhatTheModulesLink) {
    const std::string core = needed_of(build_dir() / "eventmap-core");
    ASSERT_NE(core.find("libepoxy"), std::string::npos) << core;  // the listing is real
    for (const char* lib : {"libavcodec", "libavformat", "libswscale", "libavutil", "libimagequant", "libcairo", "libgdal"})
        EXPECT_EQ(core.find(lib), std::string::npos) << lib << " is linked by eventmap-core:\n" << core;
    EXPECT_NE(needed_of(build_dir() / kVideoModuleFile).find("libavcodec"), std::string::npos);
    EXPECT_NE(needed_of(build_dir() / kPdfModuleFile).find("libcairo"), std::string::npos);
    EXPECT_NE(needed_of(build_dir() / kGdalModuleFile).find("libgdal"), std::string::npos);
}

}  // namespace
}  // namespace em
