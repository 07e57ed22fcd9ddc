#include "ui/panel_pictures.hpp"

#include <algorithm>

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

}  // namespace

void PanelPictures::prepare(int fb_w, int fb_h) {
    std::optional<OffscreenTarget> scratch;
    if (!ensure_target(scratch, fb_w, fb_h, OffscreenTarget::Storage::kWindowCopy)) return;
    glDisable(GL_SCISSOR_TEST);
    scratch->copy_region_flipped_from_default(0, 0, 1, 1);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb_w, fb_h);
}

void PanelPictures::copy(const std::vector<PanelStep>& plan, int fb_w, int fb_h) const {
    if (!store_ || store_->width() != fb_w || store_->height() != fb_h) return;  // the plan copies nothing then
    glDisable(GL_SCISSOR_TEST);  // a blit is scissored
    for (const PanelStep& step : plan) {
        if (!step.copy || step.in_group) continue;  // a child window copied with its window
        const FramebufferRect& r = step.region;
        const int w = r.x1 - r.x0, h = r.y1 - r.y0, gl_y0 = fb_h - r.y1, gl_y1 = fb_h - r.y0;
        store_->blit_region_to_default(r.x0, gl_y0, r.x1, gl_y1, r.x0, gl_y0, w, h, /*drawn_flipped=*/true);
    }
}

bool PanelPictures::make_room(const std::vector<PanelStep>& plan, int fb_w, int fb_h) {
    const bool any = std::any_of(plan.begin(), plan.end(), [](const PanelStep& step) { return step.capture; });
    return !any || ensure_target(store_, fb_w, fb_h, OffscreenTarget::Storage::kWindowCopy);
}

void PanelPictures::keep(const PanelStep& step, int fb_w, int fb_h) const {
    if (!store_) return;
    const FramebufferRect& r = step.region;
    glDisable(GL_SCISSOR_TEST);  // a blit is scissored
    store_->copy_region_flipped_from_default(r.x0, fb_h - r.y1, r.x1, fb_h - r.y0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb_w, fb_h);
}

}  // namespace em
