#include "render/label_layout.hpp"

#include <algorithm>
#include <array>

namespace em {

namespace {

struct Box {
    float l, t, r, b;
    bool overlaps(const Box& o) const { return l < o.r && o.l < r && t < o.b && o.t < b; }
};

// A uniform grid over the viewport so each test looks only at nearby boxes.
class BoxGrid {
public:
    BoxGrid(int width, int height) : cols_(std::max(1, width / kCell + 1)), rows_(std::max(1, height / kCell + 1)),
                                      cells_(static_cast<size_t>(cols_) * rows_) {}
    bool free(const Box& b) const {
        bool ok = true;
        visit(b, [&](const std::vector<Box>& cell) {
            for (const Box& o : cell)
                if (o.overlaps(b)) ok = false;
        });
        return ok;
    }
    void insert(const Box& b) {
        visit(b, [&](const std::vector<Box>& cell) { const_cast<std::vector<Box>&>(cell).push_back(b); });
    }

private:
    static constexpr int kCell = 64;
    int cols_, rows_;
    std::vector<std::vector<Box>> cells_;

    template <typename F>
    void visit(const Box& b, F f) const {
        const int c0 = std::clamp(static_cast<int>(b.l) / kCell, 0, cols_ - 1);
        const int c1 = std::clamp(static_cast<int>(b.r) / kCell, 0, cols_ - 1);
        const int r0 = std::clamp(static_cast<int>(b.t) / kCell, 0, rows_ - 1);
        const int r1 = std::clamp(static_cast<int>(b.b) / kCell, 0, rows_ - 1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) f(cells_[static_cast<size_t>(r) * cols_ + c]);
    }
};

}  // namespace

std::vector<PlacedLabel> place_labels(std::vector<LabelRequest> requests, const FontAtlas& font, int width,
                                      int height, float padding, const std::vector<std::array<float, 4>>& obstacles) {
    std::stable_sort(requests.begin(), requests.end(),
                     [](const LabelRequest& a, const LabelRequest& b) { return a.priority > b.priority; });
    BoxGrid grid(width, height);
    for (const auto& o : obstacles) grid.insert(Box{o[0], o[1], o[2], o[3]});
    std::vector<PlacedLabel> placed;
    for (const LabelRequest& req : requests) {
        const float k = req.size / font.base_size();
        const float w = font.measure(req.text, req.size);
        const float ascent = font.ascent() * k, descent = font.descent() * k;
        const float h = ascent + descent;
        const float ax = static_cast<float>(req.anchor.x), ay = static_cast<float>(req.anchor.y);
        // Candidate baseline starts.
        std::vector<std::array<float, 2>> candidates;
        if (req.beside_point) {
            const float gap = req.point_radius + 2.0f * padding;  // clear of the point's own marker
            const float mid = ay + (ascent - descent) / 2;  // baseline that centres the text vertically
            candidates = {{ax + gap, mid}, {ax - gap - w, mid}, {ax - w / 2, ay - gap - descent},
                          {ax - w / 2, ay + gap + ascent}};
        } else {
            candidates = {{ax - w / 2, ay + (ascent - descent) / 2}};
        }
        for (const auto& c : candidates) {
            Box box{c[0] - padding, c[1] - ascent - padding, c[0] + w + padding, c[1] + descent + padding};
            if (box.l < 0 || box.t < 0 || box.r > width || box.b > height) continue;
            if (!grid.free(box)) continue;
            grid.insert(box);
            PlacedLabel p;
            p.text = req.text;
            p.x = c[0];
            p.y = c[1];
            p.size = req.size;
            p.color = req.color;
            p.box[0] = box.l, p.box[1] = box.t, p.box[2] = box.r, p.box[3] = box.b;
            (void)h;
            placed.push_back(std::move(p));
            break;
        }
    }
    return placed;
}

}  // namespace em
