#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/color.hpp"
#include "core/date.hpp"
#include "events/hex_bins.hpp"
#include "events/time_filter.hpp"
#include "geo/projection.hpp"
#include "render/bin_renderer.hpp"
#include "render/camera.hpp"
#include "render/dot_renderer.hpp"
#include "render/gpu_mesh.hpp"
#include "render/incident_cache.hpp"
#include "scene/style.hpp"

namespace em {


// Point events (incidents: ACLED rows) on the map: each a dot coloured by its event type (or by its party when
// data/acled_actors.csv maps one of its actors) and sized by its fatalities; when more than
// kAggregateAbove of them are in view, hexagon bins instead, recomputed for the time window (the overlay is
// rebuilt on a clock or filter change) and the zoom (the grid's size is in pixels), never on a pan.

// The colour of an ACLED event type (ColorBrewer-like, kept apart from the parties' Okabe-Ito colours): Battles
// dark red, Violence against civilians purple, Explosions/Remote violence brown, Riots green, Protests pink,
// Strategic developments light violet; anything else dark grey.
Color event_type_color(std::string_view event_type);
// The same colours as a palette: event_type_index gives an event type's entry (0 to kEventTypeColors - 1, the
// last for anything else), event_type_palette its colour; point_event_type_index is an incident's.
inline constexpr std::size_t kEventTypeColors = 7;
std::uint8_t event_type_index(std::string_view event_type);
Color event_type_palette(std::uint8_t index);
std::uint8_t point_event_type_index(const Event& event);
// The colour a point event is drawn in: its mapped party's, else its event type's.
Color point_event_color(const Event& event);
// A dot's radius in pixels at scale 1: 3 px with no fatalities, growing with the square root (the dot's area
// follows the count), at most 16 px.
float fatality_radius(int fatalities);

// The visible point events of an overlay, projected.
struct PointEventMark {
    const Event* event = nullptr;
    XY world;
    float weight = 1.0f;  // the window's weight (older events fade)
    bool on_map = true;   // false where the projection cannot show the place
    std::uint8_t type = 0;  // its event type's palette index (event_type_index)
    int fatalities = 0;     // the event's (kept here: bins sum them without reaching into the events)
    std::uint32_t slot = IncidentCache::kNone;  // its entry in PointEvents::incidents, if any
};

// A bin as drawn.
struct PointEventBin {
    int q = 0, r = 0;  // its cell of the grid (hex_bins)
    XY centre;
    std::size_t first_member = 0;  // its marks are PointEventLayout::members[first_member, + count)
    std::size_t count = 0;
    long long fatalities = 0;
    Color color;  // of the event type most of its events have
    float opacity = 1.0f;
};

// What is drawn for one camera: dots, or bins.
struct PointEventLayout {
    bool aggregated = false;
    double bin_radius = 0;  // projected metres
    std::vector<std::size_t> dots;  // indices into PointEvents::marks, largest first (small dots end on top)
    std::vector<PointEventBin> bins;
    // Every bin's marks (indices into PointEvents::marks), bin after bin, each bin's in the marks' order: one array
    // rather than one per bin, so that a slider step allocates and frees a few arrays, not hundreds.
    std::vector<std::uint32_t> members;
    std::span<const std::uint32_t> members_of(const PointEventBin& bin) const {
        return {members.data() + bin.first_member, bin.count};
    }
};

struct PointEvents {
    static constexpr std::size_t kAggregateAbove = 1500;  // dots in view above which bins are drawn
    static constexpr float kBinPixels = 14.0f;            // a bin's circumradius in pixels at scale 1

    std::vector<PointEventMark> marks;
    // Per-incident values kept between overlays (projected places, bin cells): shared with the next overlay of the
    // same events and projection; null when the marks were projected here (set_projection drops it).
    std::shared_ptr<IncidentCache> incidents;

    // The layout for a camera, computed on the CPU and kept until the scale or the marks change (pans reuse it).
    const PointEventLayout& layout(const Camera& camera, float pixel_scale) const;
    void set_projection(const Projection& projection);

    // Uploaded bins, kept with the layout they were made from (map_renderer draws them).
    mutable UploadedBins uploaded_bins;
    mutable std::uint64_t uploaded_generation = 0;  // the layout generation uploaded_bins holds (0: none)
    std::uint64_t generation() const { return layout_generation_; }

private:
    mutable PointEventLayout layout_;
    mutable double layout_mpp_ = -1, layout_scale_ = -1;
    mutable BBox layout_view_;
    mutable std::uint64_t layout_generation_ = 0;
};

// The incidents among the visible events, projected.
PointEvents collect_point_events(const std::vector<VisibleEvent>& visible, const Projection& projection);
// The same with the places (and later the cells) from a cache made for these events and this projection: a slider
// step projects only what no earlier window showed.
PointEvents collect_point_events(const std::vector<VisibleEvent>& visible, std::shared_ptr<IncidentCache> incidents);

// Lays out point events for a camera (see PointEvents::layout; this one computes without the cache).
PointEventLayout layout_point_events(const std::vector<PointEventMark>& marks, const Camera& camera,
                                     float pixel_scale);
// The same, with the marks' cells from their cache (the marks' slots are its entries).
PointEventLayout layout_point_events(const std::vector<PointEventMark>& marks, const Camera& camera, float pixel_scale,
                                     IncidentCache* incidents);

// The point event under a screen point when dots are drawn (nullptr over bins or nothing).
const Event* pick_point_event(const PointEvents& points, const Camera& camera, XY screen, float pixel_scale = 1.0f,
                              float tolerance = 4.0f);

// What one hexagon bin holds, for the hover and the inspector: a summary, not pointers, so it stays valid after the
// events are reloaded. It is the bin as it was when picked (for the time window and filters of that moment).
struct PointBinSummary {
    XY centre;          // projected metres
    double radius = 0;  // the bin's circumradius, projected metres
    std::size_t count = 0;
    long long fatalities = 0;
    std::vector<std::pair<std::string, std::size_t>> types;  // event type and its count, most first (ties by name)
    Date first, last;                                        // the first day of the earliest, last of the latest
    std::vector<std::pair<std::string, std::size_t>> parties;  // mapped outside parties (acled_actors.csv), most first
};

// The hexagon bin under a screen point when bins are drawn (nullopt over dots, or where there is no bin).
std::optional<PointBinSummary> pick_point_bin(const PointEvents& points, const Camera& camera, XY screen,
                                              float pixel_scale = 1.0f);

// The summary of a bin of a layout (its members are indices into points.marks).
PointBinSummary summarize_bin(const PointEvents& points, const PointEventLayout& layout, const PointEventBin& bin);

// Legend rows for the point events shown: one per ACLED event type present (label, colour), in a fixed order, and
// the parties of the rows drawn in a party's colour.
struct PointEventLegend {
    std::vector<std::pair<std::string, Color>> types;
    std::vector<std::string> parties;
};
PointEventLegend point_event_legend(const PointEvents& points);

// Draws the layout for the camera with the map's dot and bin renderers (GL; current context).
void draw_point_events(const PointEvents& points, const EventMarkColors& colors, const Camera& camera,
                       float pixel_scale, DotRenderer& dots, const BinRenderer& bins);

}  // namespace em
