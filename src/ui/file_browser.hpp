#pragma once

#include <optional>
#include <string>
#include <vector>

namespace em {

// The state of the open-file dialog: where it is, what it lists, and the recent files.
struct FileBrowserState {
    bool open = false;
    std::string folder;                // current folder (absolute)
    std::vector<std::string> recent;   // most recent first
    bool vector_only = true;           // list only files OGR can read (by extension)
    char path_text[1024] = "";
    std::string error;
    std::string title = "Open vector layer";
    std::vector<std::string> extensions = {".shp", ".geojson", ".json", ".gpkg", ".kml", ".kmz", ".gml",
                                           ".gpx", ".fgb", ".tab",  ".mif",  ".sqlite"};
};

// One row of the dialog's listing.
struct FileBrowserEntry {
    std::string name;
    bool folder = false;  // a folder to go into (FileGDB .gdb folders are files: they are opened, not entered)
};

// What the dialog lists for state.folder: folders first, then files, each sorted by name (bytewise). Names
// starting with '.' are hidden. With state.vector_only, files are listed only when their extension (in any case)
// is one of state.extensions or .gdb. A folder that cannot be read gives what was read and "FOLDER: reason" in
// error (left alone otherwise).
std::vector<FileBrowserEntry> list_file_browser_folder(const FileBrowserState& state, std::string& error);

// Draws the dialog when state.open; returns the chosen path (and closes) when the user opens a file.
std::optional<std::string> draw_file_browser(FileBrowserState& state);

// Puts a path at the front of the recent list (at most 10, no duplicates).
void remember_recent(FileBrowserState& state, const std::string& path);

}  // namespace em
