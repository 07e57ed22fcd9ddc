#include "app/data_paths.hpp"

#include <cstdlib>
#include <sstream>

namespace em {

namespace {
bool looks_like_root(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::exists(p / "data" / "naturalearth", ec) && std::filesystem::exists(p / "assets", ec);
}
}  // namespace

Result<DataPaths> find_data_paths(const std::filesystem::path& executable) {
    std::vector<std::filesystem::path> tried;
    if (const char* env = std::getenv("EVENTMAP_DATA_DIR"); env && *env) {
        // An explicit override is the only place looked at.
        if (looks_like_root(env)) return DataPaths{env};
        return Error{std::string("EVENTMAP_DATA_DIR=") + env + " does not hold data/naturalearth and assets/"};
    }
    std::error_code ec;
    std::filesystem::path exe_dir = std::filesystem::canonical(executable, ec).parent_path();
    if (ec) exe_dir = std::filesystem::absolute(executable, ec).parent_path();
    tried.push_back(exe_dir);
    tried.push_back(exe_dir.parent_path() / "share" / "eventmap");
    tried.push_back(exe_dir.parent_path().parent_path() / "share" / "eventmap");  // from libexec/eventmap/
    const char* xdg = std::getenv("XDG_DATA_DIRS");
    std::stringstream dirs(xdg && *xdg ? xdg : "/usr/local/share:/usr/share");
    for (std::string d; std::getline(dirs, d, ':');)
        if (!d.empty()) tried.push_back(std::filesystem::path(d) / "eventmap");
#ifdef EVENTMAP_SOURCE_DIR
    tried.push_back(EVENTMAP_SOURCE_DIR);
#endif
    for (const auto& p : tried)
        if (looks_like_root(p)) return DataPaths{p};
    std::string msg = "cannot find eventmap's data (data/naturalearth and assets/); looked in:";
    for (const auto& p : tried) msg += " " + p.string();
    msg += "; set EVENTMAP_DATA_DIR to the folder that holds them";
    return Error{msg};
}

}  // namespace em
