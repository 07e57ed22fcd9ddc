#include "render/view_uniforms.hpp"

#include "core/color.hpp"

namespace em {

void set_view_uniforms(const gl::Program& program, const Camera& camera) {
    glUniform2f(program.uniform("u_center"), static_cast<float>(camera.centre().x),
                static_cast<float>(camera.centre().y));
    const double flip = camera.flip_y() ? -1.0 : 1.0;
    glUniform2f(program.uniform("u_px_per_m"), static_cast<float>(1.0 / camera.metres_per_pixel_x()),
                static_cast<float>(flip / camera.metres_per_pixel_y()));
    glUniform2f(program.uniform("u_viewport"), static_cast<float>(camera.width()), static_cast<float>(camera.height()));
}

void set_premultiplied(const gl::Program& program, const char* name, const Color& c, float opacity) {
    const float a = c.a * opacity;
    glUniform4f(program.uniform(name), c.r * a, c.g * a, c.b * a, a);
}

}  // namespace em
