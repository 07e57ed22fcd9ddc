#include "vector/svg_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "export/png_writer.hpp"

namespace em {

namespace {

// Coordinates to a hundredth of a pixel: finer than any printer resolves at the picture's dpi, and short.
void put_number(std::string& out, double v) {
    char buf[32];
    const double r = std::round(v * 100.0) / 100.0;
    const int n = std::snprintf(buf, sizeof buf, "%.2f", r == 0 ? 0.0 : r);
    // Trim trailing zeros and a trailing dot: "12.50" -> "12.5", "3.00" -> "3".
    int end = n;
    while (end > 0 && buf[end - 1] == '0') --end;
    if (end > 0 && buf[end - 1] == '.') --end;
    out.append(buf, static_cast<std::size_t>(end));
}

std::string hex_color(const Color& c) {
    char buf[8];
    auto byte = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
    return buf;
}

void put_attr(std::string& out, const char* name, const std::string& value) {
    out += ' ';
    out += name;
    out += "=\"";
    out += value;
    out += '"';
}

void put_attr(std::string& out, const char* name, double value) {
    out += ' ';
    out += name;
    out += "=\"";
    put_number(out, value);
    out += '"';
}

void put_paint(std::string& out, const char* what, const Color& c) {
    put_attr(out, what, hex_color(c));
    if (c.a < 1.0f) put_attr(out, (std::string(what) + "-opacity").c_str(), c.a);
}

void put_stroke(std::string& out, const StrokeStyle& s) {
    put_paint(out, "stroke", s.color);
    put_attr(out, "stroke-width", s.width);
    put_attr(out, "stroke-linejoin", "round");
    // Dashes end square (butt), as the line shader cuts them; solid lines round their ends.
    put_attr(out, "stroke-linecap", s.dash > 0 ? "butt" : "round");
    if (s.dash > 0) {
        std::string dash;
        put_number(dash, s.dash);
        put_attr(out, "stroke-dasharray", dash + " " + dash);
    }
}

void put_path(std::string& out, const PathItem& p) {
    out += "<path d=\"";
    for (const auto& part : p.parts) {
        for (std::size_t i = 0; i < part.size(); ++i) {
            out += i == 0 ? 'M' : 'L';
            put_number(out, part[i].x);
            out += ' ';
            put_number(out, part[i].y);
        }
        if (p.closed && !part.empty()) out += 'Z';
    }
    out += '"';
    if (p.fill) {
        put_paint(out, "fill", *p.fill);
        put_attr(out, "fill-rule", "evenodd");
    } else {
        put_attr(out, "fill", "none");
    }
    if (p.stroke) put_stroke(out, *p.stroke);
    out += "/>\n";
}

void put_text(std::string& out, const TextItem& t) {
    out += "<text";
    put_attr(out, "x", t.at.x);
    put_attr(out, "y", t.at.y);
    put_attr(out, "font-size", t.size);
    put_paint(out, "fill", t.color);
    if (t.anchor == TextAnchor::kMiddle) put_attr(out, "text-anchor", "middle");
    if (t.anchor == TextAnchor::kEnd) put_attr(out, "text-anchor", "end");
    if (t.halo_width > 0 && t.halo.a > 0) {
        // The halo reaches halo_width beyond the glyph's edge: a stroke twice as wide, painted under the fill.
        put_paint(out, "stroke", t.halo);
        put_attr(out, "stroke-width", 2.0 * t.halo_width);
        put_attr(out, "stroke-linejoin", "round");
        put_attr(out, "paint-order", "stroke");
    }
    out += '>';
    out += xml_escape(t.text);
    out += "</text>\n";
}

void put_marker(std::string& out, const MarkerItem& m) {
    const float w = m.style.stroke_width;
    const MarkerOutline shape = marker_outline(m.style, m.centre, w / 2.0);
    const Color fill = m.style.fill.with_alpha(m.style.fill.a * m.opacity);
    const Color stroke = m.style.stroke.with_alpha(m.style.stroke.a * m.opacity);
    if (shape.circle) {
        out += "<circle";
        put_attr(out, "cx", shape.centre.x);
        put_attr(out, "cy", shape.centre.y);
        put_attr(out, "r", shape.radius);
    } else {
        out += "<polygon points=\"";
        for (std::size_t i = 0; i < shape.polygon.size(); ++i) {
            if (i) out += ' ';
            put_number(out, shape.polygon[i].x);
            out += ',';
            put_number(out, shape.polygon[i].y);
        }
        out += '"';
    }
    if (fill.a > 0) {
        put_paint(out, "fill", fill);
    } else {
        put_attr(out, "fill", "none");
    }
    if (w > 0 && stroke.a > 0) put_stroke(out, StrokeStyle{stroke, w, 0});
    out += "/>\n";
}

}  // namespace

std::string xml_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                // XML 1.0 allows no control characters but tab, newline and carriage return.
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                out += ch;
        }
    }
    return out;
}

std::string svg_document(const DrawList& list) {
    std::string out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"";
    put_attr(out, "width", list.width);
    put_attr(out, "height", list.height);
    out += " viewBox=\"0 0 " + std::to_string(list.width) + " " + std::to_string(list.height) + "\"";
    out += " font-family=\"DejaVu Sans\">\n";
    out += "<rect id=\"background\" x=\"0\" y=\"0\"";
    put_attr(out, "width", list.width);
    put_attr(out, "height", list.height);
    put_paint(out, "fill", list.background);
    out += "/>\n";
    int clip_count = 0;
    for (const DrawGroup& g : list.groups) {
        if (g.clip) {
            const PixelRect& r = *g.clip;
            const std::string id = "clip-" + std::to_string(++clip_count);
            out += "<clipPath id=\"" + id + "\"><rect";
            put_attr(out, "x", r.x0);
            put_attr(out, "y", r.y0);
            put_attr(out, "width", r.x1 - r.x0);
            put_attr(out, "height", r.y1 - r.y0);
            out += "/></clipPath>\n";
            out += "<g id=\"" + xml_escape(g.id) + "\" clip-path=\"url(#" + id + ")\">\n";
            if (g.clip_background) {
                out += "<rect";
                put_attr(out, "x", r.x0);
                put_attr(out, "y", r.y0);
                put_attr(out, "width", r.x1 - r.x0);
                put_attr(out, "height", r.y1 - r.y0);
                put_paint(out, "fill", *g.clip_background);
                out += "/>\n";
            }
        } else {
            out += "<g id=\"" + xml_escape(g.id) + "\">\n";
        }
        for (const DrawItem& item : g.items) {
            if (const auto* p = std::get_if<PathItem>(&item)) put_path(out, *p);
            if (const auto* t = std::get_if<TextItem>(&item)) put_text(out, *t);
            if (const auto* m = std::get_if<MarkerItem>(&item)) put_marker(out, *m);
        }
        out += "</g>\n";
    }
    out += "</svg>\n";
    return out;
}

Status write_svg(const DrawList& list, const std::string& path) {
    return write_file_atomically(path, svg_document(list));
}

}  // namespace em
