// `eventmap render` and projects: a map saved with --save-project redraws identically with --project; options
// given beside --project override it; an older project file still draws. Runs the real binary.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "export/png_writer.hpp"
#include "scene/project.hpp"
#include "support/golden.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

int render(const std::string& args, std::string* out = nullptr) {
    std::string ignored;
    return test::run_command(test::eventmap_binary().string() + " render " + args, out ? out : &ignored);
}

Image read(const fs::path& p) {
    auto image = read_png(p.string());
    EXPECT_TRUE(image) << p;
    return image ? std::move(image).value() : Image{};
}

TEST(ProjectRender, SavedProjectRedrawsTheSamePixels) {
    const fs::path dir = test::temp_dir("project-render-same");
    const std::string layer = (test::source_dir() / "tests" / "fixtures" / "polygons.geojson").string();
    std::string out;
    ASSERT_EQ(render("-o " + (dir / "a.png").string() + " --size 640x400 --date 2024-08-13 --window 45 --title T" +
                         " --inset --no-graticule --layer " + layer + " --save-project " + (dir / "p.json").string(),
                     &out),
              0)
        << out;
    ASSERT_EQ(render("--project " + (dir / "p.json").string() + " -o " + (dir / "b.png").string(), &out), 0) << out;
    const Image a = read(dir / "a.png"), b = read(dir / "b.png");
    ASSERT_EQ(a.width, 640);
    ASSERT_EQ(b.height, 400);
    EXPECT_TRUE(a.pixels == b.pixels) << "the project redraws differently";
    // The project says what was drawn.
    auto p = read_project(dir / "p.json");
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_EQ(p->time.days, 45);
    EXPECT_EQ(p->decorations.title, "T");
    EXPECT_TRUE(p->decorations.inset);
    EXPECT_FALSE(p->map.graticule);
    ASSERT_EQ(p->layers.size(), 1u);
    EXPECT_FALSE(p->layers[0].styled);
    EXPECT_EQ(p->output.width, 640);
}

TEST(ProjectRender, OptionsBesideTheProjectOverrideIt) {
    const fs::path dir = test::temp_dir("project-render-override");
    std::string out;
    ASSERT_EQ(render("-o " + (dir / "a.png").string() + " --size 640x400 --date 2024-08-13 --save-project " +
                         (dir / "p.json").string(),
                     &out),
              0)
        << out;
    // Another size and no scale bar: the picture changes accordingly, the project file does not.
    ASSERT_EQ(render("--project " + (dir / "p.json").string() + " -o " + (dir / "b.png").string() +
                         " --size 320x320 --no-scale-bar",
                     &out),
              0)
        << out;
    const Image b = read(dir / "b.png");
    EXPECT_EQ(b.width, 320);
    EXPECT_EQ(b.height, 320);
    ASSERT_EQ(render("--project " + (dir / "p.json").string() + " -o " + (dir / "c.png").string() + " --size 320x320",
                     &out),
              0)
        << out;
    const test::ImageDiff d = test::compare_images(b, read(dir / "c.png"));
    EXPECT_GT(d.worst_tile_fraction_over, 0.1) << "--no-scale-bar beside --project had no effect";
    EXPECT_EQ(read_project(dir / "p.json")->output.width, 640);
}

TEST(ProjectRender, Version1ProjectIsFramedFromItsBox) {
    const fs::path dir = test::temp_dir("project-render-v1");
    const fs::path v1 = test::source_dir() / "tests" / "fixtures" / "projects" / "v1_army2024.json";
    std::string out;
    ASSERT_EQ(render("--project " + v1.string() + " -o " + (dir / "v1.png").string() + " --size 480x360", &out), 0)
        << out;
    const Image img = read(dir / "v1.png");
    EXPECT_EQ(img.width, 480);
    EXPECT_EQ(img.height, 360);
}

TEST(ProjectRender, MissingOrBrokenProjectIsOneLineAndNoPicture) {
    const fs::path dir = test::temp_dir("project-render-bad");
    std::string out;
    EXPECT_EQ(render("--project " + (dir / "none.json").string() + " -o " + (dir / "x.png").string(), &out), 1);
    EXPECT_NE(out.find("none.json: no such file"), std::string::npos) << out;
    std::ofstream(dir / "bad.json") << R"({"output": {"width": "wide"}})";
    EXPECT_EQ(render("--project " + (dir / "bad.json").string() + " -o " + (dir / "x.png").string(), &out), 1);
    EXPECT_NE(out.find("bad.json: output.width: expected a whole number"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "x.png"));
}

}  // namespace
}  // namespace em
