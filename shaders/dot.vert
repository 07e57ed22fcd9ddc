#version 330 core
// Point events' dots, each instance with its own size and colours: marker.vert's quad with per-instance values.
layout(location = 0) in vec2 a_center;        // projected metres
layout(location = 1) in vec2 a_size;          // radius (stroke included) and stroke width, pixels
layout(location = 2) in vec4 a_fill;          // premultiplied
layout(location = 3) in vec4 a_stroke;        // premultiplied
uniform vec2 u_center;
uniform vec2 u_px_per_m;
uniform vec2 u_viewport;
out vec2 v_offset;                            // pixels from the dot's centre
flat out vec2 v_size;
flat out vec4 v_fill;
flat out vec4 v_stroke;
void main() {
    int corner = gl_VertexID;
    vec2 unit = vec2((corner % 2 == 0) ? -1.0 : 1.0, corner < 2 ? -1.0 : 1.0);
    float extent = a_size.x * 1.6 + 1.0;  // as marker.vert, so that a dot covers the same pixels
    float flip = sign(u_px_per_m.y);      // -1 when the picture is drawn upside down for read-back
    vec2 px = (a_center - u_center) * u_px_per_m + vec2(unit.x, unit.y * flip) * extent;
    v_offset = unit * extent;
    v_size = a_size;
    v_fill = a_fill;
    v_stroke = a_stroke;
    gl_Position = vec4(px / (u_viewport * 0.5), 0.0, 1.0);
}
