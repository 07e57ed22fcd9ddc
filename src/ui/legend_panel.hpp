#pragma once

#include <string>
#include <vector>

namespace em {

// The legend: the colour of each party in the data, the marker shape of each troop-change kind, and how
// calls, uncertain events and presence are drawn. parties: those present in the loaded data.
void draw_legend_panel(const std::vector<std::string>& parties);

}  // namespace em
