#version 330 core
// Hexagon bins: projected metres to clip space (as fill.vert), each vertex with its bin's colour.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec4 a_color;  // premultiplied
uniform vec2 u_center;     // view centre, metres
uniform vec2 u_px_per_m;   // pixels per metre along x and y
uniform vec2 u_viewport;   // viewport size, pixels
flat out vec4 v_color;  // flat: the bin's colour exactly, never interpolated
void main() {
    vec2 px = (a_position - u_center) * u_px_per_m;
    gl_Position = vec4(px / (u_viewport * 0.5), 0.0, 1.0);
    v_color = a_color;
}
