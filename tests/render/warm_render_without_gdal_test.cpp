// Issue 18: GDAL is a module (eventmap-gdal.so, geo/gdal_module.hpp) opened only when a file must be read through
// it. A render from a warm cache reads only ~/.cache/eventmap, so it must neither load GDAL's libraries nor even
// need the module; a cold one loads it. The dynamic linker says what it loads (LD_DEBUG=files).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/image.hpp"
#include "export/png_writer.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

// `eventmap-core` (the program itself, not the launcher) at `core` renders a small picture of the shipped base
// map into dir/NAME.png with dir/cache as its cache; the dynamic linker's log goes to dir/NAME.ld.txt.
int render(const fs::path& core, const fs::path& dir, const std::string& name, std::string* output) {
    const std::string command = "cd " + test::quoted(dir.string()) + " && XDG_CACHE_HOME=" +
                                test::quoted((dir / "cache").string()) + " env -u EVENTMAP_MODULE_DIR LD_DEBUG=files LD_DEBUG_OUTPUT=" +
                                test::quoted((dir / (name + ".ld")).string()) + " " + test::quoted(core.string()) +
                                " render -o " + name + ".png --bbox -25,-15,60,65 --size 480x270 --no-labels" +
                                " --no-graticule";
    return test::run_command(command, output);
}

// The dynamic linker's log of one run (LD_DEBUG_OUTPUT appends the process id to the name).
std::string linker_log(const fs::path& dir, const std::string& name) {
    std::string log;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().rfind(name + ".ld.", 0) == 0) log += test::read_text(entry.path());
    return log;
}

TEST(WarmRenderWithoutGdal, ColdRenderLoadsGdalAndAWarmOneNeitherLoadsNorNeedsIt) {
    const fs::path dir = test::temp_dir("warm_render_without_gdal");
    const fs::path core = test::eventmap_binary().parent_path() / "eventmap-core";
    ASSERT_TRUE(fs::exists(core)) << core;

    // Cold: the base map is read from its shapefile, through GDAL's module.
    std::string out;
    ASSERT_EQ(render(core, dir, "cold", &out), 0) << out;
    const std::string cold = linker_log(dir, "cold");
    ASSERT_FALSE(cold.empty()) << "LD_DEBUG wrote nothing";
    EXPECT_NE(cold.find("eventmap-gdal.so"), std::string::npos) << "the cold render did not open GDAL's module";
    EXPECT_NE(cold.find("libgdal.so"), std::string::npos);

    // Warm: the same picture from the cache, without GDAL.
    ASSERT_EQ(render(core, dir, "warm", &out), 0) << out;
    const std::string warm = linker_log(dir, "warm");
    ASSERT_FALSE(warm.empty());
    EXPECT_EQ(warm.find("libgdal.so"), std::string::npos) << "a warm render loaded GDAL";
    EXPECT_EQ(warm.find("eventmap-gdal.so"), std::string::npos) << "a warm render opened GDAL's module";

    // And it does not need the module at all: eventmap-core alone in a folder (no module beside it) draws it too.
    const fs::path alone = dir / "alone";
    fs::create_directories(alone);
    fs::copy_file(core, alone / "eventmap-core");
    ASSERT_EQ(render(alone / "eventmap-core", dir, "alone", &out), 0) << out;

    auto cold_png = read_png((dir / "cold.png").string());
    auto warm_png = read_png((dir / "warm.png").string());
    auto alone_png = read_png((dir / "alone.png").string());
    ASSERT_TRUE(cold_png && warm_png && alone_png);
    EXPECT_EQ(cold_png->pixels, warm_png->pixels);
    EXPECT_EQ(warm_png->pixels, alone_png->pixels);
}

}  // namespace
}  // namespace em
