#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace em {

// Where eventmap's shipped files live: a folder holding data/ and assets/.
struct DataPaths {
    std::filesystem::path root;

    std::filesystem::path base_map(const std::string& scale) const {
        return root / "data" / "naturalearth" / ("ne_" + scale + "_admin0_countries.shp");
    }
    std::filesystem::path places() const { return root / "data" / "places.csv"; }
    std::filesystem::path events() const { return root / "data" / "events.csv"; }
    std::filesystem::path font() const { return root / "assets" / "fonts" / "DejaVuSans.ttf"; }
};

// Finds the data folder: $EVENTMAP_DATA_DIR, then beside the executable (build tree), then the install prefix
// (<exe>/../share/eventmap, or <exe>/../../share/eventmap from libexec/eventmap/), then each of $XDG_DATA_DIRS/eventmap, then the source tree the binary was built
// from. The error names every place it looked.
Result<DataPaths> find_data_paths(const std::filesystem::path& executable);

}  // namespace em
