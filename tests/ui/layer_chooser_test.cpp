#include "ui/layer_chooser.hpp"

#include <gtest/gtest.h>

namespace em {
namespace {

TEST(LayerChooserTest, ListsLayersOnlyForSourcesThatCanHoldSeveral) {
    EXPECT_TRUE(may_hold_several_layers("/data/admin.gpkg"));
    EXPECT_TRUE(may_hold_several_layers("ADMIN.GPKG"));
    EXPECT_TRUE(may_hold_several_layers("routes.kml"));
    EXPECT_FALSE(may_hold_several_layers("countries.shp"));
    EXPECT_FALSE(may_hold_several_layers("land.geojson"));  // one layer, and listing it would read 168 MB
    EXPECT_FALSE(may_hold_several_layers("gpkg"));
}

}  // namespace
}  // namespace em
