// libFuzzer target vector_shp: see fuzz/entries.hpp. Seeds: tests/fuzz/vector_shp/; run: tools/fuzz.sh.
#include "entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return em::fuzz::vector_shp(data, size);
}
