#version 330 core
// Constant-pixel-width lines: each instance is one segment (this point to the next), expanded to a quad in
// screen space. a_start.z is 1 when the segment is drawn, 0 between rings or parts.
layout(location = 0) in vec3 a_start;
layout(location = 1) in vec3 a_end;
uniform vec2 u_center;
uniform vec2 u_px_per_m;
uniform vec2 u_viewport;
uniform float u_width;  // pixels
out float v_across;     // signed distance from the centre line, pixels
out float v_half;       // half of the drawn width, pixels
out float v_along;      // distance from the segment start, pixels (for dashes)
void main() {
    if (a_start.z < 0.5) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: dropped
        v_across = 0.0;
        v_half = 0.0;
        v_along = 0.0;
        return;
    }
    vec2 pa = (a_start.xy - u_center) * u_px_per_m;
    vec2 pb = (a_end.xy - u_center) * u_px_per_m;
    vec2 d = pb - pa;
    float len = length(d);
    vec2 dir = len > 1e-4 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    float half_width = max(u_width, 1.0) * 0.5;
    float extent = half_width + 1.0;  // one pixel of feather for anti-aliasing
    int corner = gl_VertexID;         // triangle strip: 0 start-left, 1 start-right, 2 end-left, 3 end-right
    float along = corner < 2 ? 0.0 : 1.0;
    float side = (corner % 2 == 0) ? -1.0 : 1.0;
    float cap = min(half_width, 0.5);  // close the joints without doubling much alpha
    vec2 p = mix(pa, pb, along) + dir * (along * 2.0 - 1.0) * cap + normal * side * extent;
    v_across = side * extent;
    v_half = half_width;
    v_along = along * len + (along * 2.0 - 1.0) * cap;
    gl_Position = vec4(p / (u_viewport * 0.5), 0.0, 1.0);
}
