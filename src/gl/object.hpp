#pragma once

#include <utility>

#include "gl/gl_api.hpp"

namespace em::gl {

// Owns one GL object name; move-only. The empty state (id 0) needs no context. Deleter is a stateless
// functor calling glDelete*; it runs on destruction, which must happen on the thread owning the context.
template <typename Deleter>
class UniqueObject {
public:
    UniqueObject() = default;
    explicit UniqueObject(GLuint id) : id_(id) {}
    ~UniqueObject() { reset(); }
    UniqueObject(const UniqueObject&) = delete;
    UniqueObject& operator=(const UniqueObject&) = delete;
    UniqueObject(UniqueObject&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
    UniqueObject& operator=(UniqueObject&& o) noexcept {
        if (this != &o) {
            reset();
            id_ = std::exchange(o.id_, 0);
        }
        return *this;
    }
    // The GL name, 0 when empty.
    GLuint id() const { return id_; }
    explicit operator bool() const { return id_ != 0; }
    // Deletes the object now.
    void reset() {
        if (id_) Deleter{}(id_);
        id_ = 0;
    }

private:
    GLuint id_ = 0;
};

}  // namespace em::gl
