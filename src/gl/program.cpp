#include "gl/program.hpp"

#include <vector>

namespace em::gl {

namespace {

// Compiles one stage; returns 0 and fills log on failure.
GLuint compile(GLenum stage, std::string_view source, std::string& log) {
    GLuint shader = glCreateShader(stage);
    const char* text = source.data();
    const GLint length = static_cast<GLint>(source.size());
    glShaderSource(shader, 1, &text, &length);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint size = 0;
        glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &size);
        std::vector<char> buf(std::max(size, 1));
        glGetShaderInfoLog(shader, size, nullptr, buf.data());
        log = buf.data();
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

}  // namespace

Result<Program> Program::build(std::string_view name, std::string_view vertex_source,
                               std::string_view fragment_source) {
    std::string log;
    GLuint vs = compile(GL_VERTEX_SHADER, vertex_source, log);
    if (!vs) return Error{"shader " + std::string(name) + ".vert: " + log};
    GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_source, log);
    if (!fs) {
        glDeleteShader(vs);
        return Error{"shader " + std::string(name) + ".frag: " + log};
    }
    GLuint id = glCreateProgram();
    glAttachShader(id, vs);
    glAttachShader(id, fs);
    glLinkProgram(id);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(id, GL_LINK_STATUS, &ok);
    if (!ok) {
        GLint size = 0;
        glGetProgramiv(id, GL_INFO_LOG_LENGTH, &size);
        std::vector<char> buf(std::max(size, 1));
        glGetProgramInfoLog(id, size, nullptr, buf.data());
        glDeleteProgram(id);
        return Error{"shader program " + std::string(name) + ": link failed: " + buf.data()};
    }
    Program p;
    p.object_ = UniqueObject<ProgramDeleter>(id);
    return p;
}

GLint Program::uniform(const char* name) const {
    auto it = uniforms_.find(name);
    if (it != uniforms_.end()) return it->second;
    const GLint loc = glGetUniformLocation(object_.id(), name);
    uniforms_.emplace(name, loc);
    return loc;
}

}  // namespace em::gl
