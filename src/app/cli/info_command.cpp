#include "app/cli/info_command.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "app/cli/command_line.hpp"
#include "core/utf8.hpp"
#include "geo/vector_loader.hpp"

namespace em {

namespace {

// Longest value shown, in code points; longer ones end in an ellipsis.
constexpr std::size_t kMaxValueChars = 60;

// A value on one line: control characters escaped, cut at kMaxValueChars code points.
std::string displayed_value(const std::string& value) {
    std::string out;
    std::size_t chars = 0;
    for (char32_t cp : decode_utf8(value)) {
        if (chars == kMaxValueChars) {
            out += "\u2026";
            break;
        }
        if (cp == U'\n') {
            out += "\\n";
        } else if (cp == U'\t') {
            out += "\\t";
        } else if (cp < 0x20 || cp == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(cp));
            out += buf;
        } else {
            append_utf8(out, cp);
        }
        ++chars;
    }
    return out;
}

// 12345 -> "12,345".
std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string degrees(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

std::size_t part_count(const VectorLayer& layer) {
    std::size_t n = 0;
    for (const auto& f : layer.features) n += f.polygons.size() + f.lines.size() + f.points.size();
    return n;
}

// Display width of a field name (code points), for lining up the values.
std::size_t width_of(const std::string& s) { return decode_utf8(s).size(); }

}  // namespace

std::string geometry_kind_name(GeometryKind kind) {
    switch (kind) {
        case GeometryKind::kPolygon: return "polygon";
        case GeometryKind::kLine: return "line";
        case GeometryKind::kPoint: return "point";
        case GeometryKind::kMixed: return "mixed";
        case GeometryKind::kNone: break;
    }
    return "none";
}

std::string describe_vector_source(const std::string& path, const std::vector<VectorLayer>& layers) {
    std::string out = path + ": " + std::to_string(layers.size()) + (layers.size() == 1 ? " layer" : " layers") + "\n";
    for (std::size_t li = 0; li < layers.size(); ++li) {
        const VectorLayer& l = layers[li];
        out += "\nlayer " + std::to_string(li + 1) + ": " + l.name + "\n";
        out += "  geometry:  " + geometry_kind_name(l.kind) + "\n";
        out += "  features:  " + grouped(l.features.size()) + " (" + grouped(part_count(l)) + " parts, " +
               grouped(l.vertex_count()) + " vertices)\n";
        out += "  CRS:       " + l.crs + "\n";
        if (l.bbox.empty()) {
            out += "  extent:    none (no geometry)\n";
        } else {
            out += "  extent:    lon " + degrees(l.bbox.min_x) + " .. " + degrees(l.bbox.max_x) + ", lat " +
                   degrees(l.bbox.min_y) + " .. " + degrees(l.bbox.max_y) + " (WGS84)\n";
        }
        out += "  fields:    " + std::to_string(l.fields.size()) + (l.fields.empty() ? "\n" : ", first non-empty values:\n");
        std::size_t name_width = 0;
        for (const auto& f : l.fields) name_width = std::max(name_width, width_of(f));
        for (std::size_t fi = 0; fi < l.fields.size(); ++fi) {
            const std::string* first = nullptr;
            for (const auto& feature : l.features) {
                if (fi < feature.values.size() && !feature.values[fi].empty()) {
                    first = &feature.values[fi];
                    break;
                }
            }
            out += "    " + l.fields[fi] + std::string(name_width - width_of(l.fields[fi]) + 2, ' ');
            out += first ? displayed_value(*first) : std::string("(empty in every feature)");
            out += "\n";
        }
        out += "  warnings:  " + (l.warnings.empty() ? std::string("none") : std::to_string(l.warnings.size())) + "\n";
        for (const auto& w : l.warnings) out += "    " + w + "\n";
    }
    return out;
}

int run_info_command(const std::vector<std::string>& args, const std::filesystem::path& executable) {
    auto parsed = parse_info_args(args);
    if (!parsed) {
        std::cerr << "eventmap info: " << parsed.error().message << "\n";
        return 2;
    }
    if (parsed->help) {
        std::cout << info_help();
        return 0;
    }
    apply_command_line_sources(parsed->allow_network, parsed->paths);
    const std::vector<std::string>& paths = parsed->paths;
    int status = 0;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        auto layers = load_vector_source(paths[i]);
        if (!layers) {
            std::string why = layers.error().message;  // names the file; GDAL's text may span lines
            std::replace(why.begin(), why.end(), '\n', ' ');
            std::cout.flush();
            std::cerr << "eventmap info: " << why << "\n";
            status = 1;
            continue;
        }
        if (i) std::cout << "\n";
        std::cout << describe_vector_source(paths[i], layers.value());
    }
    return status;
}

}  // namespace em
