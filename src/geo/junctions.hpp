#pragma once

#include <cstdint>
#include <vector>

#include "geo/feature.hpp"

namespace em {

// The vertices of a set of rings where rings meet or part: a coordinate (compared bit for bit) that occurs more
// than once, and not always between the same unordered pair of neighbours. Returns one flag per vertex, rings
// one after the other in the order given (1: junction). Uses a flat open-addressing table of 12 bytes a slot
// (no allocation per vertex), split in halves by hash so that `threads` (1 or 2) fill it side by side; the
// result does not depend on the number of threads.
std::vector<std::uint8_t> find_junctions(const std::vector<const Ring*>& rings, int threads);

}  // namespace em
