#pragma once

#include <memory>

#include "core/result.hpp"

namespace em::gl {

// An OpenGL 3.3 core context with no window and no X server: EGL on Mesa's surfaceless platform.
// Draw into framebuffer objects only. Move-only; current on the creating thread until released (release, then
// make_current on another thread: headless renders create it on a thread of its own while data loads).
class HeadlessContext {
public:
    // Creates the context and makes it current.
    static Result<std::unique_ptr<HeadlessContext>> create();
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

    // Makes the context current on the calling thread (false if EGL refuses).
    bool make_current() const;
    // Leaves the calling thread without a current context, so that another thread can make it current.
    void release() const;

    // "GL_RENDERER / GL_VERSION" for logs.
    std::string description() const;

private:
    HeadlessContext() = default;
    void* display_ = nullptr;
    void* context_ = nullptr;
};

}  // namespace em::gl
