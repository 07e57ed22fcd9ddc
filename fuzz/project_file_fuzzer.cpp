// libFuzzer target project_file: see fuzz/entries.hpp. Seeds: tests/fuzz/project_file/; run: tools/fuzz.sh.
#include "entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return em::fuzz::project_file(data, size);
}
