#include "gl/vertex_array.hpp"

namespace em::gl {

VertexArray VertexArray::create() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    VertexArray v;
    v.object_ = UniqueObject<VertexArrayDeleter>(id);
    return v;
}

void VertexArray::attribute(GLuint index, const Buffer& buffer, int components, std::size_t stride,
                            std::size_t offset, GLuint divisor) const {
    bind();
    buffer.bind();
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, components, GL_FLOAT, GL_FALSE, static_cast<GLsizei>(stride),
                          reinterpret_cast<const void*>(offset));
    glVertexAttribDivisor(index, divisor);
}

}  // namespace em::gl
