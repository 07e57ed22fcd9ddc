#include "gl/texture.hpp"

namespace em::gl {

Texture Texture::create(int width, int height, GLenum internal_format, GLenum format, GLenum type,
                        const void* pixels, GLenum filter) {
    GLuint id = 0;
    glGenTextures(1, &id);
    Texture t;
    t.object_ = UniqueObject<TextureDeleter>(id);
    t.width_ = width;
    t.height_ = height;
    glBindTexture(GL_TEXTURE_2D, id);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(internal_format), width, height, 0, format, type, pixels);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, static_cast<GLint>(filter));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, static_cast<GLint>(filter));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return t;
}

void Texture::bind(int unit) const {
    glActiveTexture(GL_TEXTURE0 + unit);
    glBindTexture(GL_TEXTURE_2D, object_.id());
}

}  // namespace em::gl
