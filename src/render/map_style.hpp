#pragma once

// The map's style types live in the GL-free scene module (src/scene/style.hpp); the renderer reads them.
#include "scene/style.hpp"
