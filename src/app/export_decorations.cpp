#include "app/export_decorations.hpp"

#include "app/picture.hpp"
#include "scene/sources_line.hpp"

namespace em {

Decorations make_decorations(const Project& doc, const SceneRef& scene, SceneLayer* inset_layer) {
    Decorations d;
    d.title = doc.decorations.title;
    d.subtitle = doc.decorations.subtitle;
    if (scene.events) d.when = window_caption(scene.events->window);
    d.legend = doc.decorations.legend.value_or(scene.events != nullptr);
    d.legend_entries = legend_for(scene, map_style(doc.map.theme));
    d.scale_bar = doc.decorations.scale_bar;
    if (doc.decorations.attribution) d.attribution = sources_line(doc, scene.projection->label());
    if (doc.decorations.inset && inset_layer) {
        inset_layer->ensure_projection(*scene.projection);
        if (inset_layer->highlight.empty() && scene.focus_countries)
            inset_layer->mark_countries(*scene.focus_countries);
        d.inset = true;
        d.inset_layer = inset_layer;
    }
    return d;
}

}  // namespace em
