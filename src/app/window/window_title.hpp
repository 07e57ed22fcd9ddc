#pragma once

#include <optional>
#include <string>

#include "core/date.hpp"

namespace em {

// The window's title: "eventmap - PROJECT - 13 Aug 2024", naming the project opened or saved last (its file name
// without the extension) and the clock's date; either part is left out when there is none.
std::string window_title(const std::string& project_path, std::optional<Date> date);

}  // namespace em
