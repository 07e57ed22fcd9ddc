#pragma once

#include <optional>
#include <string>
#include <vector>

namespace em {

// A source with several layers (a GeoPackage, say) waiting for the user to pick the layers to open.
struct LayerChoice {
    std::string path;
    std::vector<std::string> names;  // the source's layers, in its order
    std::vector<char> chosen;        // per name (char, not bool: ImGui::Checkbox needs a bool it can point into)
};

// True for files of the kinds that may hold several layers, by extension (any case): GeoPackage, SQLite, File
// Geodatabase, KML, GML. Others (shapefile, GeoJSON) hold one layer, and listing them can mean reading the whole
// file, so they are opened directly.
bool may_hold_several_layers(const std::string& path);

// Draws a window for the first pending choice: one checkbox per layer (all ticked at first), Open and Cancel.
// Returns the choice once the user opens it with at least one layer ticked; a confirmed or cancelled choice
// leaves `pending`.
std::optional<LayerChoice> draw_layer_chooser(std::vector<LayerChoice>& pending);

}  // namespace em
