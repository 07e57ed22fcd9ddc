#pragma once

// The one place that names the OpenGL loader. eventmap uses libepoxy (Debian's libepoxy-dev), which resolves
// entry points lazily for GLX and EGL contexts alike. To swap the loader (glad, ...), change only this file.
#include <epoxy/gl.h>
