#include "ui/timeline_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "render/actor_style.hpp"
#include "ui/panel_section.hpp"
#include "ui/timeline_axis.hpp"
#include "ui/ui_theme.hpp"

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

namespace {

// Places the next control on this line when `width` more pixels fit, else on the next line.
void same_line_if_fits(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

// The buttons and fields above the plot. Returns true when the clock or the window changed.
bool draw_timeline_controls(TimelineState& s, TimelineUiState& ui, const std::vector<Date>& days) {
    bool changed = false;
    const float em = ImGui::GetFontSize();
    auto button = [&](const char* label, StepUnit unit, int dir, const char* tip) {
        if (ImGui::Button(label)) step(s, unit, dir, days), changed = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
        ImGui::SameLine();
    };
    button("|<", StepUnit::kEvent, -1, "previous event (P)");
    button("-1m", StepUnit::kMonth, -1, "one month back ([)");
    button("-1w", StepUnit::kWeek, -1, "one week back (Shift+W)");
    button("-1d", StepUnit::kDay, -1, "one day back (,)");
    if (ImGui::Button(s.playing ? "Pause" : "Play", ImVec2(4 * em, 0))) s.playing = !s.playing, changed = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("play / pause (Space)");
    ImGui::SameLine();
    button("+1d", StepUnit::kDay, +1, "one day on (.)");
    button("+1w", StepUnit::kWeek, +1, "one week on (W)");
    button("+1m", StepUnit::kMonth, +1, "one month on (])");
    if (ImGui::Button(">|")) step(s, StepUnit::kEvent, +1, days), changed = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("next event (N)");

    same_line_if_fits(7 * em);
    if (!ui.editing_date) std::snprintf(ui.date_text, sizeof ui.date_text, "%s", s.window.at.iso().c_str());
    ImGui::SetNextItemWidth(7 * em);
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
    if (!ui.date_error.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1), "%s", ui.date_error.c_str());
    }
    same_line_if_fits(11 * em);
    float speed = static_cast<float>(s.days_per_second);
    ImGui::SetNextItemWidth(7 * em);
    if (ImGui::SliderFloat("days/s", &speed, 1.0f, 365.0f, "%.0f", ImGuiSliderFlags_Logarithmic))
        s.days_per_second = speed;
    same_line_if_fits(4 * em);
    ImGui::Checkbox("loop", &s.loop);
    same_line_if_fits(7 * em);
    ImGui::Checkbox("skip empty", &s.skip_empty);
    // As wide as its longest choice and the arrow, so "trailing window" is never cut.
    const float mode_w = ImGui::CalcTextSize("trailing window").x + ImGui::GetFrameHeight() +
                         2 * ImGui::GetStyle().FramePadding.x;
    same_line_if_fits(mode_w);
    int mode = static_cast<int>(s.window.mode);
    ImGui::SetNextItemWidth(mode_w);
    if (ImGui::Combo("##mode", &mode, "trailing window\0cumulative\0range\0")) {
        s.window.mode = static_cast<WindowMode>(mode);
        if (s.window.mode == WindowMode::kRange && s.window.range_end.days == 0) {
            s.window.range_start = s.window.at - 365;
            s.window.range_end = s.window.at;
        }
        changed = true;
    }
    if (s.window.mode == WindowMode::kTrailing) {
        same_line_if_fits(9 * em);
        ImGui::SetNextItemWidth(6 * em);
        if (ImGui::InputInt("days", &s.window.days, 7, 30)) {
            s.window.days = std::clamp(s.window.days, 0, 20000);
            changed = true;
        }
    }
    return changed;
}

// Text cut to `width` pixels with an ellipsis; the full text shows on hover.
void ellipsized_text(ImDrawList* draw, ImVec2 at, float width, ImU32 colour, const std::string& text) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) {
        draw->AddText(at, colour, text.c_str());
        return;
    }
    std::string cut = text;
    // Whole UTF-8 characters only (continuation bytes are 10xxxxxx).
    auto drop_char = [&cut] {
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
        if (!cut.empty()) cut.pop_back();
    };
    while (!cut.empty() && ImGui::CalcTextSize((cut + "...").c_str()).x > width) drop_char();
    draw->AddText(at, colour, (cut + "...").c_str());
    if (ImGui::IsMouseHoveringRect(at, ImVec2(at.x + width, at.y + ImGui::GetTextLineHeight())))
        ImGui::SetTooltip("%s", text.c_str());
}

// One presence interval as a bar in row [y, y + h).
void presence_bar(ImDrawList* draw, const PresenceInterval& p, const TimelineState& s, float x0, float x1, float y,
                  float h) {
    const float a = day_x(p.since.value_or(s.data_first), s, x0, x1);
    const float b = day_x(p.until.value_or(s.data_last), s, x0, x1);
    draw->AddRectFilled(ImVec2(a, y + h * 0.2f), ImVec2(std::max(b, a + 2), y + h * 0.8f),
                        to_imgui(ui_party_color(party_of(p.actor))), h * 0.2f);
    if (ImGui::IsMouseHoveringRect(ImVec2(a, y), ImVec2(std::max(b, a + 2), y + h)))
        ImGui::SetTooltip("%s in %s: %s to %s", p.actor.c_str(), p.country.c_str(),
                          p.since ? p.since->iso().c_str() : "before the data",
                          p.until ? p.until->iso().c_str() : "still present");
}

}  // namespace

bool draw_timeline_panel(TimelineState& s, TimelineUiState& ui, const Histogram& h,
                         const std::vector<PresenceInterval>& presence, const std::vector<Date>& days,
                         const UiRect& rect) {
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
    begin_frame_window("Timeline",
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    note_window("timeline");
    bool changed = draw_timeline_controls(s, ui, days);

    const float em = ImGui::GetFontSize();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 plot_bg = ImGui::GetColorU32(ImGuiCol_FrameBg), shade = IM_COL32(255, 190, 90, 70);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float label_w = std::min(13 * em, ImGui::GetContentRegionAvail().x * 0.3f);
    const float x0 = origin.x + label_w, x1 = origin.x + ImGui::GetContentRegionAvail().x - 4;
    const float hist_top = origin.y, hist_height = 2.6f * em;
    const float axis_y = hist_top + hist_height, axis_h = ImGui::GetTextLineHeight() + 4;
    const float wx0 = day_x(std::max(s.window.first(), s.data_first), s, x0, x1);
    const float wx1 = std::max(day_x(std::min(s.window.last(), s.data_last), s, x0, x1), wx0 + 1);
    const float cx = day_x(s.window.at, s, x0, x1);

    // The histogram and the axis: drag over them to move the clock.
    ImGui::SetCursorScreenPos(ImVec2(x0, hist_top));
    ImGui::InvisibleButton("##timeline", ImVec2(std::max(1.0f, x1 - x0), hist_height + axis_h));
    note_item("Timeline/scrub");
    if (ImGui::IsItemActive()) {
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
    // The histogram and the axis are drawn in a child window of their own: they change only with the data and the
    // filters, so the window copies their picture while the clock moves (ui/panel_pictures). The window's shading
    // and the date line, which move with the clock, are drawn over them from the lanes' list below, as over the lanes.
    const ImVec2 clip_min = draw->GetClipRectMin(), clip_max = draw->GetClipRectMax();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, hist_top));
    ImGui::BeginChild("##histogram", ImVec2(0, hist_height + axis_h), false,
                      ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoNav |
                          ImGuiWindowFlags_NoScrollWithMouse);
    draw = ImGui::GetWindowDrawList();
    draw->AddText(ImVec2(origin.x, hist_top + hist_height - ImGui::GetTextLineHeight()), faint, "events");
    draw->AddRectFilled(ImVec2(x0, hist_top), ImVec2(x1, axis_y), plot_bg);
    if (h.bins > 0 && h.max_total > 0) {
        const float bw = (x1 - x0) / h.bins;
        for (int b = 0; b < h.bins; ++b) {
            float y = axis_y;
            int total = 0;
            for (size_t p = 0; p < h.parties.size(); ++p) {
                const int c = h.counts[b][p];
                if (!c) continue;
                total += c;
                const float bar = hist_height * c / h.max_total;
                draw->AddRectFilled(ImVec2(x0 + b * bw, y - bar), ImVec2(x0 + (b + 1) * bw - 1, y),
                                    to_imgui(ui_party_color(h.parties[p])));
                y -= bar;
            }
            // Counts on hover: the bin's dates, its total and each party's share.
            if (total > 0 && ImGui::IsMouseHoveringRect(ImVec2(x0 + b * bw, hist_top), ImVec2(x0 + (b + 1) * bw, axis_y))) {
                const Date from = x_day(x0 + b * bw, s, x0, x1), to = x_day(x0 + (b + 1) * bw, s, x0, x1);
                std::string tip = FuzzyDate::of(from).display() + " to " + FuzzyDate::of(to).display() + ": " +
                                  std::to_string(total) + (total == 1 ? " event" : " events");
                for (size_t p = 0; p < h.parties.size(); ++p)
                    if (h.counts[b][p]) tip += "\n  " + h.parties[p] + ": " + std::to_string(h.counts[b][p]);
                ImGui::SetTooltip("%s", tip.c_str());
            }
        }
    }
    // The date axis, labelled as densely as fits.
    draw->AddLine(ImVec2(x0, axis_y), ImVec2(x1, axis_y), faint);
    const std::vector<AxisTick> ticks = axis_ticks(s.data_first, s.data_last, x1 - x0, ImGui::CalcTextSize("Mar 2024").x);
    std::vector<float> tick_x, tick_label_w;
    for (const AxisTick& t : ticks) {
        tick_x.push_back(day_x(t.date, s, x0, x1));
        tick_label_w.push_back(ImGui::CalcTextSize(t.label.c_str()).x);
    }
    // Labels stay inside the axis: the one at an edge shifts in, or is left out if it cannot.
    const auto label_x = place_axis_labels(tick_x, tick_label_w, x0, x1, 2.0f, 0.5f * em);
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        const AxisTick& t = ticks[i];
        draw->AddLine(ImVec2(tick_x[i], axis_y), ImVec2(tick_x[i], axis_y + (t.major ? 6 : 3)), faint);
        if (label_x[i]) draw->AddText(ImVec2(*label_x[i], axis_y + 2), t.major ? text : faint, t.label.c_str());
    }
    ImGui::EndChild();

    // The presence lanes, grouped by country, in a scrolling region below.
    ImGui::SetCursorScreenPos(ImVec2(origin.x, axis_y + axis_h));
    ImGui::BeginChild("##lanes", ImVec2(0, 0), false, ImGuiWindowFlags_NoNav);
    ImDrawList* lanes = ImGui::GetWindowDrawList();
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    const float lanes_top = ImGui::GetCursorScreenPos().y;
    std::vector<const PresenceInterval*> sorted;
    for (const auto& p : presence) sorted.push_back(&p);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->country < b->country; });
    for (size_t i = 0; i < sorted.size();) {
        const std::string& country = sorted[i]->country;
        size_t end = i;
        while (end < sorted.size() && sorted[end]->country == country) ++end;
        const bool folded = ui.collapsed.count(country) > 0;
        // The country's row: a toggle in the label column; folded, it carries all its forces' bars.
        ImVec2 row = ImGui::GetCursorScreenPos();
        char label[96];
        std::snprintf(label, sizeof label, "%s %s (%zu)##%s", folded ? "+" : "-", country.c_str(), end - i,
                      country.c_str());
        if (ImGui::Selectable(label, false, 0, ImVec2(label_w - 4, 0))) {
            if (folded) ui.collapsed.erase(country); else ui.collapsed.insert(country);
        }
        note_item("Timeline/country/" + country);
        if (folded)
            for (size_t k = i; k < end; ++k) presence_bar(lanes, *sorted[k], s, x0, x1, row.y, row_h);
        if (!folded) {
            for (size_t k = i; k < end; ++k) {
                row = ImGui::GetCursorScreenPos();
                ellipsized_text(lanes, ImVec2(row.x + em, row.y), label_w - em - 4, faint, sorted[k]->actor);
                presence_bar(lanes, *sorted[k], s, x0, x1, row.y, row_h);
                ImGui::Dummy(ImVec2(label_w, row_h - ImGui::GetStyle().ItemSpacing.y));
            }
        }
        i = end;
    }
    // The window's shading and the date line over the lanes, and over the histogram (drawn before this list: the
    // lanes' list reaches up over it within the timeline's clip rectangle).
    const float lanes_bottom = std::max(ImGui::GetCursorScreenPos().y, ImGui::GetWindowPos().y + ImGui::GetWindowHeight());
    const ImU32 date_line = IM_COL32(200, 40, 20, 255);
    lanes->AddRectFilled(ImVec2(wx0, lanes_top), ImVec2(wx1, lanes_bottom), shade);
    lanes->AddLine(ImVec2(cx, lanes_top), ImVec2(cx, lanes_bottom), date_line, 2.0f);
    lanes->PushClipRect(clip_min, clip_max, false);
    lanes->AddRectFilled(ImVec2(wx0, hist_top), ImVec2(wx1, axis_y), shade);
    lanes->AddLine(ImVec2(cx, hist_top), ImVec2(cx, axis_y + axis_h), date_line, 2.0f);
    lanes->PopClipRect();
    ImGui::EndChild();
    ImGui::End();
    return changed;
}

}  // namespace em
