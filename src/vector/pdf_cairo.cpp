// The cairo half of the PDF export, built into eventmap-pdf.so (the program opens it with dlopen when a PDF is
// asked for: vector/pdf_writer.cpp), so that nothing else loads cairo, FreeType's cairo face or pixman.
#include "vector/pdf_module.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <memory>


namespace em {

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void set_color(cairo_t* cr, const Color& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

void set_stroke(cairo_t* cr, const StrokeStyle& s) {
    set_color(cr, s.color);
    cairo_set_line_width(cr, s.width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    if (s.dash > 0) {
        const double dash[] = {s.dash, s.dash};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    } else {
        cairo_set_dash(cr, nullptr, 0, 0);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    }
}

void draw_path(cairo_t* cr, const PathItem& p) {
    cairo_new_path(cr);
    for (const auto& part : p.parts) {
        if (part.empty()) continue;
        cairo_move_to(cr, part[0].x, part[0].y);
        for (std::size_t i = 1; i < part.size(); ++i) cairo_line_to(cr, part[i].x, part[i].y);
        if (p.closed) cairo_close_path(cr);
    }
    if (p.fill) {
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
        set_color(cr, *p.fill);
        cairo_fill_preserve(cr);
    }
    if (p.stroke) {
        set_stroke(cr, *p.stroke);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
}

void draw_text(cairo_t* cr, const TextItem& t) {
    cairo_set_font_size(cr, t.size);
    double x = t.at.x;
    if (t.anchor != TextAnchor::kStart) {
        cairo_text_extents_t ext;
        cairo_text_extents(cr, t.text.c_str(), &ext);
        x -= t.anchor == TextAnchor::kMiddle ? ext.x_advance / 2 : ext.x_advance;
    }
    if (t.halo_width > 0 && t.halo.a > 0) {
        cairo_new_path(cr);
        cairo_move_to(cr, x, t.at.y);
        cairo_text_path(cr, t.text.c_str());
        set_stroke(cr, StrokeStyle{t.halo, 2.0f * t.halo_width, 0});
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
    cairo_move_to(cr, x, t.at.y);
    set_color(cr, t.color);
    cairo_show_text(cr, t.text.c_str());  // real text: selectable, searchable, the font subset embedded
    cairo_new_path(cr);
}

void draw_marker(cairo_t* cr, const MarkerItem& m) {
    const float w = m.style.stroke_width;
    const MarkerOutline shape = marker_outline(m.style, m.centre, w / 2.0);
    cairo_new_path(cr);
    if (shape.circle) {
        cairo_arc(cr, shape.centre.x, shape.centre.y, shape.radius, 0, 2 * 3.14159265358979323846);
    } else {
        for (std::size_t i = 0; i < shape.polygon.size(); ++i)
            (i ? cairo_line_to : cairo_move_to)(cr, shape.polygon[i].x, shape.polygon[i].y);
    }
    cairo_close_path(cr);
    const Color fill = m.style.fill.with_alpha(m.style.fill.a * m.opacity);
    const Color stroke = m.style.stroke.with_alpha(m.style.stroke.a * m.opacity);
    if (fill.a > 0) {
        set_color(cr, fill);
        cairo_fill_preserve(cr);
    }
    if (w > 0 && stroke.a > 0) {
        set_stroke(cr, StrokeStyle{stroke, w, 0});
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

struct CairoDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
    void operator()(cairo_font_face_t* f) const { cairo_font_face_destroy(f); }
    void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
};

// FreeType's library and face must outlive cairo's font face, which cairo may keep in its caches after we drop
// it; so the font face owns them (user data destroyed with it).
struct FreeTypeFont {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    ~FreeTypeFont() {
        if (face) FT_Done_Face(face);
        if (library) FT_Done_FreeType(library);
    }
};

const cairo_user_data_key_t kFreeTypeKey{};  // cairo tells user data apart by the key's address

Result<std::unique_ptr<cairo_font_face_t, CairoDeleter>> load_font(const std::string& font_path) {
    auto font = std::make_unique<FreeTypeFont>();
    if (FT_Init_FreeType(&font->library) != 0) return Error{"FreeType: cannot start"};
    if (FT_New_Face(font->library, font_path.c_str(), 0, &font->face) != 0)
        return Error{font_path + ": cannot open font"};
    std::unique_ptr<cairo_font_face_t, CairoDeleter> face(cairo_ft_font_face_create_for_ft_face(font->face, 0));
    if (cairo_font_face_set_user_data(face.get(), &kFreeTypeKey, font.get(),
                                      [](void* p) { delete static_cast<FreeTypeFont*>(p); }) != CAIRO_STATUS_SUCCESS)
        return Error{font_path + ": cairo cannot use the font"};
    font.release();  // owned by the font face now
    return face;
}

}  // namespace

Result<std::string> draw_pdf(const DrawList& list, const PdfPage& page, const std::string& font_path,
                             const std::string& title, const std::string& path) {
    auto loaded = load_font(font_path);
    if (!loaded) return loaded.error();
    std::string bytes;
    {
        std::unique_ptr<cairo_font_face_t, CairoDeleter> face = std::move(loaded).value();
        std::unique_ptr<cairo_surface_t, CairoDeleter> surface(
            cairo_pdf_surface_create_for_stream(append_to_string, &bytes, page.width_pt, page.height_pt));
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
            return Error{path + ": " + cairo_status_to_string(cairo_surface_status(surface.get()))};
        if (!title.empty()) cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "eventmap");
        std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
        cairo_t* c = cr.get();
        // Unhinted metrics: advances as the label layout measured them (stb_truetype, unhinted).
        std::unique_ptr<cairo_font_options_t, CairoDeleter> options(cairo_font_options_create());
        cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
        cairo_set_font_options(c, options.get());
        cairo_set_font_face(c, face.get());

        cairo_translate(c, page.x_pt, page.y_pt);
        cairo_scale(c, page.pt_per_px, page.pt_per_px);
        cairo_rectangle(c, 0, 0, list.width, list.height);
        cairo_clip(c);
        set_color(c, list.background);
        cairo_paint(c);
        for (const DrawGroup& g : list.groups) {
            cairo_save(c);
            if (g.clip) {
                cairo_rectangle(c, g.clip->x0, g.clip->y0, g.clip->x1 - g.clip->x0, g.clip->y1 - g.clip->y0);
                cairo_clip(c);
                if (g.clip_background) {
                    set_color(c, *g.clip_background);
                    cairo_paint(c);
                }
            }
            for (const DrawItem& item : g.items) {
                if (const auto* p = std::get_if<PathItem>(&item)) draw_path(c, *p);
                if (const auto* t = std::get_if<TextItem>(&item)) draw_text(c, *t);
                if (const auto* m = std::get_if<MarkerItem>(&item)) draw_marker(c, *m);
            }
            cairo_restore(c);
        }
        cairo_show_page(c);
        if (cairo_status(c) != CAIRO_STATUS_SUCCESS) return Error{path + ": " + cairo_status_to_string(cairo_status(c))};
        cr.reset();
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
            return Error{path + ": " + cairo_status_to_string(cairo_surface_status(surface.get()))};
    }
    return bytes;
}

namespace {

class CairoPdfModule final : public PdfModule {
public:
    Result<std::string> draw(const DrawList& list, const PdfPage& page, const std::string& font_path,
                             const std::string& title, const std::string& path) const override {
        return draw_pdf(list, page, font_path, title, path);
    }
};

}  // namespace

}  // namespace em

extern "C" __attribute__((visibility("default"))) const em::PdfModule* eventmap_pdf_module() {
    static const em::CairoPdfModule module;
    return &module;
}
