#version 330 core
flat in vec4 v_color;  // premultiplied, the same at every vertex of a bin
out vec4 frag_color;
void main() { frag_color = v_color; }
