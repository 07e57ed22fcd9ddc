#include "render/presence_tints.hpp"

#include <algorithm>
#include <set>

#include "render/event_overlay.hpp"

namespace em {

bool is_tinted(const CountryPresence& presence) { return presence.parties.size() == 1; }

std::vector<PresenceTint> presence_tints(const SceneRef& scene, const MapStyle& style) {
    std::vector<PresenceTint> out;
    if (!scene.events) return out;
    for (const CountryPresence& cp : scene.events->presence) {
        if (!is_tinted(cp)) continue;
        Color color = style.events.parties.of(cp.parties.front());
        color.a *= style.presence_tint_opacity * cp.opacity;  // as FillRenderer blends it
        out.push_back({cp.country, color});
    }
    return out;
}

BBox changed_tints_box(const SceneRef& scene, const std::vector<PresenceTint>& before,
                       const std::vector<PresenceTint>& after) {
    std::set<std::string> changed;
    const auto missing_from = [&](const std::vector<PresenceTint>& from, const std::vector<PresenceTint>& in) {
        for (const PresenceTint& t : from)
            if (std::find(in.begin(), in.end(), t) == in.end()) changed.insert(t.country);
    };
    missing_from(before, after);
    missing_from(after, before);
    BBox box;
    if (changed.empty()) return box;
    for (const SceneRef::Base& level : scene.base) {
        if (!level.layer) continue;
        const SceneLayer& layer = *level.layer;
        const int iso = layer.data.field_index("iso_a3");
        if (iso < 0) continue;
        for (std::size_t i = 0; i < layer.data.values.size() && i < layer.projected.ranges.size(); ++i)
            if (changed.count(layer.data.value(i, iso)) > 0) box.add(layer.projected.ranges[i].bbox);
    }
    return box;
}

}  // namespace em
