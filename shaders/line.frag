#version 330 core
uniform vec4 u_color;   // premultiplied
uniform float u_width;  // pixels; under one pixel the line is drawn one pixel wide and fainter
in float v_across;
in float v_half;
in float v_along;
uniform float u_dash;  // dash and gap length in pixels; 0 draws a solid line
out vec4 frag_color;
void main() {
    float coverage = clamp(v_half + 0.5 - abs(v_across), 0.0, 1.0);
    if (u_dash > 0.0 && mod(v_along, 2.0 * u_dash) > u_dash) discard;
    float thin = min(u_width, 1.0);
    frag_color = u_color * coverage * thin;
}
