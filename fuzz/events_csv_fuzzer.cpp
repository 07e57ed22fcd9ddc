// libFuzzer target events_csv: see fuzz/entries.hpp. Seeds: tests/fuzz/events_csv/; run: tools/fuzz.sh.
#include "entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return em::fuzz::events_csv(data, size);
}
