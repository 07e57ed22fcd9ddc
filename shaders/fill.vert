#version 330 core
// Polygon fill: projected metres to clip space.
layout(location = 0) in vec2 a_position;
uniform vec2 u_center;     // view centre, metres
uniform vec2 u_px_per_m;   // pixels per metre along x and y
uniform vec2 u_viewport;   // viewport size, pixels
void main() {
    vec2 px = (a_position - u_center) * u_px_per_m;
    gl_Position = vec4(px / (u_viewport * 0.5), 0.0, 1.0);
}
