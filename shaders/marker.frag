#version 330 core
uniform float u_radius;
uniform float u_stroke_width;
uniform vec4 u_fill;    // premultiplied
uniform vec4 u_stroke;  // premultiplied
in vec2 v_offset;
out vec4 frag_color;
void main() {
    float d = length(v_offset);
    float outer = clamp(u_radius + 0.5 - d, 0.0, 1.0);
    float inner = clamp(u_radius - u_stroke_width + 0.5 - d, 0.0, 1.0);
    vec4 c = mix(u_stroke, u_fill, inner);
    frag_color = c * outer;
}
