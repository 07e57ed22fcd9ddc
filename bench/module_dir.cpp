// The bench programs (and the fuzzers) live in build/bench (build/fuzz), and GDAL's module (eventmap-gdal.so, opened by the first read of a file
// through GDAL: geo/gdal_module.hpp) in the build root: point EVENTMAP_MODULE_DIR there unless it is set.
#include <cstdlib>

namespace {

const int kModuleDirSet = setenv("EVENTMAP_MODULE_DIR", EVENTMAP_BINARY_DIR, 0);

}  // namespace
