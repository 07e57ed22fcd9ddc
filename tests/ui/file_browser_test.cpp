// The open-file dialog (ui/file_browser): what it lists for a folder (order, hidden files, the vector-only
// filter, FileGDB folders, unreadable folders), the recent-files list, and its ImGui side without a renderer.
#include "ui/file_browser.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/test_paths.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

void touch(const fs::path& p) { std::ofstream(p) << "x"; }

// "name" for files, "name/" for folders, in listing order.
std::vector<std::string> names(const std::vector<FileBrowserEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.name + (e.folder ? "/" : ""));
    return out;
}

using Names = std::vector<std::string>;

class FileBrowserTest : public ::testing::Test {
protected:
    void SetUp() override {
        // One folder per test: ctest may run tests of this binary side by side.
        dir_ = test::temp_dir("file_browser-" +
                              std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        for (const char* f : {"roads.shp", "roads.dbf", "roads.shx", "Zones.GeoJSON", "admin.gpkg", "notes.txt",
                              "photo.PNG", "a.kml", "B.SHP", ".hidden.shp", "no_extension"})
            touch(dir_ / f);
        for (const char* d : {"data", "Archive", ".git", "parcels.gdb"}) fs::create_directory(dir_ / d);
        state_.folder = dir_.string();
    }
    fs::path dir_;
    FileBrowserState state_;
};

TEST_F(FileBrowserTest, ListsFoldersFirstThenVectorFilesEachByName) {
    std::string error;
    const auto entries = list_file_browser_folder(state_, error);
    EXPECT_EQ(error, "");
    // Bytewise: capitals first. .dbf/.shx/.txt/.PNG/no extension are not vector sources; dot-files are hidden;
    // parcels.gdb is a FileGDB, listed as a file to open.
    EXPECT_EQ(names(entries), (Names{"Archive/", "data/", "B.SHP", "Zones.GeoJSON", "a.kml", "admin.gpkg",
                                     "parcels.gdb", "roads.shp"}));
}

TEST_F(FileBrowserTest, AllFilesWhenNotVectorOnlyButStillNoHiddenOnes) {
    state_.vector_only = false;
    std::string error;
    EXPECT_EQ(names(list_file_browser_folder(state_, error)),
              (Names{"Archive/", "data/", "B.SHP", "Zones.GeoJSON", "a.kml", "admin.gpkg", "no_extension",
                     "notes.txt", "parcels.gdb", "photo.PNG", "roads.dbf", "roads.shp", "roads.shx"}));
}

TEST_F(FileBrowserTest, TheExtensionListDecidesWhatIsAVectorFile) {
    state_.extensions = {".txt"};
    std::string error;
    EXPECT_EQ(names(list_file_browser_folder(state_, error)), (Names{"Archive/", "data/", "notes.txt", "parcels.gdb"}));
}

TEST_F(FileBrowserTest, AFileGdbFolderIsAFileWhateverItsCase) {
    // GDAL opens FileGDB folders by their .gdb extension in any case, as the dialog matches file extensions.
    fs::create_directory(dir_ / "ROADS.GDB");
    std::string error;
    const auto entries = list_file_browser_folder(state_, error);
    const Names got = names(entries);
    EXPECT_NE(std::find(got.begin(), got.end(), "ROADS.GDB"), got.end()) << testing::PrintToString(got);
    EXPECT_EQ(std::find(got.begin(), got.end(), "ROADS.GDB/"), got.end()) << testing::PrintToString(got);
}

TEST_F(FileBrowserTest, FollowsSymlinksToFolders) {
    fs::create_directory_symlink(dir_ / "data", dir_ / "linked");
    std::string error;
    const Names got = names(list_file_browser_folder(state_, error));
    EXPECT_EQ(got[2], "linked/") << testing::PrintToString(got);
}

TEST_F(FileBrowserTest, AnEmptyFolderListsNothing) {
    state_.folder = (dir_ / "data").string();
    std::string error = "unchanged";
    EXPECT_TRUE(list_file_browser_folder(state_, error).empty());
    EXPECT_EQ(error, "unchanged");  // not an error
}

TEST_F(FileBrowserTest, AMissingFolderIsAnErrorNamingIt) {
    state_.folder = (dir_ / "gone").string();
    std::string error;
    EXPECT_TRUE(list_file_browser_folder(state_, error).empty());
    EXPECT_EQ(error.rfind(state_.folder + ": ", 0), 0u) << error;
    EXPECT_GT(error.size(), state_.folder.size() + 2);  // with a reason
}

TEST_F(FileBrowserTest, AFileIsNotAFolder) {
    state_.folder = (dir_ / "roads.shp").string();
    std::string error;
    EXPECT_TRUE(list_file_browser_folder(state_, error).empty());
    EXPECT_EQ(error.rfind(state_.folder + ": ", 0), 0u) << error;
}

TEST_F(FileBrowserTest, AnUnreadableFolderIsAnError) {
    if (::geteuid() == 0) GTEST_SKIP() << "root reads any folder";
    const fs::path locked = dir_ / "data";
    touch(locked / "inside.shp");
    fs::permissions(locked, fs::perms::none);
    state_.folder = locked.string();
    std::string error;
    const auto entries = list_file_browser_folder(state_, error);
    fs::permissions(locked, fs::perms::owner_all);  // so temp_dir can remove it
    EXPECT_TRUE(entries.empty());
    EXPECT_NE(error.find("ermission denied"), std::string::npos) << error;
}

TEST(RememberRecentTest, NewestFirstWithoutDuplicatesAtMostTen) {
    FileBrowserState s;
    remember_recent(s, "/a.shp");
    remember_recent(s, "/b.shp");
    EXPECT_EQ(s.recent, (Names{"/b.shp", "/a.shp"}));
    remember_recent(s, "/a.shp");  // again: moves to the front, not added twice
    EXPECT_EQ(s.recent, (Names{"/a.shp", "/b.shp"}));
    for (int i = 0; i < 12; ++i) remember_recent(s, "/f" + std::to_string(i) + ".shp");
    ASSERT_EQ(s.recent.size(), 10u);
    EXPECT_EQ(s.recent.front(), "/f11.shp");
    EXPECT_EQ(s.recent.back(), "/f2.shp");  // the oldest dropped first
}

TEST(DrawFileBrowserTest, ClosedDrawsNothingAndOpenStartsInTheCurrentFolder) {
    FileBrowserState s;
    EXPECT_FALSE(draw_file_browser(s).has_value());  // closed: not even an ImGui context is needed
    EXPECT_TRUE(s.folder.empty());

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60;
    io.Fonts->AddFontDefault();
    io.Fonts->Build();
    ImGui::NewFrame();
    s.open = true;
    EXPECT_FALSE(draw_file_browser(s).has_value());  // nothing chosen without input
    ImGui::EndFrame();
    ImGui::DestroyContext();
    EXPECT_TRUE(s.open);
    EXPECT_EQ(s.folder, fs::current_path().string());
}

}  // namespace
}  // namespace em
