#version 330 core
uniform vec4 u_color;   // premultiplied
uniform float u_width;  // pixels; under one pixel the line is drawn one pixel wide and fainter
in float v_across;
in float v_half;
out vec4 frag_color;
void main() {
    float coverage = clamp(v_half + 0.5 - abs(v_across), 0.0, 1.0);
    float thin = min(u_width, 1.0);
    frag_color = u_color * coverage * thin;
}
