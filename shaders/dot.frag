#version 330 core
// A round dot with an outline, anti-aliased by distance: marker.frag's circle.
in vec2 v_offset;
flat in vec2 v_size;    // radius, stroke width
flat in vec4 v_fill;    // premultiplied
flat in vec4 v_stroke;  // premultiplied
out vec4 frag_color;
void main() {
    float sd = length(v_offset) - v_size.x;  // signed distance to the outline in pixels, negative inside
    float outer = clamp(0.5 - sd, 0.0, 1.0);
    float inner = clamp(0.5 - sd - v_size.y, 0.0, 1.0);
    frag_color = mix(v_stroke, v_fill, inner) * outer;
}
