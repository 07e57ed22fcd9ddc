#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/headless_map.hpp"
#include "core/geo_point.hpp"
#include "core/image.hpp"

namespace em::test {

// Content checks for a rendered map, independent of any golden: known land is drawn as land and known sea as
// ocean where the options' camera and projection put them. A blank picture, a swapped projection or a shifted
// view fails. A point counts when most of the pixels around it (9x9, fewer on small pictures) have the colour.
::testing::AssertionResult land_and_ocean_where_expected(const Image& image, const RenderOptions& options);

// Points used by land_and_ocean_where_expected (lon/lat), inside every view preset but "moscow" and "world".
const std::vector<GeoPoint>& known_land();
const std::vector<GeoPoint>& known_sea();

}  // namespace em::test
