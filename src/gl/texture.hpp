#pragma once

#include <cstdint>

#include "gl/object.hpp"

namespace em::gl {

struct TextureDeleter {
    void operator()(GLuint id) const { glDeleteTextures(1, &id); }
};

// A 2D texture.
class Texture {
public:
    Texture() = default;
    // Creates a width x height texture of internal format (GL_RGBA8, GL_R8, ...), filled from pixels if given.
    static Texture create(int width, int height, GLenum internal_format, GLenum format, GLenum type,
                          const void* pixels = nullptr, GLenum filter = GL_LINEAR);
    void bind(int unit = 0) const;
    int width() const { return width_; }
    int height() const { return height_; }
    GLuint id() const { return object_.id(); }
    explicit operator bool() const { return static_cast<bool>(object_); }

private:
    UniqueObject<TextureDeleter> object_;
    int width_ = 0, height_ = 0;
};

}  // namespace em::gl
