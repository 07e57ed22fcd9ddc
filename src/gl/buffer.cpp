#include "gl/buffer.hpp"

namespace em::gl {

Buffer Buffer::create(GLenum target) {
    GLuint id = 0;
    glGenBuffers(1, &id);
    Buffer b;
    b.object_ = UniqueObject<BufferDeleter>(id);
    b.target_ = target;
    return b;
}

void Buffer::upload(const void* data, std::size_t size, GLenum usage) {
    bind();
    glBufferData(target_, static_cast<GLsizeiptr>(size), data, usage);
    size_ = size;
}

void Buffer::upload_part(std::size_t offset, const void* data, std::size_t size) {
    bind();
    glBufferSubData(target_, static_cast<GLintptr>(offset), static_cast<GLsizeiptr>(size), data);
}

}  // namespace em::gl
