#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/views.hpp"
#include "app/window_app.hpp"
#include "core/date.hpp"
#include "geo/projection.hpp"

namespace em {

Result<WindowOptions> parse_window_args(const std::vector<std::string>& args) {
    WindowOptions o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> Result<std::string> {
            if (i + 1 >= args.size()) return Error{a + ": missing value"};
            return args[++i];
        };
        if (a == "--layer") {
            auto v = value();
            if (!v) return v.error();
            o.layers.push_back(v.value());
        } else if (a == "--project") {
            auto v = value();
            if (!v) return v.error();
            o.project = v.value();
        } else if (a == "--view") {
            auto v = value();
            if (!v) return v.error();
            if (!find_view(v.value())) return Error{"--view: unknown view '" + v.value() + "'"};
            o.view = v.value();
            o.view_given = true;
        } else if (a == "--projection") {
            auto v = value();
            if (!v) return v.error();
            if (!Projection::from_name(v.value())) return Error{"--projection: unknown projection '" + v.value() + "'"};
            o.projection = v.value();
            o.projection_given = true;
        } else if (a == "--size") {
            auto v = value();
            if (!v) return v.error();
            const auto x = v->find('x');
            if (x == std::string::npos || std::sscanf(v->c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width <= 0 ||
                o.height <= 0)
                return Error{"--size: '" + v.value() + "' is not WIDTHxHEIGHT"};
        } else if (a == "--frames") {
            auto v = value();
            if (!v) return v.error();
            o.frames = std::atoi(v->c_str());
            if (o.frames <= 0) return Error{"--frames: '" + v.value() + "' is not a positive whole number"};
        } else if (a == "--script") {
            auto v = value();
            if (!v) return v.error();
            if (v.value() != "pan" && v.value() != "sweep" && v.value() != "still" && v.value() != "scrub" &&
                v.value() != "idle")
                return Error{"--script: expected pan, sweep, still, scrub or idle"};
            o.script = v.value();
        } else if (a == "--screenshot") {
            auto v = value();
            if (!v) return v.error();
            o.screenshot = v.value();
        } else if (a == "--stats") {
            auto v = value();
            if (!v) return v.error();
            o.stats = v.value();
        } else if (a == "--bbox") {
            auto v = value();
            if (!v) return v.error();
            o.bbox = parse_bbox(v.value());
            if (!o.bbox) return Error{"--bbox: '" + v.value() + "' is not W,S,E,N in degrees"};
        } else if (a == "--date") {
            auto v = value();
            if (!v) return v.error();
            if (!Date::parse(v.value())) return Error{"--date: '" + v.value() + "' is not a real date YYYY-MM-DD"};
            o.date = v.value();
        } else if (a == "--window") {
            auto v = value();
            if (!v) return v.error();
            o.window_days = std::atoi(v->c_str());
            o.window_given = true;
            if (o.window_days < 0) return Error{"--window: expected a number of days"};
        } else if (a == "--events") {
            auto v = value();
            if (!v) return v.error();
            o.events.push_back(v.value());
        } else if (a == "--places") {
            auto v = value();
            if (!v) return v.error();
            o.places = v.value();
        } else if (a == "--no-settings") {
            o.settings = false;
        } else if (a == "--samples") {
            auto v = value();
            if (!v) return v.error();
            o.samples = std::atoi(v->c_str());
        } else if (!a.empty() && a[0] != '-') {
            o.layers.push_back(a);  // a file passed by a file manager or desktop launcher
        } else {
            return Error{a + ": unknown option (see 'eventmap --help')"};
        }
    }
    return o;
}

}  // namespace em
