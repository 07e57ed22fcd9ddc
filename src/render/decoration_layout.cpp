#include "render/decoration_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render/decorations.hpp"

namespace em {

namespace {

std::string format_distance(double metres) {
    char buf[32];
    if (metres >= 1000) {
        std::snprintf(buf, sizeof buf, "%g km", metres / 1000);
    } else {
        std::snprintf(buf, sizeof buf, "%g m", metres);
    }
    return buf;
}

}  // namespace

DecorationLayout layout_decorations(const SceneRef& scene, const MapStyle& style, const Decorations& d, const Camera& camera, float s,
                                    FontAtlas& font) {
    DecorationLayout out;
    const DecorationColors& colors = style.decorations;
    const Color kInk = colors.ink, kPanel = colors.panel;
    auto measure = [&font](const std::string& text, float size) {
        font.ensure(text);
        return font.measure(text, size);
    };
    auto rect = [&out](float x0, float y0, float x1, float y1, const Color& c) { out.rects.push_back({x0, y0, x1, y1, c}); };
    auto line = [&out](std::vector<XY> pts, const Color& c, float width, float dash = 0) {
        out.lines.push_back({std::move(pts), c, width, dash});
    };
    auto text = [&out](const std::string& t, float x, float baseline, float size, const Color& c) {
        out.texts.push_back({t, x, baseline, size, c});
    };
    auto marker = [&out](float x, float y, const MarkerStyle& m) { out.markers.push_back({x, y, m}); };
    const float W = static_cast<float>(camera.width()), H = static_cast<float>(camera.height());
    const float pad = 10 * s, margin = 14 * s;

    // Title block, top left.
    if (!d.title.empty() || !d.subtitle.empty() || !d.when.empty()) {
        const float ts = 22 * s, ss = 14 * s, ws = 13 * s;
        float width = 0, height = pad;
        if (!d.title.empty()) width = std::max(width, measure(d.title, ts)), height += ts * 1.15f;
        if (!d.subtitle.empty()) width = std::max(width, measure(d.subtitle, ss)), height += ss * 1.3f;
        if (!d.when.empty()) width = std::max(width, measure(d.when, ws)), height += ws * 1.3f;
        height += pad * 0.6f;
        rect(margin, margin, margin + width + 2 * pad, margin + height, kPanel);
        float y = margin + pad;
        if (!d.title.empty()) y += ts * 0.95f, text(d.title, margin + pad, y, ts, kInk), y += ts * 0.2f;
        if (!d.subtitle.empty()) y += ss * 1.2f, text(d.subtitle, margin + pad, y, ss, colors.subtitle);
        if (!d.when.empty()) y += ws * 1.3f, text(d.when, margin + pad, y, ws, colors.when);
    }

    // Legend, bottom left.
    if (d.legend && !d.legend_entries.empty()) {
        const float ls = 12 * s, row = 17 * s, sym = 22 * s;
        float width = 0;
        for (const auto& e : d.legend_entries) width = std::max(width, measure(e.label, ls));
        const float box_w = width + sym + 2.5f * pad;
        const float box_h = row * d.legend_entries.size() + 1.2f * pad + row;
        const float x0 = margin, y0 = H - margin - box_h - 14 * s;
        rect(x0, y0, x0 + box_w, y0 + box_h, kPanel);
        text("Legend", x0 + pad, y0 + pad + ls, ls, colors.legend_heading);
        float y = y0 + pad + row;
        for (const auto& e : d.legend_entries) {
            const float cx = x0 + pad + sym / 2, cy = y + row / 2;
            switch (e.symbol) {
                case LegendEntry::Symbol::kSwatch:
                    rect(cx - 7 * s, cy - 5 * s, cx + 7 * s, cy + 5 * s, e.color);
                    break;
                case LegendEntry::Symbol::kTint:
                    rect(cx - 7 * s, cy - 5 * s, cx + 7 * s, cy + 5 * s, e.color.with_alpha(0.35f));
                    break;
                case LegendEntry::Symbol::kLine:
                    line({{cx - 9 * s, cy}, {cx + 9 * s, cy}}, e.color, 2 * s);
                    break;
                case LegendEntry::Symbol::kDashedLine:
                    line({{cx - 9 * s, cy}, {cx + 9 * s, cy}}, e.color, 2 * s, 3 * s);
                    break;
                case LegendEntry::Symbol::kMarker: {
                    MarkerStyle m{5 * s, 1.2f * s, e.color, style.events.mark_outline, e.shape};
                    if (e.color.a == 0) m = MarkerStyle{5 * s, 1.3f * s, style.events.hollow_fill.with_alpha(1.0f), kInk, kCircle};
                    marker(cx, cy, m);
                    break;
                }
            }
            text(e.label, x0 + pad + sym + 4 * s, cy + ls * 0.35f, ls, kInk);
            y += row;
        }
    }

    // Scale bar, bottom right: true distance at the map's centre in this projection.
    if (d.scale_bar) {
        const auto centre = scene.projection->inverse(camera.centre());
        const double true_mpp =
            camera.metres_per_pixel_x() * (centre ? scene.projection->scale_factor_x(*centre) : 1.0);
        const double length_m = nice_scale_length(true_mpp * 160 * s);
        const float length_px = static_cast<float>(length_m / true_mpp);
        const float x1 = W - margin - pad, x0 = x1 - length_px, y = H - margin - 24 * s;
        rect(x0 - pad, y - 20 * s, x1 + pad, y + 8 * s, kPanel);
        line({{x0, y - 5 * s}, {x0, y}, {x1, y}, {x1, y - 5 * s}}, kInk, 1.5f * s);
        const std::string label = format_distance(length_m) + (centre ? " (at the map centre)" : "");
        const float ls = 11 * s;
        text(label, x1 - measure(label, ls), y - 8 * s, ls, kInk);
    }
    // Attribution, bottom right under the scale bar.
    if (!d.attribution.empty()) {
        const float as = 9.5f * s;
        const float w = measure(d.attribution, as);
        rect(W - margin - w - pad, H - margin - as * 1.1f, W - margin + pad * 0.3f, H - margin + as * 0.5f,
                    kPanel);
        text(d.attribution, W - margin - w, H - margin, as, colors.attribution);
    }

    // Locator inset, top right: the region in the same projection, the picture's extent as a red frame.
    if (d.inset && d.inset_layer) {
        const float iw = std::min(W * 0.22f, 320 * s), ih = iw * 0.8f;
        const float x0 = W - margin - iw, y0 = margin;
        // The picture's extent in context: three times its size around its centre, at least Africa and Europe.
        const BBox shown = camera.visible();
        BBox region = scene.projection->project_box(BBox::of(-20, -35, 50, 65));
        region.add(BBox::of(shown.center_x() - 1.5 * shown.width(), shown.center_y() - 1.5 * shown.height(),
                            shown.center_x() + 1.5 * shown.width(), shown.center_y() + 1.5 * shown.height()));
        DecorationLayout::Inset in;
        in.x0 = x0, in.y0 = y0, in.width = iw, in.height = ih;
        in.camera = Camera::fit(region, static_cast<int>(iw), static_cast<int>(ih));
        in.frame = shown;
        in.frame_color = colors.inset_frame;
        in.frame_width = 1.5f * s;
        in.outline_width = 0.5f * s;
        in.border = {{{x0, y0}, {x0 + iw, y0}, {x0 + iw, y0 + ih}, {x0, y0 + ih}, {x0, y0}}, colors.inset_border, 1.0f * s, 0};
        out.inset = std::move(in);
    }
    return out;
}

}  // namespace em
