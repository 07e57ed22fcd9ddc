#pragma once

#include <string>
#include <vector>

namespace em {

// The field order GDAL's GeoJSON driver (3.6) gives a layer. Each feature's property keys, in turn, make edges
// key -> next key of a graph over the fields; an edge that would close a cycle is left out (the earlier features
// win). The fields are then sorted topologically, and among fields free to come next the smallest name (bytewise)
// comes first. So fields that first appear in later features slot in after the fields they follow there, not at
// the end.
class FieldOrder {
public:
    // Adds field number `index` (fields are numbered 0, 1, ... as they are first seen).
    void add_field(int index);
    // Records that field `to` follows field `from` in a feature (left out if it would close a cycle).
    void add_edge(int from, int to);
    // The field numbers in GDAL's order; names[i] is the name of field i.
    std::vector<int> sorted(const std::vector<std::string>& names) const;

private:
    // True when `to` can be reached from `from` along the edges.
    bool reaches(int from, int to) const;

    std::vector<std::vector<int>> next_;  // next_[i]: the fields that follow field i
};

}  // namespace em
