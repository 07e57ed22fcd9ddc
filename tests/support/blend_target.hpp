#pragma once

#include <cstdint>

#include "core/image.hpp"
#include "core/result.hpp"
#include "gl/gl_api.hpp"
#include "render/camera.hpp"
#include "render/offscreen_target.hpp"

namespace em::test {

// A small picture for testing one renderer alone (GL; a headless suite's context current): w x h, cleared to white
// and bound, blending as the map does (premultiplied colour). Turn blending off again before reading it back.
inline Result<OffscreenTarget> white_blending_target(int w, int h) {
    auto target = OffscreenTarget::create(w, h, 0);
    if (!target) return target;
    target->bind();
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    return target;
}

// The RGBA pixel of a read-back picture under a point in projected metres.
inline const std::uint8_t* pixel_at(const Image& img, const Camera& camera, XY world) {
    const XY s = camera.to_screen(world);
    return img.row(static_cast<int>(s.y)) + static_cast<int>(s.x) * 4;
}

}  // namespace em::test
