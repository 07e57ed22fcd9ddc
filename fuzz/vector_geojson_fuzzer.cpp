// libFuzzer target vector_geojson: see fuzz/entries.hpp. Seeds: tests/fuzz/vector_geojson/; run: tools/fuzz.sh.
#include "entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return em::fuzz::vector_geojson(data, size);
}
