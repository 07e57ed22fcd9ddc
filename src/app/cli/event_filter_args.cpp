#include "app/cli/event_filter_args.hpp"

namespace em {

void apply_filter_args(const EventFilterArgs& args, ProjectTime& time, ProjectFilters& filters) {
    if (args.range_start && args.range_end) {
        time.mode = WindowMode::kRange;
        time.range_start = args.range_start;
        time.range_end = args.range_end;
        if (!time.date) time.date = args.range_end;  // presence is shown on the range's last day
    }
    if (args.cumulative) time.mode = WindowMode::kCumulative;
    if (!args.actors.empty()) filters.parties = {args.actors.begin(), args.actors.end()};
    if (!args.kinds.empty()) {
        filters.hidden_kinds.clear();
        for (EventKind k : all_kinds())
            if (std::find(args.kinds.begin(), args.kinds.end(), k) == args.kinds.end()) filters.hidden_kinds.insert(k);
    }
    if (!args.countries.empty()) filters.countries = {args.countries.begin(), args.countries.end()};
    if (args.search) filters.text = *args.search;
    if (args.hide_uncertain) filters.hide_uncertain = true;
    if (!args.event_types.empty()) filters.event_types = {args.event_types.begin(), args.event_types.end()};
    if (args.min_fatalities) filters.min_fatalities = *args.min_fatalities;
    if (args.actor_text) filters.actor_text = *args.actor_text;
}

bool any_filter_args(const EventFilterArgs& args) {
    return (args.range_start && args.range_end) || args.cumulative || !args.actors.empty() || !args.kinds.empty() ||
           !args.countries.empty() || args.search || args.hide_uncertain || !args.event_types.empty() ||
           args.min_fatalities || args.actor_text;
}

}  // namespace em
