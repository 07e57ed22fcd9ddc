#include "render/incident_cache.hpp"

#include "events/hex_bins.hpp"
#include "render/point_events.hpp"

namespace em {

IncidentCache::IncidentCache(const std::vector<Event>& events, const Projection& projection)
    : events_(events.data()),
      count_(events.size()),
      projection_(projection),
      incidents_(events.size()),
      known_(events.size(), 0),
      cell_stamp_(events.size(), 0),
      cell_(events.size(), 0) {}

bool IncidentCache::follows(const std::vector<Event>& events, const Projection& projection) const {
    return events.data() == events_ && events.size() == count_ && projection.kind() == projection_.kind() &&
           projection.centre().lon == projection_.centre().lon && projection.centre().lat == projection_.centre().lat;
}

std::uint32_t IncidentCache::slot_of(const Event* event) const {
    if (event < events_ || event >= events_ + count_) return kNone;
    return static_cast<std::uint32_t>(event - events_);
}

const IncidentCache::Incident& IncidentCache::incident(std::uint32_t slot) {
    Incident& in = incidents_[slot];
    if (!known_[slot]) {
        const Event& e = events_[slot];
        const auto xy = projection_.forward(e.to.position);
        in.on_map = xy.has_value();
        if (xy) in.world = *xy;
        in.is_incident = e.kind == EventKind::kIncident;
        in.fatalities = e.fatalities();
        in.type = point_event_type_index(e);
        known_[slot] = 1;
    }
    return in;
}

void IncidentCache::set_bin_radius(double radius) {
    if (radius == radius_) return;
    radius_ = radius;
    ++radius_stamp_;
    cells_.clear();
    cell_ids_.clear();
}

std::uint32_t IncidentCache::cell_of(std::uint32_t slot) {
    if (cell_stamp_[slot] == radius_stamp_) return cell_[slot];
    const auto [q, r] = hex_cell(incidents_[slot].world, radius_);
    const std::uint64_t key =
        (static_cast<std::uint64_t>(static_cast<std::uint32_t>(q)) << 32) | static_cast<std::uint32_t>(r);
    auto [it, fresh] = cell_ids_.emplace(key, static_cast<std::uint32_t>(cells_.size()));
    if (fresh) cells_.push_back({q, r});
    cell_stamp_[slot] = radius_stamp_;
    cell_[slot] = it->second;
    return it->second;
}

}  // namespace em
