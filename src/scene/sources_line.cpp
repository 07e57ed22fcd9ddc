#include "scene/sources_line.hpp"

namespace em {

std::string sources_line(const Project& doc, const std::string& projection_label) {
    std::string line = "Base map: Natural Earth (public domain)";
    if (doc.events.show) {
        if (doc.events.files.empty()) {
            line += ". Events: eventmap dataset, each event with its source (data/README.md)";
        } else {
            line += ". Events: ";
            for (std::size_t i = 0; i < doc.events.files.size(); ++i)
                line += (i ? ", " : "") + doc.events.files[i].filename().string();
        }
    }
    for (const auto& layer : doc.layers)
        if (layer.style.visible) line += ". Layer: " + (layer.title.empty() ? layer.path.filename().string() : layer.title);
    return line + ". Projection: " + projection_label;
}

}  // namespace em
