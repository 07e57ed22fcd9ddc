#include "render/decorations.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "render/actor_style.hpp"
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

std::string format_distance(double metres) {
    char buf[32];
    if (metres >= 1000) {
        std::snprintf(buf, sizeof buf, "%g km", metres / 1000);
    } else {
        std::snprintf(buf, sizeof buf, "%g m", metres);
    }
    return buf;
}

const Color kInk = Color::hex(0x222222);
const Color kPanel = Color::hex(0xFFFFFF, 0.88f);

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
void add_layer_entries(const MapScene& scene, std::vector<LegendEntry>& out) {
    constexpr std::size_t kMaxClassEntries = 12;
    for (const SceneLayer& layer : scene.overlays) {
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

std::vector<LegendEntry> legend_for(const MapScene& scene) {
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
    for (const auto& p : parties) out.push_back({LegendEntry::Symbol::kSwatch, p, party_color(p), kCircle});
    for (const auto& [type, colour] : incidents.types)
        out.push_back({LegendEntry::Symbol::kMarker, type + " (size: fatalities)", colour, kCircle});
    if (meetings) out.push_back({LegendEntry::Symbol::kLine, "meeting (arrow at the venue)", kInk, kCircle});
    if (calls) out.push_back({LegendEntry::Symbol::kDashedLine, "phone call", kInk, kCircle});
    const std::pair<MarkerShape, const char*> kinds[] = {{kTriangleUp, "arrival"},
                                                         {kTriangleDown, "departure"},
                                                         {kDiamond, "handover"},
                                                         {kSquare, "size change"},
                                                         {kCircle, "announcement"}};
    for (const auto& [shape, name] : kinds)
        if (shapes.count(shape)) out.push_back({LegendEntry::Symbol::kMarker, name, kInk, shape});
    if (!o.presence.empty())
        out.push_back({LegendEntry::Symbol::kTint, "forces present (tint, badge)", Color::hex(0x999999), kCircle});
    if (uncertain) out.push_back({LegendEntry::Symbol::kMarker, "uncertain (hollow, faded)", Color{}, kCircle});
    return out;
}

void draw_decorations(MapRenderer& renderer, MapScene& scene, const MapStyle& style, const Decorations& d,
                      const Camera& camera, float s, const Tile* tile) {
    Canvas canvas(renderer, camera, tile);
    const float W = static_cast<float>(camera.width()), H = static_cast<float>(camera.height());
    const float pad = 10 * s, margin = 14 * s;

    // Title block, top left.
    if (!d.title.empty() || !d.subtitle.empty() || !d.when.empty()) {
        const float ts = 22 * s, ss = 14 * s, ws = 13 * s;
        float width = 0, height = pad;
        if (!d.title.empty()) width = std::max(width, canvas.measure(d.title, ts)), height += ts * 1.15f;
        if (!d.subtitle.empty()) width = std::max(width, canvas.measure(d.subtitle, ss)), height += ss * 1.3f;
        if (!d.when.empty()) width = std::max(width, canvas.measure(d.when, ws)), height += ws * 1.3f;
        height += pad * 0.6f;
        canvas.rect(margin, margin, margin + width + 2 * pad, margin + height, kPanel);
        float y = margin + pad;
        if (!d.title.empty()) y += ts * 0.95f, canvas.text(d.title, margin + pad, y, ts, kInk), y += ts * 0.2f;
        if (!d.subtitle.empty()) y += ss * 1.2f, canvas.text(d.subtitle, margin + pad, y, ss, Color::hex(0x444444));
        if (!d.when.empty()) y += ws * 1.3f, canvas.text(d.when, margin + pad, y, ws, Color::hex(0xA0380A));
    }

    // Legend, bottom left.
    float legend_top = H;
    if (d.legend && !d.legend_entries.empty()) {
        const float ls = 12 * s, row = 17 * s, sym = 22 * s;
        float width = 0;
        for (const auto& e : d.legend_entries) width = std::max(width, canvas.measure(e.label, ls));
        const float box_w = width + sym + 2.5f * pad;
        const float box_h = row * d.legend_entries.size() + 1.2f * pad + row;
        const float x0 = margin, y0 = H - margin - box_h - 14 * s;
        legend_top = y0;
        canvas.rect(x0, y0, x0 + box_w, y0 + box_h, kPanel);
        canvas.text("Legend", x0 + pad, y0 + pad + ls, ls, Color::hex(0x666666));
        float y = y0 + pad + row;
        for (const auto& e : d.legend_entries) {
            const float cx = x0 + pad + sym / 2, cy = y + row / 2;
            switch (e.symbol) {
                case LegendEntry::Symbol::kSwatch:
                    canvas.rect(cx - 7 * s, cy - 5 * s, cx + 7 * s, cy + 5 * s, e.color);
                    break;
                case LegendEntry::Symbol::kTint:
                    canvas.rect(cx - 7 * s, cy - 5 * s, cx + 7 * s, cy + 5 * s, e.color.with_alpha(0.35f));
                    break;
                case LegendEntry::Symbol::kLine:
                    canvas.line({{cx - 9 * s, cy}, {cx + 9 * s, cy}}, e.color, 2 * s);
                    break;
                case LegendEntry::Symbol::kDashedLine:
                    canvas.line({{cx - 9 * s, cy}, {cx + 9 * s, cy}}, e.color, 2 * s, 3 * s);
                    break;
                case LegendEntry::Symbol::kMarker: {
                    MarkerStyle m{5 * s, 1.2f * s, e.color, Color::hex(0xFFFFFF), e.shape};
                    if (e.color.a == 0) m = MarkerStyle{5 * s, 1.3f * s, Color::hex(0xFFFFFF), kInk, kCircle};
                    canvas.marker(cx, cy, m);
                    break;
                }
            }
            canvas.text(e.label, x0 + pad + sym + 4 * s, cy + ls * 0.35f, ls, kInk);
            y += row;
        }
    }
    (void)legend_top;

    // Scale bar, bottom right: true distance at the map's centre in this projection.
    if (d.scale_bar) {
        const auto centre = scene.projection.inverse(camera.centre());
        const double true_mpp =
            camera.metres_per_pixel_x() * (centre ? scene.projection.scale_factor_x(*centre) : 1.0);
        const double length_m = nice_scale_length(true_mpp * 160 * s);
        const float length_px = static_cast<float>(length_m / true_mpp);
        const float x1 = W - margin - pad, x0 = x1 - length_px, y = H - margin - 24 * s;
        canvas.rect(x0 - pad, y - 20 * s, x1 + pad, y + 8 * s, kPanel);
        canvas.line({{x0, y - 5 * s}, {x0, y}, {x1, y}, {x1, y - 5 * s}}, kInk, 1.5f * s);
        const std::string label = format_distance(length_m) + (centre ? " (at the map centre)" : "");
        const float ls = 11 * s;
        canvas.text(label, x1 - canvas.measure(label, ls), y - 8 * s, ls, kInk);
    }
    // Attribution, bottom right under the scale bar.
    if (!d.attribution.empty()) {
        const float as = 9.5f * s;
        const float w = canvas.measure(d.attribution, as);
        canvas.rect(W - margin - w - pad, H - margin - as * 1.1f, W - margin + pad * 0.3f, H - margin + as * 0.5f,
                    kPanel);
        canvas.text(d.attribution, W - margin - w, H - margin, as, Color::hex(0x555555));
    }
    TextStyle ts = style.text;
    ts.halo_width = 0;
    canvas.flush(ts);

    // Locator inset, top right: the region in the same projection, the picture's extent as a red frame.
    if (d.inset && d.inset_layer) {
        const float iw = std::min(W * 0.22f, 320 * s), ih = iw * 0.8f;
        const float x0 = W - margin - iw, y0 = margin;
        // The picture's extent in context: three times its size around its centre, at least Africa and Europe.
        const BBox shown = camera.visible();
        BBox region = scene.projection.project_box(BBox::of(-20, -35, 50, 65));
        region.add(BBox::of(shown.center_x() - 1.5 * shown.width(), shown.center_y() - 1.5 * shown.height(),
                            shown.center_x() + 1.5 * shown.width(), shown.center_y() + 1.5 * shown.height()));
        Camera inset = Camera::fit(region, static_cast<int>(iw), static_cast<int>(ih));
        inset.set_flip_y(camera.flip_y());
        // Draw the inset into its own viewport (clipped to the tile).
        const int tx0 = tile ? tile->x0 : 0, ty0 = tile ? tile->y0 : 0;
        const int th = tile ? tile->height : camera.height();
        const int vx = static_cast<int>(x0) - tx0;
        const int vy = camera.flip_y() ? static_cast<int>(y0) - ty0 : th - (static_cast<int>(y0) - ty0) - static_cast<int>(ih);
        glEnable(GL_SCISSOR_TEST);
        glScissor(vx, vy, static_cast<int>(iw), static_cast<int>(ih));
        glViewport(vx, vy, static_cast<int>(iw), static_cast<int>(ih));
        glClearColor(style.ocean.r, style.ocean.g, style.ocean.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        SceneLayer& layer = const_cast<SceneLayer&>(*d.inset_layer);
        layer.ensure_projection(scene.projection);
        const GpuMesh& gpu = layer.ensure_gpu();
        const auto fills = visible_ranges(layer.projected.ranges, inset.visible(), RangePart::kFill);
        renderer.fills().draw(gpu, fills, style.base.fill, 1.0f, inset);
        renderer.fills().draw(gpu, visible_ranges(layer.projected.ranges, inset.visible(), RangePart::kFill,
                                                  &const_cast<SceneLayer&>(*d.inset_layer).highlight),
                              style.focus_fill, 1.0f, inset);
        renderer.lines().draw(gpu, visible_ranges(layer.projected.ranges, inset.visible(), RangePart::kOutline),
                              style.base.outline, 0.5f * s, 1.0f, inset);
        // The picture's extent.
        const BBox v = camera.visible();
        ProjectedMesh frame;
        for (const XY p : {XY{v.min_x, v.min_y}, XY{v.max_x, v.min_y}, XY{v.max_x, v.max_y}, XY{v.min_x, v.max_y},
                           XY{v.min_x, v.min_y}}) {
            frame.outline.insert(frame.outline.end(), {static_cast<float>(p.x), static_cast<float>(p.y), 1.0f});
        }
        frame.outline.back() = 0.0f;
        GpuMesh frame_gpu = upload_mesh(frame);
        renderer.lines().draw(frame_gpu, {{0, 5}}, Color::hex(0xC0282D), 1.5f * s, 1.0f, inset);
        glDisable(GL_SCISSOR_TEST);
        // A thin border round the inset.
        Canvas border(renderer, camera, tile);
        border.line({{x0, y0}, {x0 + iw, y0}, {x0 + iw, y0 + ih}, {x0, y0 + ih}, {x0, y0}}, Color::hex(0x777777),
                    1.0f * s);
        border.flush(ts);
    }
}

}  // namespace em
