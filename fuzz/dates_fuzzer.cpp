// libFuzzer target dates: see fuzz/entries.hpp. Seeds: tests/fuzz/dates/; run: tools/fuzz.sh.
#include "entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return em::fuzz::dates(data, size);
}
