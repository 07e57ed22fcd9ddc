#pragma once

#include <cstddef>
#include <vector>

#include "gl/object.hpp"

namespace em::gl {

struct BufferDeleter {
    void operator()(GLuint id) const { glDeleteBuffers(1, &id); }
};

// A GL buffer object (vertex or index data).
class Buffer {
public:
    Buffer() = default;
    // Creates a buffer for target (GL_ARRAY_BUFFER, GL_ELEMENT_ARRAY_BUFFER, ...).
    static Buffer create(GLenum target);

    // Replaces the contents with size bytes from data.
    void upload(const void* data, std::size_t size, GLenum usage = GL_STATIC_DRAW);
    // Replaces the contents with a vector's elements.
    template <typename T>
    void upload(const std::vector<T>& v, GLenum usage = GL_STATIC_DRAW) {
        upload(v.data(), v.size() * sizeof(T), usage);
    }
    // Gives the buffer size bytes of storage, contents undefined (filled later by upload_part).
    void allocate(std::size_t size, GLenum usage = GL_STATIC_DRAW) { upload(nullptr, size, usage); }
    // Replaces size bytes at offset with data (the buffer is bound to its target: bind an index buffer's vertex
    // array first, since the binding is part of it).
    void upload_part(std::size_t offset, const void* data, std::size_t size);
    // Binds the buffer to its target.
    void bind() const { glBindBuffer(target_, object_.id()); }
    GLuint id() const { return object_.id(); }
    std::size_t size() const { return size_; }
    explicit operator bool() const { return static_cast<bool>(object_); }

private:
    UniqueObject<BufferDeleter> object_;
    GLenum target_ = GL_ARRAY_BUFFER;
    std::size_t size_ = 0;
};

}  // namespace em::gl
