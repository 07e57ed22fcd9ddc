#version 330 core
// Point markers of several shapes with an outline, anti-aliased by distance.
uniform float u_radius;
uniform float u_stroke_width;
uniform vec4 u_fill;    // premultiplied
uniform vec4 u_stroke;  // premultiplied
uniform int u_shape;    // 0 circle, 1 triangle up, 2 triangle down, 3 diamond, 4 square
in vec2 v_offset;       // pixels from the centre, y up on the picture
out vec4 frag_color;

// Signed distance to an equilateral triangle of half side s pointing up (negative inside); after Inigo Quilez.
float sd_triangle(vec2 p, float s) {
    const float k = 1.7320508;
    p.y += s / k * 0.5;  // centre the triangle's area on the point
    p.x = abs(p.x) - s;
    p.y = p.y + s / k;
    if (p.x + k * p.y > 0.0) p = vec2(p.x - k * p.y, -k * p.x - p.y) / 2.0;
    p.x -= clamp(p.x, -2.0 * s, 0.0);
    return -length(p) * sign(p.y);
}

void main() {
    vec2 p = v_offset;
    float sd;  // signed distance to the outline in pixels, negative inside
    if (u_shape == 1) {
        sd = sd_triangle(p, u_radius * 1.15);
    } else if (u_shape == 2) {
        sd = sd_triangle(vec2(p.x, -p.y), u_radius * 1.15);
    } else if (u_shape == 3) {
        sd = (abs(p.x) + abs(p.y) - u_radius * 1.25) * 0.7071;
    } else if (u_shape == 4) {
        sd = max(abs(p.x), abs(p.y)) - u_radius * 0.85;
    } else {
        sd = length(p) - u_radius;
    }
    float outer = clamp(0.5 - sd, 0.0, 1.0);
    float inner = clamp(0.5 - sd - u_stroke_width, 0.0, 1.0);
    frag_color = mix(u_stroke, u_fill, inner) * outer;
}
