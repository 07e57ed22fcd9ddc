// Colouring a layer by an attribute: categories for text, quantile classes for numbers (CPU only).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "geo/layer_cache.hpp"
#include "render/actor_style.hpp"
#include "render/classification.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

PreparedLayer countries_110m() {
    auto layers = load_prepared_source((test::source_dir() / "data/naturalearth/ne_110m_admin0_countries.shp").string(),
                                       {}, nullptr);
    EXPECT_TRUE(layers);
    return layers ? std::move(layers->front()) : PreparedLayer{};
}

TEST(Classification, TextFieldGivesTwelveCategoriesAndOther) {
    const PreparedLayer layer = countries_110m();
    const Classification c = classify(layer, "name");
    EXPECT_FALSE(c.numeric);
    ASSERT_EQ(c.colors.size(), 13u);  // twelve named values and "other"
    EXPECT_NE(c.labels.back().find("other"), std::string::npos);
    ASSERT_EQ(c.class_of.size(), layer.values.size());  // one class per feature (the loop below is not empty)
    for (int k : c.class_of) EXPECT_GE(k, 0);  // every country has a name
}

// Layer classes must not be read as actors: every category colour differs from every actor colour (and the grey
// of "other") by at least 25 of 255 in some channel, and from each other.
TEST(Classification, CategoryColoursAreNotActorColours) {
    const Classification c = classify(countries_110m(), "name");
    ASSERT_EQ(c.colors.size(), 13u);
    auto distance = [](const Color& a, const Color& b) {
        return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)}) * 255.0f;
    };
    std::vector<Color> actors;
    for (const char* party : {"Russia", "France", "USA", "UN", "EU", "Germany", "AES", "someone else"})
        actors.push_back(party_color(party));
    actors.push_back(c.colors.back());  // "other"
    for (size_t k = 0; k + 1 < c.colors.size(); ++k) {
        for (const Color& a : actors) EXPECT_GE(distance(c.colors[k], a), 25.0f) << c.labels[k];
        for (size_t j = k + 1; j + 1 < c.colors.size(); ++j)
            EXPECT_GE(distance(c.colors[k], c.colors[j]), 25.0f) << c.labels[k] << " / " << c.labels[j];
    }
}

TEST(Classification, NumericFieldGivesFiveQuantileClasses) {
    const PreparedLayer layer = countries_110m();
    const Classification c = classify(layer, "id");  // ISO numeric codes, as text "004"...
    EXPECT_TRUE(c.numeric);
    ASSERT_EQ(c.colors.size(), 5u);
    std::vector<int> per_class(5, 0);
    ASSERT_EQ(c.class_of.size(), layer.values.size());
    for (int k : c.class_of)
        if (k >= 0) ++per_class[k];
    for (int n : per_class) EXPECT_GT(n, 20) << "quantile classes hold a fifth each, roughly";
    const int id = layer.field_index("id");
    // Monotone: a feature with a larger code never lands in a lower class.
    for (size_t i = 0; i < c.class_of.size(); ++i) {
        for (size_t j = 0; j < c.class_of.size(); ++j) {
            if (c.class_of[i] >= 0 && c.class_of[j] >= 0 && std::stod(layer.value(i, id)) < std::stod(layer.value(j, id))) {
                ASSERT_LE(c.class_of[i], c.class_of[j]);
            }
        }
    }
}

TEST(Classification, UnknownFieldClassifiesNothing) {
    const Classification c = classify(countries_110m(), "population");
    EXPECT_TRUE(c.colors.empty());
    EXPECT_TRUE(c.class_of.empty());
}

}  // namespace
}  // namespace em
