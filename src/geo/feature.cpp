#include "geo/feature.hpp"

#include <strings.h>

namespace em {

std::size_t Feature::vertex_count() const {
    std::size_t n = points.size();
    for (const auto& p : polygons)
        for (const auto& r : p.rings) n += r.size();
    for (const auto& l : lines) n += l.size();
    return n;
}

void Feature::update_bbox() {
    bbox = BBox{};
    for (const auto& poly : polygons)
        for (const auto& r : poly.rings)
            for (const auto& p : r) bbox.add(p.lon, p.lat);
    for (const auto& l : lines)
        for (const auto& p : l) bbox.add(p.lon, p.lat);
    for (const auto& p : points) bbox.add(p.lon, p.lat);
}

int VectorLayer::field_index(std::string_view field) const {
    for (size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].size() == field.size() && strncasecmp(fields[i].data(), field.data(), field.size()) == 0)
            return static_cast<int>(i);
    }
    return -1;
}

std::size_t VectorLayer::vertex_count() const {
    std::size_t n = 0;
    for (const auto& f : features) n += f.vertex_count();
    return n;
}

}  // namespace em
