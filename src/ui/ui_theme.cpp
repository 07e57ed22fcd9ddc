#include "ui/ui_theme.hpp"

#include <imgui.h>

#include "scene/style.hpp"

namespace em {

namespace {

ImVec4 grey(float v, float a = 1.0f) { return ImVec4(v, v, v, a); }

void light_colours(ImVec4* c) {
    ImGui::StyleColorsLight();
    c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.92f, 0.92f, 0.91f, 1);
    c[ImGuiCol_Header] = ImVec4(0.86f, 0.86f, 0.85f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.80f, 0.80f, 0.79f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.74f, 0.74f, 0.73f, 1);
    c[ImGuiCol_Button] = ImVec4(0.88f, 0.88f, 0.87f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.80f, 0.79f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.70f, 0.70f, 0.69f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.93f, 0.93f, 0.92f, 1);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.88f, 0.88f, 0.87f, 1);
    c[ImGuiCol_CheckMark] = grey(0.20f);
    c[ImGuiCol_SliderGrab] = grey(0.45f);
    c[ImGuiCol_SliderGrabActive] = grey(0.30f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.85f, 0.85f, 0.84f, 1);
    c[ImGuiCol_Border] = ImVec4(0.78f, 0.78f, 0.77f, 1);
    c[ImGuiCol_SeparatorHovered] = grey(0.45f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.90f, 0.90f, 0.89f, 1);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0, 0, 0, 0.03f);
}

// Dark greys a step apart (panel, frame, header, hover), text at 90 % white: the body text has over 12:1 contrast
// on the panels and the disabled text over 4.5:1, as in QGIS's "Night Mapping" and kepler.gl's side panel.
void dark_colours(ImVec4* c) {
    ImGui::StyleColorsDark();
    c[ImGuiCol_Text] = grey(0.90f);
    c[ImGuiCol_TextDisabled] = grey(0.60f);
    c[ImGuiCol_WindowBg] = ImVec4(0.125f, 0.133f, 0.145f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = ImVec4(0.15f, 0.16f, 0.17f, 0.98f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.17f, 0.18f, 0.19f, 1);
    c[ImGuiCol_Header] = ImVec4(0.24f, 0.25f, 0.27f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.30f, 0.31f, 0.33f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.36f, 0.37f, 0.39f, 1);
    c[ImGuiCol_Button] = ImVec4(0.23f, 0.24f, 0.26f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.30f, 0.31f, 0.33f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.38f, 0.39f, 0.41f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(0.085f, 0.09f, 0.10f, 1);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.19f, 0.20f, 0.21f, 1);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.24f, 0.25f, 0.27f, 1);
    c[ImGuiCol_CheckMark] = grey(0.88f);
    c[ImGuiCol_SliderGrab] = grey(0.60f);
    c[ImGuiCol_SliderGrabActive] = grey(0.75f);
    c[ImGuiCol_TitleBg] = ImVec4(0.15f, 0.16f, 0.17f, 1);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.20f, 0.21f, 0.22f, 1);
    c[ImGuiCol_Border] = ImVec4(0.30f, 0.31f, 0.33f, 1);
    c[ImGuiCol_Separator] = ImVec4(0.30f, 0.31f, 0.33f, 1);
    c[ImGuiCol_SeparatorHovered] = grey(0.60f);
    c[ImGuiCol_SeparatorActive] = grey(0.70f);
    c[ImGuiCol_ResizeGrip] = grey(0.35f, 0.5f);
    c[ImGuiCol_ResizeGripHovered] = grey(0.55f, 0.7f);
    c[ImGuiCol_ResizeGripActive] = grey(0.70f, 0.9f);
    c[ImGuiCol_Tab] = ImVec4(0.20f, 0.21f, 0.22f, 1);
    c[ImGuiCol_TabHovered] = ImVec4(0.30f, 0.31f, 0.33f, 1);
    c[ImGuiCol_TabActive] = ImVec4(0.26f, 0.27f, 0.29f, 1);
    c[ImGuiCol_PlotHistogram] = grey(0.62f);
    c[ImGuiCol_PlotHistogramHovered] = grey(0.80f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.19f, 0.20f, 0.21f, 1);
    c[ImGuiCol_TableBorderStrong] = ImVec4(0.32f, 0.33f, 0.35f, 1);
    c[ImGuiCol_TableBorderLight] = ImVec4(0.25f, 0.26f, 0.28f, 1);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.03f);
    c[ImGuiCol_TextSelectedBg] = grey(0.45f, 0.6f);
    c[ImGuiCol_NavHighlight] = grey(0.75f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.5f);
}

}  // namespace

void apply_ui_theme(UiTheme theme) {
    ImVec4* c = ImGui::GetStyle().Colors;
    if (theme == UiTheme::kDark) {
        dark_colours(c);
    } else {
        light_colours(c);
    }
}

UiTheme current_ui_theme() {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    return 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z < 0.5f ? UiTheme::kDark : UiTheme::kLight;
}

Color ui_party_color(std::string_view party) {
    const MapTheme map = current_ui_theme() == UiTheme::kDark ? MapTheme::kDark : MapTheme::kLight;
    static const PartyPalette light = map_style(MapTheme::kLight).events.parties;  // constant tables, built once
    static const PartyPalette dark = map_style(MapTheme::kDark).events.parties;
    return (map == MapTheme::kDark ? dark : light).of(party);
}

std::string ui_theme_name(UiTheme theme) { return theme == UiTheme::kDark ? "dark" : "light"; }

std::optional<UiTheme> parse_ui_theme(std::string_view text) {
    if (text == "light") return UiTheme::kLight;
    if (text == "dark") return UiTheme::kDark;
    return std::nullopt;
}

}  // namespace em
