// libFuzzer target places: see fuzz/entries.hpp. Seeds: tests/fuzz/places/; run: tools/fuzz.sh.
#include "entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return em::fuzz::places(data, size);
}
