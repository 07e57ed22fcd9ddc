#include "app/cli/render_options.hpp"

#include <charconv>
#include <cstdio>

#include "core/date.hpp"

namespace em {

namespace {

bool parse_int(const std::string& s, int& out) {
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

Result<FrameSequence> parse_frames(const std::string& text) {
    const auto c1 = text.find(':');
    const auto c2 = c1 == std::string::npos ? std::string::npos : text.find(':', c1 + 1);
    if (c2 == std::string::npos) return Error{"--frames: expected START:END:STEP, e.g. 2022-01-01:2024-12-31:1m"};
    const auto start = Date::parse(text.substr(0, c1));
    const auto end = Date::parse(text.substr(c1 + 1, c2 - c1 - 1));
    const std::string step = text.substr(c2 + 1);
    if (!start || !end) return Error{"--frames: '" + text + "': START and END must be real dates YYYY-MM-DD"};
    if (*end < *start) return Error{"--frames: END is before START"};
    int n = 0;
    char unit = 0;
    if (step.size() >= 2 && parse_int(step.substr(0, step.size() - 1), n) && n == 0 &&
        std::string("dwmy").find(step.back()) != std::string::npos)
        return Error{"--frames: step '" + step + "' is zero; the clock would never move (e.g. 1d, 7d, 1m)"};
    if (step.size() < 2 || !parse_int(step.substr(0, step.size() - 1), n) || n <= 0 ||
        std::string("dwmy").find(unit = step.back()) == std::string::npos)
        return Error{"--frames: step '" + step + "' is not like 1d, 7d, 2w, 1m or 1y"};
    FrameSequence seq;
    int y = start->year(), m = start->month(), d = start->day(), k = 0;
    for (Date at = *start; at <= *end; ++k) {
        seq.dates.push_back(at.iso());
        if (seq.dates.size() > 100000) return Error{"--frames: more than 100000 frames"};
        if (unit == 'd' || unit == 'w') {
            at = at + n * (unit == 'w' ? 7 : 1);
        } else {
            // Months and years counted from the start so the day of month stays put where it exists.
            const int months = (k + 1) * n * (unit == 'y' ? 12 : 1);
            int yy = y + (m - 1 + months) / 12, mm = (m - 1 + months) % 12 + 1, dd = d;
            while (dd > 28 && !Date::from_ymd(yy, mm, dd)) --dd;
            at = *Date::from_ymd(yy, mm, dd);
        }
    }
    return seq;
}

std::string frame_path(const std::string& output, int index) {
    char number[16];
    std::snprintf(number, sizeof number, "_%04d", index);
    const auto dot = output.rfind('.');
    const auto slash = output.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return output + number;
    return output.substr(0, dot) + number + output.substr(dot);
}

}  // namespace em
