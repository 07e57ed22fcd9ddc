#pragma once

#include "gl/buffer.hpp"
#include "gl/object.hpp"

namespace em::gl {

struct VertexArrayDeleter {
    void operator()(GLuint id) const { glDeleteVertexArrays(1, &id); }
};

// A vertex array object: which buffers feed which attributes.
class VertexArray {
public:
    VertexArray() = default;
    // Creates an empty VAO.
    static VertexArray create();

    void bind() const { glBindVertexArray(object_.id()); }
    static void unbind() { glBindVertexArray(0); }
    // Points float attribute `index` at `buffer` (components floats, stride/offset in bytes); divisor 1 makes
    // it per instance.
    void attribute(GLuint index, const Buffer& buffer, int components, std::size_t stride, std::size_t offset,
                   GLuint divisor = 0) const;
    GLuint id() const { return object_.id(); }
    explicit operator bool() const { return static_cast<bool>(object_); }

private:
    UniqueObject<VertexArrayDeleter> object_;
};

}  // namespace em::gl
