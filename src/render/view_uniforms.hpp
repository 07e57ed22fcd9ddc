#pragma once

#include "gl/program.hpp"
#include "render/camera.hpp"

namespace em {

// Sets u_center, u_px_per_m and u_viewport of a program from a camera (program must be in use).
void set_view_uniforms(const gl::Program& program, const Camera& camera);

// Sets a vec4 uniform to a colour premultiplied by its alpha times opacity.
void set_premultiplied(const gl::Program& program, const char* name, const struct Color& color, float opacity = 1.0f);

}  // namespace em
