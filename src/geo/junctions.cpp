#include "geo/junctions.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <thread>

namespace em {

namespace {

// What the table knows of one coordinate: where it was seen first (ring, position) and what followed.
enum : std::uint32_t { kSeenOnce = 1, kSeenAgainSameNeighbours = 2, kJunction = 3 };

struct Slot {
    std::uint32_t ring = UINT32_MAX;  // UINT32_MAX: empty
    std::uint32_t pos_state = 0;      // position << 2 | state
    std::uint32_t tag = 0;            // high bits of the hash, so most mismatches need no look at the ring
};

std::uint64_t bits_of(double d) {
    std::uint64_t u;
    std::memcpy(&u, &d, 8);
    return u;
}

std::uint64_t hash_point(const GeoPoint& p) {
    std::uint64_t h = bits_of(p.lon) * 0x9E3779B97F4A7C15ull ^ (bits_of(p.lat) + 0x632BE59BD9B4E019ull);
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 29;
    h *= 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 32);
}

bool same_bits(const GeoPoint& a, const GeoPoint& b) {
    return bits_of(a.lon) == bits_of(b.lon) && bits_of(a.lat) == bits_of(b.lat);
}

bool less(const GeoPoint& a, const GeoPoint& b) { return a.lon < b.lon || (a.lon == b.lon && a.lat < b.lat); }

// The unordered pair of neighbours of vertex i of ring r, smaller first.
std::pair<GeoPoint, GeoPoint> neighbours(const Ring& r, std::size_t i) {
    const std::size_t n = r.size();
    GeoPoint prev = r[(i + n - 1) % n], next = r[(i + 1) % n];
    if (less(next, prev)) std::swap(prev, next);
    return {prev, next};
}

class JunctionTable {
public:
    JunctionTable(const std::vector<const Ring*>& rings, std::size_t vertices, int parts)
        : rings_(rings), parts_(parts) {
        const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(2 * vertices, 64));
        slots_.resize(capacity);
        part_bits_ = parts == 2 ? 1 : 0;
        part_mask_ = (capacity >> part_bits_) - 1;
    }

    // Records every vertex whose hash falls in `part`; slot_of receives its slot.
    void record(int part, std::vector<std::uint32_t>& slot_of) {
        std::size_t v = 0;
        for (std::uint32_t ri = 0; ri < rings_.size(); ++ri) {
            const Ring& r = *rings_[ri];
            for (std::size_t i = 0; i < r.size(); ++i, ++v) {
                const std::uint64_t h = hash_point(r[i]);
                if (parts_ == 2 && static_cast<int>(h >> 63) != part) continue;
                slot_of[v] = insert(part, h, ri, static_cast<std::uint32_t>(i));
            }
        }
    }

    bool junction(std::uint32_t slot) const { return (slots_[slot].pos_state & 3) == kJunction; }

private:
    std::uint32_t insert(int part, std::uint64_t h, std::uint32_t ri, std::uint32_t pos) {
        const GeoPoint& p = (*rings_[ri])[pos];
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        const std::size_t base = static_cast<std::size_t>(part) * (part_mask_ + 1);
        for (std::size_t k = h & part_mask_;; k = (k + 1) & part_mask_) {
            Slot& s = slots_[base + k];
            if (s.ring == UINT32_MAX) {
                s.ring = ri, s.pos_state = pos << 2 | kSeenOnce, s.tag = tag;
                return static_cast<std::uint32_t>(base + k);
            }
            if (s.tag != tag) continue;
            const Ring& first = *rings_[s.ring];
            const std::uint32_t first_pos = s.pos_state >> 2;
            if (!same_bits(first[first_pos], p)) continue;
            if ((s.pos_state & 3) != kJunction) {
                const bool same = neighbours(first, first_pos) == neighbours(*rings_[ri], pos);
                s.pos_state = first_pos << 2 | (same ? kSeenAgainSameNeighbours : kJunction);
            }
            return static_cast<std::uint32_t>(base + k);
        }
    }

    const std::vector<const Ring*>& rings_;
    int parts_;
    int part_bits_ = 0;
    std::size_t part_mask_ = 0;
    std::vector<Slot> slots_;
};

}  // namespace

std::vector<std::uint8_t> find_junctions(const std::vector<const Ring*>& rings, int threads) {
    std::size_t vertices = 0;
    for (const Ring* r : rings) vertices += r->size();
    std::vector<std::uint8_t> flags(vertices, 0);
    if (vertices == 0) return flags;
    const int parts = threads >= 2 && vertices >= 4096 ? 2 : 1;
    JunctionTable table(rings, vertices, parts);
    std::vector<std::uint32_t> slot_of(vertices);
    if (parts == 1) {
        table.record(0, slot_of);
    } else {
        std::jthread other([&] { table.record(1, slot_of); });
        table.record(0, slot_of);
    }
    for (std::size_t v = 0; v < vertices; ++v) flags[v] = table.junction(slot_of[v]) ? 1 : 0;
    return flags;
}

}  // namespace em
