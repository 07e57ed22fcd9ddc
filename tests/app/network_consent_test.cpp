// Issue 20: the window's answers remembered per project live in the user's settings folder, keyed by the
// project's full path, never in the project file.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/window/window_project.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

TEST(NetworkConsentTest, RememberedPerProjectInTheSettingsFolder) {
    const fs::path dir = test::temp_dir("network-consent");
    const char* old = std::getenv("XDG_CONFIG_HOME");
    const std::string saved = old ? old : "";
    ::setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
    fs::create_directories(dir / "maps");
    std::ofstream(dir / "maps" / "a.json") << R"({"version": 2, "layers": []})";
    const std::string a = (dir / "maps" / "a.json").string();
    const std::string b = (dir / "maps" / "b.json").string();
    EXPECT_TRUE(remembered_sources(a).empty());
    LogState log;
    remember_sources(a, {"/vsicurl/http://127.0.0.1:8765/sahel.geojson", "PG:host=db dbname=news"}, log);
    EXPECT_EQ(remembered_sources(a),
              (std::vector<std::string>{"/vsicurl/http://127.0.0.1:8765/sahel.geojson", "PG:host=db dbname=news"}));
    // The same project by another spelling of its path; another project gets nothing.
    EXPECT_EQ(remembered_sources((dir / "maps" / ".." / "maps" / "a.json").string()).size(), 2u);
    EXPECT_TRUE(remembered_sources(b).empty());
    // The project file itself is untouched.
    std::ifstream in(a);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_EQ(text, R"({"version": 2, "layers": []})");
    EXPECT_TRUE(fs::exists(dir / "config" / "eventmap" / "allowed-sources.tsv"));
    if (old) {
        ::setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
    } else {
        ::unsetenv("XDG_CONFIG_HOME");
    }
}

}  // namespace
}  // namespace em
