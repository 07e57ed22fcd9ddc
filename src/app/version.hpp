#pragma once

#include <string>

namespace em {

// The git revision the binary was built from (`git describe --always --dirty` at build time, "unknown"
// outside a git checkout).
const char* git_revision();

// What `eventmap --version` prints: eventmap's version and revision, then the versions of GDAL (the library
// loaded at run time), GLFW (run time) and Dear ImGui (linked statically).
std::string version_text();

}  // namespace em
