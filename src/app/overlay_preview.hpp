#pragma once

#include <vector>

#include "geo/prepared_layer.hpp"

namespace em {

// A quick coarse copy of a source's layers for the window to show while their levels of detail are made (a cold
// open of a heavy file). Each ring is simplified to `tolerance` on its own (no search for the vertices neighbours
// share: on the 4.6 M vertices of a densified 1:10m countries that search and the ~100 m simplification took most
// of the seconds before anything showed), rings under `tolerance` both ways are left out, and what is left is
// tessellated as usual, so the preview is an ordinary mesh (drawn, picked and styled like any level). It lies within
// 2 tolerances of the source (a pixel at the scale the coarsest level is drawn from), and so may neighbours' borders
// differ; the loaded levels replace it.
std::vector<PreparedLayer> quick_preview_layers(const std::vector<VectorLayer>& source, double tolerance);

}  // namespace em
