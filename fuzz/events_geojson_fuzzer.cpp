// libFuzzer target events_geojson: see fuzz/entries.hpp. Seeds: tests/fuzz/events_geojson/; run: tools/fuzz.sh.
#include "entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return em::fuzz::events_geojson(data, size);
}
