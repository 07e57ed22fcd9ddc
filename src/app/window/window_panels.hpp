#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/window/window_animation.hpp"
#include "app/window/window_loading.hpp"
#include "app/window/window_preferences.hpp"
#include "app/window/window_view.hpp"
#include "events/event.hpp"
#include "render/label_layout.hpp"
#include "render/map_scene.hpp"
#include "render/point_events.hpp"
#include "ui/export_panel.hpp"
#include "ui/consent_dialog.hpp"
#include "ui/events_list_panel.hpp"
#include "ui/file_browser.hpp"
#include "ui/filter_panel.hpp"
#include "ui/key_presses.hpp"
#include "ui/log_panel.hpp"
#include "ui/panel_section.hpp"
#include "ui/status_bar.hpp"
#include "ui/timeline_panel.hpp"
#include "ui/window_layout.hpp"

struct GLFWwindow;

namespace em {

// The feature last clicked: layer title and its attributes.
struct InspectedFeature {
    std::string layer;
    std::vector<std::pair<std::string, std::string>> values;
};

// What the window's panels keep between frames (what they show, not what the map holds).
struct PanelsState {
    LogState log;
    FileBrowserState browser;                    // File > Open layer
    FileBrowserState project_browser;            // File > Open project / Save project
    bool saving_project = false;                 // the project dialog saves (else it opens)
    std::optional<std::string> startup_project;  // --project: opened at the first frame like File > Open
    ExportState export_state;
    AnimationWindowState animation;  // Export > Animation: a clip made in the background
    TimelineUiState timeline_ui;
    FilterUiState filter_ui;
    const Event* pinned = nullptr;  // the event clicked, shown in the inspector
    std::optional<PointBinSummary> pinned_bin;  // the hexagon bin clicked (when no event is pinned)
    std::optional<InspectedFeature> inspected;
    std::vector<std::string> preset_keys, preset_labels;  // the view presets, in order
    StatusInfo status;                                    // what the status bar shows
    std::string current_project;                          // the project opened last (for the consent dialog)
    std::optional<ConsentRequest> consent;                // sources a file wants off this machine, to ask about
    LayoutSizes layout_sizes;                             // the splitters and folded panels (saved in layout.json)
    std::map<std::string, bool> sections;                 // the side panels' sections: open or folded (in projects)
    std::map<std::string, bool> sections_to_apply;        // from a project just opened, set as the panels draw
    WindowLayout layout;                                  // this frame's panel rectangles (ImGui's pixels)
    EventsListState events_list;
    const Event* hovered_row = nullptr;  // the list's row under the pointer, ringed on the map
    WidgetRects widget_rects;            // --layout-dump: what the panels noted this frame
    std::vector<PlacedLabel> map_labels;  // --layout-dump: the map's labels of the last frame (camera pixels)
    std::string layout_dumped;           // the dump last written
    int panels_copied = 0;               // --layout-dump: panels copied from their pictures last frame (ui/panel_pictures)
    bool reload_events = false;                           // File > Reload events was chosen
    WindowPreferences prefs;          // panels' theme, first-use hint, recent projects (preferences.json)
    MapTheme map_theme = MapTheme::kLight;  // the map's theme chosen (the frame loop restyles the map to it)
    bool help_open = false;           // F1: the keyboard help overlay
    bool hint_open = false;           // the first-launch hint
    bool keep_preferences = false;    // this run saves preferences (not --no-settings or scripted)
    std::string title;                // the window's title set last
};

// The panels at start: the project dialog set up for project files, the view presets listed, --project waiting.
PanelsState make_panels_state(const std::optional<std::string>& startup_project);

// The menu bar (File: open layer, recent files, projects, recent projects, quit; View: themes, log; Help:
// shortcuts, the first-use hint), with each item's shortcut. A recent file starts loading; a recent project opens.
void draw_menu_bar(PanelsState& panels, LoadingState& loading, const Projection& projection, GLFWwindow* window);

// Ctrl+O opens the layer dialog; Ctrl+Q closes the window; F1 and ? show the keyboard help.
void handle_window_shortcuts(PanelsState& panels, const KeyPresses& pressed, GLFWwindow* window);

// The layer dialog; returns the files to open this frame: those dropped on the window (and --layer files, at
// start), then the one chosen in the dialog. Empties `dropped`.
std::vector<std::string> draw_layer_dialog(PanelsState& panels, std::vector<std::string>& dropped);

// The project dialog; returns the file chosen to open or save (panels.saving_project says which). --project is
// returned at the first frame, to be opened.
std::optional<std::string> draw_project_dialog(PanelsState& panels);

// The inspector's Feature section for the feature last clicked; Clear forgets the feature.
void draw_feature_panel(std::optional<InspectedFeature>& inspected);

// The view panel: switches the projection (keeping the centre and scale, re-fitting Home) or jumps to a preset.
void draw_view_panel_and_apply(PanelsState& panels, MapScene& scene, MapView& view, MapRedraw& redraw);

// Hover over the map shows an event's record, or what a hexagon bin holds; a click (press and release in place) pins
// the event or the bin, or else inspects the top-most visible feature under the pointer.
void handle_map_pointer(GLFWwindow* window, PanelsState& panels, MapView& view, MapScene& scene);

// The status bar: lon/lat under the pointer, true ground scale at the view centre, and the status.
void draw_map_status(GLFWwindow* window, StatusInfo& status, const MapView& view, const MapScene& scene,
                     const UiRect& rect);

}  // namespace em
