#include "geo/field_order.hpp"

#include <algorithm>
#include <set>

namespace em {

void FieldOrder::add_field(int index) {
    if (static_cast<int>(next_.size()) <= index) next_.resize(index + 1);
}

void FieldOrder::add_edge(int from, int to) {
    if (from == to) return;
    auto& out = next_[from];
    if (std::find(out.begin(), out.end(), to) != out.end()) return;
    if (reaches(to, from)) return;  // would close a cycle
    out.push_back(to);
}

bool FieldOrder::reaches(int from, int to) const {
    std::vector<char> seen(next_.size(), 0);
    std::vector<int> stack{from};
    seen[from] = 1;
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        if (n == to) return true;
        for (int k : next_[n]) {
            if (!seen[k]) seen[k] = 1, stack.push_back(k);
        }
    }
    return false;
}

std::vector<int> FieldOrder::sorted(const std::vector<std::string>& names) const {
    // Kahn's algorithm, the ready fields kept sorted by name.
    std::vector<int> incoming(next_.size(), 0);
    for (const auto& out : next_)
        for (int k : out) ++incoming[k];
    auto by_name = [&](int a, int b) { return names[a] < names[b]; };
    std::set<int, decltype(by_name)> ready(by_name);
    for (int i = 0; i < static_cast<int>(next_.size()); ++i)
        if (incoming[i] == 0) ready.insert(i);
    std::vector<int> order;
    order.reserve(next_.size());
    while (!ready.empty()) {
        const int n = *ready.begin();
        ready.erase(ready.begin());
        order.push_back(n);
        for (int k : next_[n])
            if (--incoming[k] == 0) ready.insert(k);
    }
    return order;
}

}  // namespace em
