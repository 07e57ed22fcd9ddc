#pragma once

#include <string>
#include <vector>

namespace em {

// Sources a file wanted to reach off this machine (refused by the source policy, docs/security.md), waiting for
// the user's answer.
struct ConsentRequest {
    std::string project;                 // the project that named them (empty: a layer opened on its own)
    std::vector<std::string> sources;    // as GDAL asked for them (/vsicurl/http://host/path, PG:..., ...)
    std::vector<std::string> addresses;  // per source: host and path, as shown
    bool remember = false;               // "remember for this project" (only offered with a project)
    bool announced = false;              // printed to stderr once (after `frames` frames, when placed)
    int frames = 0;
};

enum class ConsentAnswer { kNone, kAllow, kDeny };

// A dialog kept in front of the other panels, naming each address with Allow / Don't allow and, for a project, "Remember for this project".
// Returns the answer in the frame it was given (Escape is Don't allow).
ConsentAnswer draw_consent_dialog(ConsentRequest& request);

}  // namespace em
