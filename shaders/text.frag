#version 330 core
// Signed-distance-field text with a halo.
uniform sampler2D u_atlas;
uniform vec4 u_halo;          // premultiplied
uniform float u_halo_width;   // pixels
in vec2 v_uv;
in vec4 v_color;
in float v_px_per_unit;
out vec4 frag_color;
void main() {
    float stored = texture(u_atlas, v_uv).r;   // 0.5 on the glyph edge
    float dist = (stored - 0.5) * v_px_per_unit; // pixels, positive inside
    float body = clamp(dist + 0.5, 0.0, 1.0);
    float halo = clamp(dist + u_halo_width + 0.5, 0.0, 1.0);
    frag_color = v_color * body + u_halo * halo * (1.0 - body);
}
