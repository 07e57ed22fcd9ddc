#include "app/window/window_layout_panels.hpp"

// The GL loader comes first; GLFW must not pull in its own GL header.
#include "gl/gl_api.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/window/window_layout_project.hpp"
#include "app/window/window_settings.hpp"
#include "ui/panel_section.hpp"
#include "export/png_writer.hpp"
#include "render/actor_style.hpp"
#include "ui/inspector_panel.hpp"
#include "ui/ui_theme.hpp"

namespace em {

namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

// ImGui's pixels to the framebuffer's (the same on X11; HiDPI macOS/Wayland may differ).
UiRect to_framebuffer(const UiRect& r, const MapView& view) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float sx = view.fb_w / std::max(1.0f, display.x), sy = view.fb_h / std::max(1.0f, display.y);
    return {r.x * sx, r.y * sy, r.w * sx, r.h * sy};
}

// The screen point (framebuffer pixels) of a lon/lat, if the projection reaches it.
// A projected point on screen, in ImGui's pixels.
ImVec2 screen_of_world(XY world, const MapView& view) {
    const XY s = to_window_pixels(view, view.camera.to_screen(world));
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    return ImVec2(float(s.x * display.x / std::max(1, view.fb_w)), float(s.y * display.y / std::max(1, view.fb_h)));
}

std::optional<ImVec2> screen_of(GeoPoint p, const MapScene& scene, const MapView& view) {
    const auto world = scene.projection.forward(p);
    if (!world) return std::nullopt;
    return screen_of_world(*world, view);
}

// A chosen event's place off the map: centre the map on it (same scale).
void bring_onto_map(const Event& e, const MapScene& scene, MapView& view, MapRedraw& redraw) {
    const auto world = scene.projection.forward(e.to.position);
    if (!world) return;
    const XY s = to_window_pixels(view, view.camera.to_screen(*world));
    const UiRect& a = view.map_area;
    const float margin = 0.08f * std::min(a.w, a.h);
    if (s.x >= a.x + margin && s.x <= a.right() - margin && s.y >= a.y + margin && s.y <= a.bottom() - margin) return;
    const double dx = (a.x + a.w / 2.0) - s.x, dy = (a.y + a.h / 2.0) - s.y;
    view.camera.pan_pixels(dx, dy);
    redraw.dirty = true;
}

std::filesystem::path layout_file() { return settings_dir() / "layout.json"; }

}  // namespace

LayoutMetrics current_layout_metrics() {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImFont* font = ImGui::GetIO().Fonts->Fonts.Size > 0 ? ImGui::GetIO().Fonts->Fonts[0] : nullptr;
    const float font_px = font ? font->FontSize : 13.0f;
    LayoutMetrics m;
    m.scale = font_px / 15.0f;  // the body font is 15 px at scale 1
    m.menu_h = font_px + 2 * style.FramePadding.y;
    m.status_h = font_px + 2 * style.WindowPadding.y;
    return m;
}

bool update_layout(PanelsState& panels, MapView& view, const Projection& projection) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    panels.layout = compute_layout(display.x, display.y, panels.layout_sizes, current_layout_metrics());
    panels.widget_rects.items.clear();
    return set_map_area(view, to_framebuffer(panels.layout.map, view), projection);
}

void begin_fixed_panel(const char* name, const UiRect& rect) {
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(std::max(1.0f, rect.w), std::max(1.0f, rect.h)));
    begin_frame_window(name, kFixed);
}

namespace {

// Sets the sections a project opened asked for and notes which of this panel's sections are open (the current
// ImGui window is the panel).
// `sections`: each title with the open_at_first its panel gives begin_section.
void sync_sections(PanelsState& panels, std::initializer_list<std::pair<const char*, bool>> sections) {
    for (const auto& [title, open_at_first] : sections) {
        if (auto it = panels.sections_to_apply.find(title); it != panels.sections_to_apply.end()) {
            set_section_open(title, it->second);
            panels.sections_to_apply.erase(it);
        }
        panels.sections[title] = section_open(title, open_at_first);
    }
}

}  // namespace

ProjectWindowLayout current_window_layout(const PanelsState& panels) {
    return project_window_layout(panels.layout_sizes, panels.sections);
}

void apply_window_layout(PanelsState& panels, const ProjectWindowLayout& layout) {
    panels.layout_sizes = layout_sizes_of(layout);
    panels.sections_to_apply = layout.sections;
}

bool begin_sidebar(PanelsState& panels, bool first) {
    begin_fixed_panel("##sidebar", panels.layout.sidebar);
    if (!first) return panels.layout_sizes.sidebar_open;
    sync_sections(panels, {{"View", true}, {"Layers", false}, {"Filters", true}, {"Export", false}});
    // First begun this frame: the fold button and the panel's name.
    note_window("sidebar");
    if (!panels.layout_sizes.sidebar_open) {
        if (ImGui::Button(">")) panels.layout_sizes.sidebar_open = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("open the sidebar: view, layers, filters, export");
        note_item("Sidebar/open");
        return false;
    }
    if (ImGui::SmallButton("<")) panels.layout_sizes.sidebar_open = false;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("fold the sidebar (more map)");
    note_item("Sidebar/fold");
    return true;
}

void draw_splitters(PanelsState& panels) {
    const WindowLayout& l = panels.layout;
    const std::pair<const char*, const UiRect*> gutters[] = {
        {"sidebar_split", &l.sidebar_split}, {"inspector_split", &l.inspector_split}, {"timeline_split", &l.timeline_split}};
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    for (const auto& [name, rect] : gutters) {
        if (rect->w < 1 || rect->h < 1) continue;
        begin_fixed_panel((std::string("##") + name).c_str(), *rect);
        ImGui::InvisibleButton(name, ImVec2(rect->w, rect->h));
        const bool vertical = std::string(name) == "timeline_split";
        if (ImGui::IsItemHovered() || ImGui::IsItemActive())
            ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeNS : ImGuiMouseCursor_ResizeEW);
        const bool lit = ImGui::IsItemHovered() || ImGui::IsItemActive();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(rect->x, rect->y), ImVec2(rect->right(), rect->bottom()),
                                                  ImGui::GetColorU32(lit ? ImGuiCol_SeparatorHovered : ImGuiCol_Border));
        if (ImGui::IsItemActive()) {
            const ImVec2 d = ImGui::GetIO().MouseDelta;
            if (d.x != 0 || d.y != 0) drag_splitter(panels.layout_sizes, l, name, d.x, d.y);
        }
        note_item(std::string("Split/") + name);
        ImGui::End();
    }
    ImGui::PopStyleVar(3);
}

void draw_inspector(PanelsState& panels, const EventState& events, const MapScene& scene, MapView& view,
                    MapRedraw& redraw, const KeyPresses& keys) {
    begin_fixed_panel("##inspector", panels.layout.inspector);
    note_window("inspector");
    sync_sections(panels, {{"Event", true}, {"Feature", true}, {"Events", true}});
    if (!panels.layout_sizes.inspector_open) {
        if (ImGui::Button("<")) panels.layout_sizes.inspector_open = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("open the inspector: the pinned event and the events list");
        note_item("Inspector/open");
        ImGui::End();
        return;
    }
    if (ImGui::SmallButton(">")) panels.layout_sizes.inspector_open = false;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("fold the inspector (more map)");
    draw_inspector_panel(panels.pinned, &panels.pinned_bin);
    draw_feature_panel(panels.inspected);
    // The list follows the time window and the filters.
    EventsListState& list = panels.events_list;
    const TimeWindow& w = events.timeline.window;
    if (!(list.shown_filter == events.filter)) list.index_stale = true;
    // A moving clock is followed a few times a second (list_follows_clock); filters, search and sort at once.
    const bool follow_clock = list_follows_clock(list, w, ImGui::GetTime());
    if (follow_clock || !(list.shown_filter == events.filter) || list.stale) {
        list.shown_window = w;
        list.shown_filter = events.filter;
        list.stale = true;
    }
    // Events loaded again (a project opened): the rows' pointers are out of date.
    const Event* first = events.set.events.empty() ? nullptr : &events.set.events.front();
    if (list.shown_first != first || list.shown_count != events.set.events.size()) {
        list.shown_first = first;
        list.shown_count = events.set.events.size();
        list.stale = list.index_stale = true;
    }
    // The index follows a filter change a frame later (refresh_event_state): until then the rows wait.
    const bool ready = events.visible_index.built_for(events.set.events, events.filter);
    const EventsListAction action = draw_events_list(list, ready ? &events.visible_index : nullptr, w, panels.pinned, keys);
    panels.hovered_row = action.hovered;
    if (action.selected) {
        panels.pinned = action.selected;
        panels.pinned_bin.reset();
        bring_onto_map(*action.selected, scene, view, redraw);
    }
    ImGui::End();
}

void highlight_events_on_map(const PanelsState& panels, const MapScene& scene, const MapView& view) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();  // over the map, under every panel
    const float em = ImGui::GetFontSize();
    auto ring = [&](const Event* e, float radius, float thickness) {
        if (!e) return;
        const Color c = ui_party_color(e->party());
        const ImU32 colour = ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, 1));
        const ImU32 halo = IM_COL32(255, 255, 255, 230);
        const auto to = screen_of(e->to.position, scene, view);
        const auto from = e->from ? screen_of(e->from->position, scene, view) : std::nullopt;
        for (const auto& at : {to, from}) {
            if (!at) continue;
            draw->AddCircle(*at, radius, halo, 0, thickness + 3);
            draw->AddCircle(*at, radius, colour, 0, thickness);
        }
    };
    draw->PushClipRect(ImVec2(panels.layout.map.x, panels.layout.map.y),
                       ImVec2(panels.layout.map.right(), panels.layout.map.bottom()));
    ring(panels.pinned, 0.9f * em, 2.5f);
    if (panels.hovered_row != panels.pinned) ring(panels.hovered_row, 0.7f * em, 2.0f);
    if (panels.pinned_bin && !panels.pinned) {  // the pinned hexagon's outline (the grid's cell, where it was binned)
        ImVec2 corners[6];
        int k = 0;
        for (const XY& c : hex_corners(panels.pinned_bin->centre, panels.pinned_bin->radius))
            corners[k++] = screen_of_world(c, view);
        draw->AddPolyline(corners, 6, IM_COL32(255, 255, 255, 230), ImDrawFlags_Closed, 5.0f);
        draw->AddPolyline(corners, 6, IM_COL32(26, 26, 26, 255), ImDrawFlags_Closed, 2.0f);
    }
    draw->PopClipRect();
}

void keep_list_keys_from_map(const PanelsState& panels, KeyPresses& keys) {
    if (!panels.events_list.focused) return;
    std::erase_if(keys.presses, [](const KeyPress& k) {
        return k.key == GLFW_KEY_UP || k.key == GLFW_KEY_DOWN || k.key == GLFW_KEY_PAGE_UP || k.key == GLFW_KEY_PAGE_DOWN;
    });
}

void write_layout_dump(PanelsState& panels, const std::string& path, const EventState& events, const MapScene& scene,
                       const MapView& view) {
    if (path.empty()) return;
    nlohmann::json j;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    j["width"] = display.x;
    j["height"] = display.y;
    j["scale"] = panels.layout.scale;
    auto rect = [](const UiRect& r) { return nlohmann::json::array({r.x, r.y, r.w, r.h}); };
    for (const auto& [name, r] : named_rects(panels.layout)) j["layout"][name] = rect(r);
    // What ImGui drew: "panel/NAME" for the panels, the rest for the widgets tests click.
    for (const auto& [name, r] : panels.widget_rects.items) {
        if (name.rfind("panel/", 0) == 0)
            j["panels"][name.substr(6)] = rect(r);
        else
            j["widgets"][name] = rect(r);
    }
    // The camera: its size (the map area's, framebuffer pixels), where it sits and the projected box it shows, so
    // that a test can check an export against what the window shows.
    const BBox frame = view.camera.visible();
    j["camera"] = {{"size", {view.camera.width(), view.camera.height()}},
                   {"area", rect(view.map_area)},
                   {"frame", {frame.min_x, frame.min_y, frame.max_x, frame.max_y}}};
    // The map's labels (the last frame's, window pixels) and its pixel scale, for tests that the map follows the UI's scale.
    j["map"]["pixel_scale"] = view.pixel_scale;
    j["map"]["labels"] = nlohmann::json::array();
    for (const PlacedLabel& l : panels.map_labels) {
        const XY tl = to_window_pixels(view, {l.box[0], l.box[1]}), br = to_window_pixels(view, {l.box[2], l.box[3]});
        j["map"]["labels"].push_back({{"text", l.text}, {"size", l.size}, {"box", {tl.x, tl.y, br.x, br.y}}});
    }
    j["panels_copied"] = panels.panels_copied;
    j["pinned"] = panels.pinned ? panels.pinned->id : "";
    j["pinned_place"] = panels.pinned ? panels.pinned->to.name : "";
    if (panels.pinned_bin) {
        const PointBinSummary& b = *panels.pinned_bin;
        nlohmann::json types = nlohmann::json::array();
        for (const auto& [type, count] : b.types) types.push_back({type, count});
        j["pinned_bin"] = {{"count", b.count}, {"fatalities", b.fatalities}, {"types", types},
                           {"first", b.first.iso()}, {"last", b.last.iso()}};
    }
    // Where the drawn hexagon bins are (their centres on screen, with their counts), for tests to point at one.
    if (scene.events) {
        const PointEventLayout& layout = scene.events->points.layout(view.camera, view.pixel_scale);
        if (layout.aggregated) {
            const UiRect& m = panels.layout.map;
            std::vector<const PointEventBin*> on_screen;
            for (const PointEventBin& b : layout.bins) {
                const ImVec2 at = screen_of_world(b.centre, view);
                if (at.x > m.x && at.x < m.right() && at.y > m.y && at.y < m.bottom()) on_screen.push_back(&b);
            }
            std::stable_sort(on_screen.begin(), on_screen.end(),
                             [](const auto* a, const auto* b) { return a->count > b->count; });
            j["bins"] = nlohmann::json::array();
            for (std::size_t i = 0; i < on_screen.size() && i < 5; ++i) {
                const ImVec2 at = screen_of_world(on_screen[i]->centre, view);
                j["bins"].push_back({at.x, at.y, on_screen[i]->count});
            }
        }
    }
    // Where the places of the events are on screen, so that tests look at a country, not at fixed pixels.
    for (const Place& p : events.places.places)
        if (const auto at = screen_of(p.position, scene, view)) j["places"][p.name] = {at->x, at->y};
    j["theme"] = {{"panels", ui_theme_name(current_ui_theme())}, {"map", theme_name(panels.map_theme)}};
    j["title"] = panels.title;
    j["help_open"] = panels.help_open;
    j["hint_open"] = panels.hint_open;
    j["list_rows"] = panels.events_list.rows.size();
    j["list_search"] = std::string(panels.events_list.search);
    j["list"] = nlohmann::json::array();  // the first rows, as sorted: id, kind, date
    for (size_t i = 0; i < panels.events_list.rows.size() && i < 5; ++i) {
        const Event& e = *panels.events_list.rows[i];
        j["list"].push_back({e.id, std::string(kind_name(e.kind)), e.first_day().iso()});
    }
    const std::string text = j.dump();
    if (text == panels.layout_dumped) return;
    if (auto ok = write_file_atomically(path, text + "\n"); !ok)
        std::cerr << "eventmap: " << ok.error().message << "\n";
    panels.layout_dumped = text;
}

LayoutSizes load_layout_sizes() {
    LayoutSizes sizes;
    std::ifstream in(layout_file());
    if (!in) return sizes;
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object()) {
        std::cerr << "eventmap: " << layout_file().string() << ": not JSON; the panels start at their default sizes\n";
        return sizes;
    }
    sizes.sidebar_w = j.value("sidebar_width", sizes.sidebar_w);
    sizes.inspector_w = j.value("inspector_width", sizes.inspector_w);
    sizes.timeline_h = j.value("timeline_height", sizes.timeline_h);
    sizes.sidebar_open = j.value("sidebar_open", sizes.sidebar_open);
    sizes.inspector_open = j.value("inspector_open", sizes.inspector_open);
    return sizes;
}

void save_layout_sizes(const LayoutSizes& sizes) {
    const nlohmann::json j = {{"sidebar_width", sizes.sidebar_w},     {"inspector_width", sizes.inspector_w},
                              {"timeline_height", sizes.timeline_h},  {"sidebar_open", sizes.sidebar_open},
                              {"inspector_open", sizes.inspector_open}};
    if (auto ok = write_file_atomically(layout_file().string(), j.dump(2) + "\n"); !ok)
        std::cerr << "eventmap: panel sizes not saved: " << ok.error().message << "\n";
}

}  // namespace em
