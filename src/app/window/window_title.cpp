#include "app/window/window_title.hpp"

#include <filesystem>

namespace em {

std::string window_title(const std::string& project_path, std::optional<Date> date) {
    std::string title = "eventmap";
    if (!project_path.empty()) {
        std::filesystem::path p(project_path);
        std::string name = p.stem().string();
        // "x.project.json" (the project beside an export) reads better as "x".
        if (std::filesystem::path(name).extension() == ".project") name = std::filesystem::path(name).stem().string();
        if (!name.empty()) title += " - " + name;
    }
    if (date) title += " - " + FuzzyDate::of(*date).display();
    return title;
}

}  // namespace em
