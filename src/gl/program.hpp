#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.hpp"
#include "gl/object.hpp"

namespace em::gl {

struct ProgramDeleter {
    void operator()(GLuint id) const { glDeleteProgram(id); }
};

// A linked vertex + fragment shader program with cached uniform locations.
class Program {
public:
    Program() = default;
    // Compiles and links; the error names the shader and carries the driver's log.
    static Result<Program> build(std::string_view name, std::string_view vertex_source,
                                 std::string_view fragment_source);

    void use() const { glUseProgram(object_.id()); }
    // Location of a uniform (cached), -1 if the program has none by that name.
    GLint uniform(const char* name) const;
    GLuint id() const { return object_.id(); }
    explicit operator bool() const { return static_cast<bool>(object_); }

private:
    UniqueObject<ProgramDeleter> object_;
    mutable std::unordered_map<std::string, GLint> uniforms_;
};

}  // namespace em::gl
