#include "ui/panel_pictures.hpp"

#include <backends/imgui_impl_opengl3.h>

#include "gl/gl_api.hpp"

namespace em {

namespace {

// A framebuffer-sized target kept between frames; made again at another size. False if it cannot be made.
bool ensure_target(std::optional<OffscreenTarget>& target, int fb_w, int fb_h, OffscreenTarget::Storage storage) {
    if (target && target->width() == fb_w && target->height() == fb_h) return true;
    target.reset();  // the old one's memory goes before the new one's comes
    auto made = OffscreenTarget::create(fb_w, fb_h, 0, storage, OffscreenTarget::Stencil::kWithout);
    if (!made) return false;
    target = std::move(made).value();
    return true;
}

// Draws one of the frame's lists into the bound framebuffer, as ImGui draws it into the window.
void draw_one_list(const ImDrawData& frame, const ImDrawList* list) {
    ImDrawList* lists[1] = {const_cast<ImDrawList*>(list)};  // only read
    ImDrawData one = frame;
    one.CmdLists = lists;
    one.CmdListsCount = 1;
    one.TotalVtxCount = list->VtxBuffer.Size;
    one.TotalIdxCount = list->IdxBuffer.Size;
    ImGui_ImplOpenGL3_RenderDrawData(&one);
}

}  // namespace

void PanelPictures::prepare(const ImDrawData& frame, int fb_w, int fb_h) {
    if (frame.CmdListsCount == 0) return;
    std::optional<OffscreenTarget> scratch;
    if (!ensure_target(scratch, fb_w, fb_h, OffscreenTarget::Storage::kWindowCopy)) return;
    glDisable(GL_SCISSOR_TEST);
    scratch->copy_region_from_default(0, 0, 1, 1);
    scratch->bind();
    draw_one_list(frame, frame.CmdLists[0]);
    glDisable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb_w, fb_h);
}

void PanelPictures::copy(const std::vector<PanelStep>& plan, int fb_w, int fb_h) const {
    if (!store_ || store_->width() != fb_w || store_->height() != fb_h) return;  // the plan copies nothing then
    glDisable(GL_SCISSOR_TEST);  // a blit is scissored
    for (const PanelStep& step : plan) {
        if (!step.copy) continue;
        const FramebufferRect& r = step.region;
        const int w = r.x1 - r.x0, h = r.y1 - r.y0, gl_y0 = fb_h - r.y1, gl_y1 = fb_h - r.y0;
        store_->blit_region_to_default(r.x0, gl_y0, r.x1, gl_y1, r.x0, gl_y0, w, h, /*drawn_flipped=*/true);
    }
}

bool PanelPictures::capture(const ImDrawData& frame, const std::vector<PanelStep>& plan, int fb_w, int fb_h) {
    bool any = false;
    for (const PanelStep& step : plan) any |= step.capture;
    if (!any) return true;
    if (!ensure_target(store_, fb_w, fb_h, OffscreenTarget::Storage::kWindowCopy) ||
        !ensure_target(drawing_, fb_w, fb_h, OffscreenTarget::Storage::kWindowCopy))
        return false;
    glDisable(GL_SCISSOR_TEST);  // a blit is scissored
    for (const PanelStep& step : plan) {
        if (!step.capture) continue;
        const FramebufferRect& r = step.region;
        const int gl_y0 = fb_h - r.y1, gl_y1 = fb_h - r.y0;
        // Under the panel the window holds only the background yet: the region is off the map and off every other
        // picture, and the panels are drawn after the captures. It is copied rather than cleared to the background
        // colour, which llvmpipe rounds to bytes differently in the window and in a texture (by 1 of 255).
        drawing_->copy_region_from_default(r.x0, gl_y0, r.x1, gl_y1);
        drawing_->bind();
        draw_one_list(frame, step.list);
        // Drawn the right way up, as in the window (drawn upside down, edges through pixel centres fall the other
        // way), then turned over into the store by a copy, which changes no pixel.
        glDisable(GL_SCISSOR_TEST);
        store_->copy_region_flipped_from(*drawing_, r.x0, gl_y0, r.x1, gl_y1);
    }
    // Captures are rare (a panel changed, then stayed the same): the drawing target's memory (8 MB at 1920x1080,
    // 33 MB at 4K) is not kept for them.
    drawing_.reset();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb_w, fb_h);
    return true;
}

}  // namespace em
