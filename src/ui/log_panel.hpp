#pragma once

#include <string>
#include <vector>

namespace em {

// Messages for the user: what was loaded, every warning and error, each naming its file.
struct LogState {
    struct Line {
        bool error;
        std::string text;
    };
    std::vector<Line> lines;
    bool open = false;
    std::size_t seen = 0;  // lines the user has seen (the rest count as new)

    void info(std::string text) { lines.push_back({false, std::move(text)}); }
    void error(std::string text) {
        lines.push_back({true, std::move(text)});
        open = true;  // errors open the log
    }
};

// The log window (when open).
void draw_log_panel(LogState& log);

}  // namespace em
