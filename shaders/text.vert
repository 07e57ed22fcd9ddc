#version 330 core
// Label glyphs, already laid out in window pixels (origin top-left).
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;  // premultiplied
layout(location = 3) in float a_px_per_unit;  // screen pixels per unit of stored distance at this label's size
uniform vec2 u_viewport;
uniform float u_flip_y;  // -1 when drawing upside down for read-back, else 1
out vec2 v_uv;
out vec4 v_color;
out float v_px_per_unit;
void main() {
    v_uv = a_uv;
    v_color = a_color;
    v_px_per_unit = a_px_per_unit;
    vec2 ndc = vec2(a_position.x / u_viewport.x * 2.0 - 1.0, 1.0 - a_position.y / u_viewport.y * 2.0);
    gl_Position = vec4(ndc.x, ndc.y * u_flip_y, 0.0, 1.0);
}
