#include "app/export_decorations.hpp"

#include "app/picture.hpp"
#include "scene/sources_line.hpp"

namespace em {

Decorations make_decorations(const Project& doc, const MapScene& scene, SceneLayer* inset_layer) {
    Decorations d;
    d.title = doc.decorations.title;
    d.subtitle = doc.decorations.subtitle;
    if (scene.events) d.when = window_caption(scene.events->window);
    d.legend = doc.decorations.legend.value_or(scene.events.has_value());
    d.legend_entries = legend_for(scene);
    d.scale_bar = doc.decorations.scale_bar;
    if (doc.decorations.attribution) d.attribution = sources_line(doc, scene.projection.label());
    if (doc.decorations.inset && inset_layer) {
        if (inset_layer->highlight.empty()) scene.mark_focus(*inset_layer);
        d.inset = true;
        d.inset_layer = inset_layer;
    }
    return d;
}

}  // namespace em
