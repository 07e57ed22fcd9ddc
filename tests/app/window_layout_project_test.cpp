// Projects keep the window's frame (issue 13 item 6): splitter sizes, folded side panels and sections survive a
// write and a read; files without it (older ones, those of `eventmap render --save-project`) still open.
#include "app/window/window_layout_project.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "support/test_paths.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

fs::path folder() {
    return test::temp_dir(std::string("window-layout-") +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
}

TEST(WindowLayoutProject, SizesAndSectionsRoundTripThroughTheProjectFile) {
    LayoutSizes sizes;
    sizes.sidebar_w = 312.5f, sizes.inspector_w = 401, sizes.timeline_h = 222;
    sizes.sidebar_open = true, sizes.inspector_open = false;
    const std::map<std::string, bool> sections{{"View", false}, {"Layers", true}, {"Filters", false}, {"Events", true}};
    Project p;
    p.view.projection = "laea";
    p.window = project_window_layout(sizes, sections);
    const fs::path file = folder() / "layout.project.json";
    ASSERT_TRUE(write_project(p, file));
    auto back = read_project(file);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_TRUE(back->warnings.empty()) << back->warnings.front();
    ASSERT_TRUE(back->window.has_value());
    EXPECT_EQ(*back->window, *p.window);
    EXPECT_EQ(back.value(), p);
    const LayoutSizes again = layout_sizes_of(*back->window);
    EXPECT_EQ(again.sidebar_w, 312.5f);
    EXPECT_EQ(again.inspector_w, 401);
    EXPECT_EQ(again.timeline_h, 222);
    EXPECT_TRUE(again.sidebar_open);
    EXPECT_FALSE(again.inspector_open);
    EXPECT_EQ(back->window->sections, sections);
}

TEST(WindowLayoutProject, FilesWithoutAWindowLayoutStillOpenWithout) {
    const fs::path file = folder() / "old.project.json";
    fs::create_directories(file.parent_path());
    std::ofstream(file) << R"({"version": 1, "view": {"projection": "laea", "bbox": [-20, 0, 45, 40]}})";
    auto p = read_project(file);
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_FALSE(p->window.has_value());
    // And a project without one writes none (the command line's projects stay as they were).
    const fs::path again = folder() / "again.project.json";
    ASSERT_TRUE(write_project(p.value(), again));
    std::ifstream in(again);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text.find("\"sidebar_width\""), std::string::npos) << text;  // ("window" is also the time window's key)
}

TEST(WindowLayoutProject, AMalformedLayoutNamesItsPath) {
    const fs::path file = folder() / "bad.project.json";
    fs::create_directories(file.parent_path());
    std::ofstream(file) << R"({"version": 2, "window": {"sidebar_width": "wide"}})";
    auto p = read_project(file);
    ASSERT_FALSE(p);
    EXPECT_NE(p.error().message.find("window.sidebar_width"), std::string::npos) << p.error().message;
}

}  // namespace
}  // namespace em
