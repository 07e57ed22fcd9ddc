#include "gl/headless_context.hpp"

#include <epoxy/egl.h>

#include "gl/gl_api.hpp"

namespace em::gl {

namespace {
std::string egl_error_text() {
    char buf[32];
    std::snprintf(buf, sizeof buf, "EGL error 0x%04X", eglGetError());
    return buf;
}
}  // namespace

Result<std::unique_ptr<HeadlessContext>> HeadlessContext::create() {
    if (!epoxy_has_egl_extension(EGL_NO_DISPLAY, "EGL_MESA_platform_surfaceless"))
        return Error{"headless rendering needs EGL with EGL_MESA_platform_surfaceless (Mesa's libegl1)"};
    EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (display == EGL_NO_DISPLAY) return Error{"cannot open an EGL surfaceless display: " + egl_error_text()};
    EGLint major = 0, minor = 0;
    if (!eglInitialize(display, &major, &minor))
        return Error{"cannot initialise EGL: " + egl_error_text()};
    if (!eglBindAPI(EGL_OPENGL_API)) {
        eglTerminate(display);
        return Error{"EGL cannot bind the desktop OpenGL API: " + egl_error_text()};
    }
    // Mesa's surfaceless platform offers configs only when no surface type is asked for.
    const EGLint config_attribs[] = {EGL_SURFACE_TYPE, 0, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint count = 0;
    if (!eglChooseConfig(display, config_attribs, &config, 1, &count) || count == 0) config = nullptr;
    const EGLint context_attribs[] = {EGL_CONTEXT_MAJOR_VERSION,
                                      3,
                                      EGL_CONTEXT_MINOR_VERSION,
                                      3,
                                      EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                      EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                      EGL_NONE};
    EGLContext context = eglCreateContext(display, config ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT,
                                          context_attribs);
    if (context == EGL_NO_CONTEXT) {
        const std::string why = egl_error_text();
        eglTerminate(display);
        return Error{"cannot create an OpenGL 3.3 core context through EGL: " + why};
    }
    if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
        const std::string why = egl_error_text();
        eglDestroyContext(display, context);
        eglTerminate(display);
        return Error{"cannot make the EGL context current: " + why};
    }
    std::unique_ptr<HeadlessContext> ctx(new HeadlessContext());
    ctx->display_ = display;
    ctx->context_ = context;
    return ctx;
}

HeadlessContext::~HeadlessContext() {
    if (display_) {
        eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        if (context_) eglDestroyContext(display_, context_);
        eglTerminate(display_);
    }
}

bool HeadlessContext::make_current() const {
    return eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_) == EGL_TRUE;
}

void HeadlessContext::release() const { eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT); }

std::string HeadlessContext::description() const {
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return std::string(renderer ? renderer : "?") + " / " + (version ? version : "?");
}

}  // namespace em::gl
