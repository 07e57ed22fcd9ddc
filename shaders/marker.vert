#version 330 core
// Round markers: one instance per point, a screen-space quad around it.
layout(location = 0) in vec2 a_center;  // projected metres
uniform vec2 u_center;
uniform vec2 u_px_per_m;
uniform vec2 u_viewport;
uniform float u_radius;        // pixels, stroke included
out vec2 v_offset;             // pixels from the marker centre
void main() {
    int corner = gl_VertexID;
    vec2 unit = vec2((corner % 2 == 0) ? -1.0 : 1.0, corner < 2 ? -1.0 : 1.0);
    float extent = u_radius * 1.6 + 1.0;  // room for the pointed shapes
    float flip = sign(u_px_per_m.y);      // -1 when the picture is drawn upside down for read-back
    vec2 px = (a_center - u_center) * u_px_per_m + vec2(unit.x, unit.y * flip) * extent;
    v_offset = unit * extent;
    gl_Position = vec4(px / (u_viewport * 0.5), 0.0, 1.0);
}
