#include "app/cli/render_document.hpp"

#include "app/cli/event_filter_args.hpp"
#include "app/headless_map.hpp"
#include "app/views.hpp"
#include "core/date.hpp"
#include "geo/projection.hpp"

namespace em {

Result<Project> document_for(const RenderOptions& o) {
    auto camera = HeadlessMap::camera_for(o);
    if (!camera) return camera.error();
    Project doc;
    doc.view.projection = o.projection;
    doc.view.frame = camera->visible();
    if (o.bbox) {
        doc.view.bbox = *o.bbox;
    } else if (const auto view = find_view(o.view)) {
        doc.view.bbox = view->lon_lat;
    }
    doc.output = {camera->width(), camera->height(), o.pixel_scale, o.samples};
    for (const auto& path : o.layers) {
        ProjectLayer layer;
        layer.path = path;
        layer.styled = false;  // the loader's default style for its geometry
        doc.layers.push_back(std::move(layer));
    }
    doc.events.show = o.date.has_value() || !o.events.empty();
    for (const auto& f : o.events) doc.events.files.emplace_back(f);
    doc.events.places = o.places;
    if (o.date) {
        const auto date = Date::parse(*o.date);
        if (!date) return Error{"--date: '" + *o.date + "' is not a real date YYYY-MM-DD"};
        doc.time.date = *date;
        doc.time.mode = WindowMode::kTrailing;
        doc.time.days = o.window_days;
    } else {
        doc.time.mode = WindowMode::kCumulative;  // every event up to the last one
    }
    apply_filter_args(o.filters, doc.time, doc.filters);
    if (any_filter_args(o.filters)) doc.events.show = true;
    doc.decorations = {o.title, o.subtitle, o.legend, o.scale_bar, o.inset, o.attribution};
    doc.map = {o.labels, o.graticule, o.base, o.theme};
    return doc;
}

Result<Project> document_for_project(const RenderOptions& o, std::vector<std::string>* warnings) {
    auto read = read_project(*o.project);
    if (!read) return read.error();
    Project doc = std::move(read).value();
    if (warnings) warnings->insert(warnings->end(), doc.warnings.begin(), doc.warnings.end());
    auto options_doc = document_for(o);
    if (!options_doc) return options_doc.error();
    const Project& given = options_doc.value();
    auto was = [&](const char* name) { return o.was_given(name); };

    if (was("view") || was("bbox") || was("projection")) doc.view = given.view;  // framed at the options' size
    const bool resized = was("size") || doc.output.width <= 0 || doc.output.height <= 0;
    if (resized) doc.output.width = given.output.width, doc.output.height = given.output.height;
    if (doc.view.frame.empty() || resized) {
        // Fit what the project shows (its frame, else its lon/lat box, else the default view) into the size.
        const auto projection = Projection::from_name(doc.view.projection);
        if (!projection) return Error{*o.project + ": view.projection: unknown projection"};
        BBox box = doc.view.frame;
        if (box.empty()) box = projection->project_box(doc.view.bbox.empty() ? find_view(o.view)->lon_lat : doc.view.bbox);
        if (box.empty() || box.width() <= 0 || box.height() <= 0)
            return Error{*o.project + ": view.bbox: the box cannot be shown in projection " + projection->name()};
        doc.view.frame = Camera::fit(box, doc.output.width, doc.output.height).visible();
    }
    if (was("scale") || was("dpi")) doc.output.pixel_scale = o.pixel_scale;
    if (was("samples")) doc.output.samples = o.samples;
    for (const auto& layer : given.layers) doc.layers.push_back(layer);
    if (was("events")) doc.events.files.insert(doc.events.files.end(), given.events.files.begin(), given.events.files.end());
    if (was("places")) doc.events.places = given.events.places;
    if (was("date") || was("events")) doc.events.show = true;
    if (was("date")) doc.time.date = given.time.date;
    if (was("window")) doc.time.days = given.time.days, doc.time.mode = WindowMode::kTrailing;
    apply_filter_args(o.filters, doc.time, doc.filters);
    if (any_filter_args(o.filters)) doc.events.show = true;
    if (was("title")) doc.decorations.title = given.decorations.title;
    if (was("subtitle")) doc.decorations.subtitle = given.decorations.subtitle;
    if (was("legend")) doc.decorations.legend = given.decorations.legend;
    if (was("scale-bar")) doc.decorations.scale_bar = given.decorations.scale_bar;
    if (was("inset")) doc.decorations.inset = given.decorations.inset;
    if (was("attribution")) doc.decorations.attribution = given.decorations.attribution;
    if (was("labels")) doc.map.labels = given.map.labels;
    if (was("graticule")) doc.map.graticule = given.map.graticule;
    if (was("base")) doc.map.base = given.map.base;
    if (was("theme")) doc.map.theme = given.map.theme;
    doc.warnings.clear();
    return doc;
}

Project frame_document(const Project& doc, const RenderOptions& o, Date date) {
    Project one = doc;
    one.events.show = true;
    one.time.date = date;
    if (one.time.mode == WindowMode::kRange || (!o.project && !o.was_given("cumulative")))
        one.time.mode = WindowMode::kTrailing;
    return one;
}

Result<Camera> document_camera(const Project& doc) {
    if (doc.view.frame.empty()) return Error{"the project has no view frame (view.frame)"};
    if (doc.output.width <= 0 || doc.output.height <= 0)
        return Error{"the project has no output size (output.width, output.height)"};
    return Camera::exact(doc.view.frame, doc.output.width, doc.output.height);
}

}  // namespace em
