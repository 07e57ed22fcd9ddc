// FieldOrder (geo/field_order): the field order GDAL's GeoJSON driver gives a layer, which the fast GeoJSON
// reader must reproduce. Fields are numbered as first seen; each feature's keys make edges key -> next key.
#include "geo/field_order.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace em {
namespace {

// Feeds features (lists of keys) as the GeoJSON reader does and returns the names in the sorted order.
std::vector<std::string> order_of(const std::vector<std::vector<std::string>>& features) {
    FieldOrder order;
    std::vector<std::string> names;
    auto index_of = [&](const std::string& key) {
        for (int i = 0; i < static_cast<int>(names.size()); ++i)
            if (names[i] == key) return i;
        names.push_back(key);
        order.add_field(static_cast<int>(names.size()) - 1);
        return static_cast<int>(names.size()) - 1;
    };
    for (const auto& keys : features) {
        int previous = -1;
        for (const auto& key : keys) {
            const int k = index_of(key);
            if (previous >= 0) order.add_edge(previous, k);
            previous = k;
        }
    }
    std::vector<std::string> out;
    for (int i : order.sorted(names)) out.push_back(names[i]);
    return out;
}

using Names = std::vector<std::string>;

TEST(FieldOrderTest, OneFeatureKeepsItsKeyOrder) {
    // Not alphabetical: the edges decide.
    EXPECT_EQ(order_of({{"name", "id", "area"}}), (Names{"name", "id", "area"}));
}

TEST(FieldOrderTest, UnrelatedFieldsComeInBytewiseNameOrder) {
    // One key per feature: no edges, so names decide, bytewise (upper case before lower case, '_' between).
    EXPECT_EQ(order_of({{"zeta"}, {"alpha"}, {"_x"}, {"Beta"}}), (Names{"Beta", "_x", "alpha", "zeta"}));
}

TEST(FieldOrderTest, ALaterFieldSlotsInAfterTheFieldItFollows) {
    // "area" first appears in the second feature, between name and id: it goes there, not at the end
    // (nor first, as its name alone would put it).
    EXPECT_EQ(order_of({{"name", "id"}, {"name", "area", "id"}}), (Names{"name", "area", "id"}));
}

TEST(FieldOrderTest, AnEdgeClosingACycleIsLeftOutAndTheEarlierFeatureWins) {
    EXPECT_EQ(order_of({{"b", "a"}, {"a", "b"}}), (Names{"b", "a"}));
    EXPECT_EQ(order_of({{"a", "b"}, {"b", "a"}}), (Names{"a", "b"}));
    // A longer cycle: b->c->a from the first feature; the second's a->b would close it.
    EXPECT_EQ(order_of({{"b", "c", "a"}, {"a", "b"}}), (Names{"b", "c", "a"}));
}

TEST(FieldOrderTest, AmongReadyFieldsTheSmallestNameComesFirst) {
    // After "root", both "y" and "x" are free; x first though y was seen first.
    EXPECT_EQ(order_of({{"root", "y"}, {"root", "x"}}), (Names{"root", "x", "y"}));
    // A field made ready later competes by name with those already ready.
    EXPECT_EQ(order_of({{"m", "z"}, {"a"}, {"m", "b"}}), (Names{"a", "m", "b", "z"}));
}

TEST(FieldOrderTest, SelfAndRepeatedEdgesChangeNothing) {
    FieldOrder order;
    order.add_field(0), order.add_field(1);
    order.add_edge(1, 1);  // self edge: ignored, or field 1 would never become ready
    order.add_edge(1, 0);
    order.add_edge(1, 0);  // counted once: otherwise field 0 would never become ready
    EXPECT_EQ(order.sorted({"a", "b"}), (std::vector<int>{1, 0}));
}

TEST(FieldOrderTest, AddFieldGrowsToTheHighestIndexSeen) {
    FieldOrder order;
    order.add_field(2);  // fields 0 and 1 exist too
    order.add_field(0);  // does not shrink
    EXPECT_EQ(order.sorted({"c", "b", "a"}), (std::vector<int>{2, 1, 0}));
}

TEST(FieldOrderTest, EmptyOrderIsEmpty) {
    EXPECT_TRUE(FieldOrder{}.sorted({}).empty());
}

TEST(FieldOrderTest, EveryFieldAppearsExactlyOnceInALargeMix) {
    const auto got = order_of({{"id", "name", "pop"}, {"zeta", "id"}, {"name", "area", "pop"}, {"pop", "id"}});
    // zeta -> id -> name -> {area, pop}; area -> pop; pop -> id would close a cycle and is left out.
    EXPECT_EQ(got, (Names{"zeta", "id", "name", "area", "pop"}));
}

}  // namespace
}  // namespace em
