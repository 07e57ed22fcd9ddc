#include "ui/timeline_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "render/actor_style.hpp"

namespace em {

namespace {

ImU32 to_imgui(const Color& c, float alpha = 1.0f) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a * alpha));
}

// Screen x of a day inside [x0, x1] for the data's range.
float day_x(Date d, const TimelineState& s, float x0, float x1) {
    const double span = std::max(1, s.data_last.days - s.data_first.days);
    return x0 + static_cast<float>((d.days - s.data_first.days) / span) * (x1 - x0);
}

Date x_day(float x, const TimelineState& s, float x0, float x1) {
    const double t = std::clamp((x - x0) / std::max(1.0f, x1 - x0), 0.0f, 1.0f);
    return Date{s.data_first.days + static_cast<int>(std::lround(t * (s.data_last.days - s.data_first.days)))};
}

}  // namespace

float timeline_panel_height(std::size_t presence_rows) {
    const float status_height = ImGui::GetFrameHeight() + 6;
    return 118.0f + std::min<float>(static_cast<float>(presence_rows), 24.0f) * 3.0f + status_height * 0.0f;
}

bool handle_timeline_keys(TimelineState& s, const std::vector<Date>& days, const KeyPresses& keys,
                          bool keyboard_taken) {
    if (keyboard_taken) return false;
    const Date before = s.window.at;
    const bool was_playing = s.playing;
    // GLFW key codes equal ASCII for these keys; Shift is bit 0x1 of the modifiers.
    constexpr int kShift = 0x1;
    if (keys.count(' ') % 2 == 1) s.playing = !s.playing;
    const auto repeat = [&](int key, int mods, StepUnit unit, int direction) {
        for (int i = keys.count(key, mods); i > 0; --i) step(s, unit, direction, days);
    };
    repeat(',', 0, StepUnit::kDay, -1);
    repeat('.', 0, StepUnit::kDay, +1);
    repeat('[', 0, StepUnit::kMonth, -1);
    repeat(']', 0, StepUnit::kMonth, +1);
    repeat('P', 0, StepUnit::kEvent, -1);
    repeat('N', 0, StepUnit::kEvent, +1);
    repeat('W', kShift, StepUnit::kWeek, -1);
    repeat('W', 0, StepUnit::kWeek, +1);
    return s.window.at != before || s.playing != was_playing;
}

bool draw_timeline_panel(TimelineState& s, TimelineUiState& ui, const Histogram& h,
                         const std::vector<PresenceInterval>& presence, const std::vector<Date>& days) {
    bool changed = false;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float status_height = ImGui::GetFrameHeight() + 6;
    const float bands = std::min<float>(static_cast<float>(presence.size()), 24.0f);
    const float height = timeline_panel_height(presence.size());
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - status_height - height));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
    ImGui::Begin("Timeline", nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar);

    // Row 1: stepping, play, the date, speed and window.
    auto button = [&](const char* label, StepUnit unit, int dir, const char* tip) {
        if (ImGui::Button(label)) step(s, unit, dir, days), changed = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
        ImGui::SameLine();
    };
    button("|<", StepUnit::kEvent, -1, "previous event (P)");
    button("-1m", StepUnit::kMonth, -1, "one month back ([)");
    button("-1w", StepUnit::kWeek, -1, "one week back (Shift+W)");
    button("-1d", StepUnit::kDay, -1, "one day back (,)");
    if (ImGui::Button(s.playing ? "Pause" : "Play", ImVec2(56, 0))) s.playing = !s.playing, changed = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("play / pause (Space)");
    ImGui::SameLine();
    button("+1d", StepUnit::kDay, +1, "one day on (.)");
    button("+1w", StepUnit::kWeek, +1, "one week on (W)");
    button("+1m", StepUnit::kMonth, +1, "one month on (])");
    button(">|", StepUnit::kEvent, +1, "next event (N)");

    if (!ui.editing_date) std::snprintf(ui.date_text, sizeof ui.date_text, "%s", s.window.at.iso().c_str());
    ImGui::SetNextItemWidth(110);
    if (ImGui::InputText("##date", ui.date_text, sizeof ui.date_text, ImGuiInputTextFlags_EnterReturnsTrue)) {
        if (auto d = parse_typed_date(ui.date_text)) {
            jump_to(s, *d);
            ui.date_error.clear();
            changed = true;
        } else {
            ui.date_error = "not a date";
        }
    }
    ui.editing_date = ImGui::IsItemActive();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("type a date: 2024-08-13, 13 Aug 2024, Aug 2024; Enter");
    ImGui::SameLine();
    if (!ui.date_error.empty()) {
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1), "%s", ui.date_error.c_str());
        ImGui::SameLine();
    }
    float speed = static_cast<float>(s.days_per_second);
    ImGui::SetNextItemWidth(160);
    if (ImGui::SliderFloat("days/s", &speed, 1.0f, 365.0f, "%.0f", ImGuiSliderFlags_Logarithmic))
        s.days_per_second = speed;
    ImGui::SameLine();
    ImGui::Checkbox("loop", &s.loop);
    ImGui::SameLine();
    ImGui::Checkbox("skip empty", &s.skip_empty);
    ImGui::SameLine();
    int mode = static_cast<int>(s.window.mode);
    ImGui::SetNextItemWidth(120);
    if (ImGui::Combo("##mode", &mode, "trailing window\0cumulative\0range\0")) {
        s.window.mode = static_cast<WindowMode>(mode);
        if (s.window.mode == WindowMode::kRange && s.window.range_end.days == 0) {
            s.window.range_start = s.window.at - 365;
            s.window.range_end = s.window.at;
        }
        changed = true;
    }
    if (s.window.mode == WindowMode::kTrailing) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90);
        if (ImGui::InputInt("days", &s.window.days, 7, 30)) {
            s.window.days = std::clamp(s.window.days, 0, 20000);
            changed = true;
        }
    }

    // Row 2: histogram, presence bands and the slider, drawn by hand.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float x0 = origin.x + 4, x1 = origin.x + ImGui::GetContentRegionAvail().x - 4;
    const float hist_top = origin.y, hist_height = 40.0f;
    const float band_top = hist_top + hist_height + 3, band_height = bands * 3.0f;
    const float axis_y = band_top + band_height + 4;
    ImGui::InvisibleButton("##timeline", ImVec2(x1 - x0 + 8, axis_y - hist_top + 22));
    const bool active = ImGui::IsItemActive();
    if (active) {
        const Date d = x_day(ImGui::GetIO().MousePos.x, s, x0, x1);
        if (s.window.mode == WindowMode::kRange) {
            // Drag the nearer handle.
            Date& handle = std::abs(d.days - s.window.range_start.days) < std::abs(d.days - s.window.range_end.days)
                               ? s.window.range_start
                               : s.window.range_end;
            if (handle != d) handle = d, changed = true;
        }
        if (s.window.at != d) jump_to(s, d), changed = true;
    }
    draw->AddRectFilled(ImVec2(x0, hist_top), ImVec2(x1, axis_y), IM_COL32(250, 250, 248, 255));
    // Window shading.
    const float wx0 = day_x(std::max(s.window.first(), s.data_first), s, x0, x1);
    const float wx1 = day_x(std::min(s.window.last(), s.data_last), s, x0, x1);
    draw->AddRectFilled(ImVec2(wx0, hist_top), ImVec2(std::max(wx1, wx0 + 1), axis_y), IM_COL32(255, 220, 160, 90));
    // Histogram bars stacked by party.
    if (h.bins > 0 && h.max_total > 0) {
        const float bw = (x1 - x0) / h.bins;
        for (int b = 0; b < h.bins; ++b) {
            float y = hist_top + hist_height;
            for (size_t p = 0; p < h.parties.size(); ++p) {
                const int c = h.counts[b][p];
                if (!c) continue;
                const float bar = hist_height * c / h.max_total;
                draw->AddRectFilled(ImVec2(x0 + b * bw, y - bar), ImVec2(x0 + (b + 1) * bw - 1, y),
                                    to_imgui(party_color(h.parties[p])));
                y -= bar;
            }
        }
    }
    // Presence bands: one row per country and actor.
    for (size_t i = 0; i < presence.size() && i < 24; ++i) {
        const PresenceInterval& p = presence[i];
        const float y = band_top + i * 3.0f;
        const float a = day_x(p.since.value_or(s.data_first), s, x0, x1);
        const float b = day_x(p.until.value_or(s.data_last), s, x0, x1);
        draw->AddRectFilled(ImVec2(a, y), ImVec2(std::max(b, a + 1), y + 2), to_imgui(party_color(party_of(p.actor))));
        if (ImGui::IsMouseHoveringRect(ImVec2(x0, y), ImVec2(x1, y + 3)))
            ImGui::SetTooltip("%s in %s: %s to %s", p.actor.c_str(), p.country.c_str(),
                              p.since ? p.since->iso().c_str() : "before the data",
                              p.until ? p.until->iso().c_str() : "still present");
    }
    // Year ticks.
    draw->AddLine(ImVec2(x0, axis_y), ImVec2(x1, axis_y), IM_COL32(120, 120, 120, 255));
    for (int y = s.data_first.year() + 1; y <= s.data_last.year(); ++y) {
        const float x = day_x(*Date::from_ymd(y, 1, 1), s, x0, x1);
        draw->AddLine(ImVec2(x, axis_y), ImVec2(x, axis_y + 5), IM_COL32(120, 120, 120, 255));
        char label[16];
        std::snprintf(label, sizeof label, "%d", y);
        draw->AddText(ImVec2(x + 2, axis_y + 3), IM_COL32(90, 90, 90, 255), label);
    }
    // The current date.
    const float cx = day_x(s.window.at, s, x0, x1);
    draw->AddLine(ImVec2(cx, hist_top), ImVec2(cx, axis_y + 6), IM_COL32(200, 40, 20, 255), 2.0f);
    ImGui::End();
    return changed;
}

}  // namespace em
