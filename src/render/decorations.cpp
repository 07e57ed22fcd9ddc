#include "render/decorations.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "render/actor_style.hpp"
#include "render/decoration_layout.hpp"
#include "render/gpu_mesh.hpp"

namespace em {

namespace {

// Draws in picture pixels: world (x, y) of this camera is pixel (x, -y) of the full picture.
Camera pixel_camera(const Camera& map, const Tile* tile) {
    Camera c({map.width() / 2.0, -map.height() / 2.0}, 1.0, map.width(), map.height());
    c.set_flip_y(map.flip_y());
    return tile ? c.sub_view(tile->x0, tile->y0, tile->width, tile->height) : c;
}

// Collects rectangles, polylines and text in picture pixels, then draws them in a few calls.
class Canvas {
public:
    Canvas(MapRenderer& r, const Camera& full, const Tile* tile)
        : r_(r), cam_(pixel_camera(full, tile)), tile_(tile) {}

    void rect(float x0, float y0, float x1, float y1, const Color& c) {
        fills_.push_back({{x0, y0, x1, y1}, c});
    }
    void line(std::vector<XY> pts, const Color& c, float width, float dash = 0) {
        lines_.push_back({std::move(pts), c, width, dash});
    }
    void text(const std::string& s, float x, float baseline, float size, const Color& c) {
        PlacedLabel l;
        l.text = s;
        l.x = x;
        l.y = baseline;
        l.size = size;
        l.color = c;
        labels_.push_back(l);
    }
    void marker(float x, float y, const MarkerStyle& m) { markers_.push_back({x, y, m}); }
    float measure(const std::string& s, float size) {
        r_.font().ensure(s);
        return r_.font().measure(s, size);
    }
    const Camera& camera() const { return cam_; }

    void flush(const TextStyle& text_style) {
        set_map_blend_state();
        glViewport(0, 0, cam_.width(), cam_.height());
        ProjectedMesh mesh;
        std::vector<std::pair<ProjectedRange, Color>> fill_styles;
        for (const auto& [r, c] : fills_) {
            ProjectedRange pr;
            pr.first_index = static_cast<std::uint32_t>(mesh.fill_indices.size());
            const auto base = static_cast<std::uint32_t>(mesh.fill_xy.size() / 2);
            for (const XY p : {XY{r[0], r[1]}, XY{r[2], r[1]}, XY{r[2], r[3]}, XY{r[0], r[3]}}) {
                mesh.fill_xy.push_back(static_cast<float>(p.x));
                mesh.fill_xy.push_back(static_cast<float>(-p.y));
            }
            mesh.fill_indices.insert(mesh.fill_indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
            pr.index_count = 6;
            fill_styles.push_back({pr, c});
        }
        std::vector<std::tuple<DrawRange, Color, float, float>> line_styles;
        for (const auto& l : lines_) {
            const auto first = static_cast<std::uint32_t>(mesh.outline.size() / 3);
            for (size_t i = 0; i < l.pts.size(); ++i) {
                mesh.outline.push_back(static_cast<float>(l.pts[i].x));
                mesh.outline.push_back(static_cast<float>(-l.pts[i].y));
                mesh.outline.push_back(i + 1 < l.pts.size() ? 1.0f : 0.0f);
            }
            line_styles.push_back({DrawRange{first, static_cast<std::uint32_t>(l.pts.size())}, l.color, l.width, l.dash});
        }
        if (!mesh.fill_xy.empty() || !mesh.outline.empty()) {
            gpu_ = upload_mesh(mesh);
            for (const auto& [pr, c] : fill_styles)
                r_.fills().draw(gpu_, {{pr.first_index, pr.index_count}}, c, 1.0f, cam_);
            for (const auto& [range, c, w, dash] : line_styles) r_.lines().draw(gpu_, {range}, c, w, 1.0f, cam_, dash);
        }
        for (const auto& m : markers_)
            r_.markers().draw({m.x, -m.y}, m.style, 1.0f, cam_);
        if (tile_) {
            for (auto& l : labels_) l.x -= static_cast<float>(tile_->x0), l.y -= static_cast<float>(tile_->y0);
        }
        r_.text().draw(labels_, r_.font(), text_style, cam_.width(), cam_.height(), cam_.flip_y());
        fills_.clear(), lines_.clear(), labels_.clear(), markers_.clear();
    }

private:
    struct Line {
        std::vector<XY> pts;
        Color color;
        float width, dash;
    };
    struct Marker {
        float x, y;
        MarkerStyle style;
    };
    MapRenderer& r_;
    Camera cam_;
    const Tile* tile_;
    std::vector<std::pair<std::array<float, 4>, Color>> fills_;
    std::vector<Line> lines_;
    std::vector<PlacedLabel> labels_;
    std::vector<Marker> markers_;
    GpuMesh gpu_;
};

const Color kInk = Color::hex(0x222222);

}  // namespace

double nice_scale_length(double max_metres) {
    if (!(max_metres > 0)) return 0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(max_metres)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * magnitude <= max_metres) return step * magnitude;
    return magnitude;
}

namespace {

// User layers: one entry per visible layer, or, for a layer coloured by an attribute, one per class
// ("REGION: Mopti", "POP: 12.5 - 40"), at most kMaxClassEntries of them.
void add_layer_entries(const SceneRef& scene, std::vector<LegendEntry>& out) {
    constexpr std::size_t kMaxClassEntries = 12;
    for (const SceneLayer* overlay : scene.overlays) {
        const SceneLayer& layer = *overlay;
        if (!layer.style.visible) continue;
        const bool line = layer.data.kind == GeometryKind::kLine;
        const bool point = layer.data.kind == GeometryKind::kPoint;
        if (!layer.style.color_field.empty() && !line && !point) {
            const Classification classes = layer.classes.field == layer.style.color_field
                                               ? layer.classes
                                               : classify(layer.data, layer.style.color_field);
            for (std::size_t k = 0; k < classes.colors.size() && k < kMaxClassEntries; ++k)
                out.push_back({LegendEntry::Symbol::kSwatch, layer.style.color_field + ": " + classes.labels[k],
                               classes.colors[k], kCircle});
            if (!classes.colors.empty()) continue;
        }
        if (line) {
            out.push_back({LegendEntry::Symbol::kLine, layer.title, layer.style.outline, kCircle});
        } else if (point) {
            out.push_back({LegendEntry::Symbol::kMarker, layer.title, layer.style.marker.fill, kCircle});
        } else {
            out.push_back({LegendEntry::Symbol::kSwatch, layer.title, layer.style.fill.with_alpha(1.0f), kCircle});
        }
    }
}

}  // namespace

std::vector<LegendEntry> legend_for(const SceneRef& scene, const MapStyle& style) {
    const Color ink = style.decorations.ink;
    std::vector<LegendEntry> out;
    add_layer_entries(scene, out);
    if (!scene.events) return out;
    const EventOverlay& o = *scene.events;
    std::set<std::string> parties;
    bool calls = false, meetings = false, uncertain = false;
    std::set<int> shapes;
    for (const auto& l : o.links) {
        for (const Event* e : l.events) parties.insert(e->party()), uncertain |= e->uncertain();
        (l.call ? calls : meetings) = true;
    }
    for (const auto& m : o.markers) {
        parties.insert(m.event->party());
        shapes.insert(m.style.shape);
        uncertain |= m.event->uncertain();
    }
    for (const auto& p : o.presence)
        for (const auto& party : p.parties) parties.insert(party);
    const PointEventLegend incidents = point_event_legend(o.points);  // ACLED rows (render/point_events)
    parties.insert(incidents.parties.begin(), incidents.parties.end());
    for (const auto& p : parties) out.push_back({LegendEntry::Symbol::kSwatch, p, style.events.parties.of(p), kCircle});
    for (const auto& [type, colour] : incidents.types)
        out.push_back({LegendEntry::Symbol::kMarker, type + " (size: fatalities)", colour, kCircle});
    if (meetings) out.push_back({LegendEntry::Symbol::kLine, "meeting (arrow at the venue)", ink, kCircle});
    if (calls) out.push_back({LegendEntry::Symbol::kDashedLine, "phone call", ink, kCircle});
    const std::pair<MarkerShape, const char*> kinds[] = {{kTriangleUp, "arrival"},
                                                         {kTriangleDown, "departure"},
                                                         {kDiamond, "handover"},
                                                         {kSquare, "size change"},
                                                         {kCircle, "announcement"}};
    for (const auto& [shape, name] : kinds)
        if (shapes.count(shape)) out.push_back({LegendEntry::Symbol::kMarker, name, ink, shape});
    if (!o.presence.empty())
        out.push_back({LegendEntry::Symbol::kTint, "forces present (tint, badge)", Color::hex(0x999999), kCircle});
    if (uncertain) out.push_back({LegendEntry::Symbol::kMarker, "uncertain (hollow, faded)", Color{}, kCircle});
    return out;
}

void draw_decorations(MapRenderer& renderer, const SceneRef& scene, const MapStyle& style, const Decorations& d,
                      const Camera& camera, float s, const Tile* tile) {
    const DecorationLayout layout = layout_decorations(scene, style, d, camera, s, renderer.font());
    Canvas canvas(renderer, camera, tile);
    for (const auto& r : layout.rects) canvas.rect(r.x0, r.y0, r.x1, r.y1, r.color);
    for (const auto& l : layout.lines) canvas.line(l.points, l.color, l.width, l.dash);
    for (const auto& m : layout.markers) canvas.marker(m.x, m.y, m.style);
    for (const auto& t : layout.texts) canvas.text(t.text, t.x, t.baseline, t.size, t.color);
    TextStyle ts = style.text;
    ts.halo_width = 0;
    canvas.flush(ts);
    if (!layout.inset || !d.inset_layer) return;

    // Locator inset, top right: the region in the same projection, the picture's extent as a red frame, drawn
    // into its own viewport (clipped to the tile).
    const DecorationLayout::Inset& in = *layout.inset;
    Camera inset = in.camera;
    inset.set_flip_y(camera.flip_y());
    const float x0 = in.x0, y0 = in.y0, iw = in.width, ih = in.height;
    const int tx0 = tile ? tile->x0 : 0, ty0 = tile ? tile->y0 : 0;
    const int th = tile ? tile->height : camera.height();
    const int vx = static_cast<int>(x0) - tx0;
    const int vy = camera.flip_y() ? static_cast<int>(y0) - ty0 : th - (static_cast<int>(y0) - ty0) - static_cast<int>(ih);
    glEnable(GL_SCISSOR_TEST);
    glScissor(vx, vy, static_cast<int>(iw), static_cast<int>(ih));
    glViewport(vx, vy, static_cast<int>(iw), static_cast<int>(ih));
    glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    // Projected in the scene's projection, focus marked: make_decorations saw to both.
    const SceneLayer& layer = *d.inset_layer;
    const GpuMesh& gpu = renderer.gpu_meshes().get(layer.projected);
    const auto fills = visible_ranges(layer.projected.ranges, inset.visible(), RangePart::kFill);
    renderer.fills().draw(gpu, fills, style.base.fill, 1.0f, inset);
    renderer.fills().draw(gpu, visible_ranges(layer.projected.ranges, inset.visible(), RangePart::kFill, &layer.highlight),
                          style.focus_fill, 1.0f, inset);
    renderer.lines().draw(gpu, visible_ranges(layer.projected.ranges, inset.visible(), RangePart::kOutline),
                          style.base.outline, in.outline_width, 1.0f, inset);
    // The picture's extent.
    const BBox v = in.frame;
    ProjectedMesh frame;
    for (const XY p : {XY{v.min_x, v.min_y}, XY{v.max_x, v.min_y}, XY{v.max_x, v.max_y}, XY{v.min_x, v.max_y},
                       XY{v.min_x, v.min_y}}) {
        frame.outline.insert(frame.outline.end(), {static_cast<float>(p.x), static_cast<float>(p.y), 1.0f});
    }
    frame.outline.back() = 0.0f;
    GpuMesh frame_gpu = upload_mesh(frame);
    renderer.lines().draw(frame_gpu, {{0, 5}}, in.frame_color, in.frame_width, 1.0f, inset);
    glDisable(GL_SCISSOR_TEST);
    // A thin border round the inset.
    Canvas border(renderer, camera, tile);
    border.line(in.border.points, in.border.color, in.border.width);
    border.flush(ts);
}

}  // namespace em
