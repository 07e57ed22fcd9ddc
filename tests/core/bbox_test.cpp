#include "core/bbox.hpp"

#include <gtest/gtest.h>

namespace em {
namespace {

TEST(BBoxTest, DefaultIsEmptyWithZeroSize) {
    BBox b;
    EXPECT_TRUE(b.empty());
    EXPECT_EQ(b.width(), 0.0);
    EXPECT_EQ(b.height(), 0.0);
    EXPECT_FALSE(b.contains(0, 0));
}

TEST(BBoxTest, OfOrdersCornersWhateverTheirOrder) {
    const BBox b = BBox::of(10, 20, -5, -8);
    EXPECT_FALSE(b.empty());
    EXPECT_EQ(b.min_x, -5);
    EXPECT_EQ(b.min_y, -8);
    EXPECT_EQ(b.max_x, 10);
    EXPECT_EQ(b.max_y, 20);
    EXPECT_EQ(b.width(), 15);
    EXPECT_EQ(b.height(), 28);
    EXPECT_EQ(b.center_x(), 2.5);
    EXPECT_EQ(b.center_y(), 6);
}

TEST(BBoxTest, SinglePointIsNotEmptyAndHasZeroSize) {
    BBox b;
    b.add(3, 4);
    EXPECT_FALSE(b.empty());
    EXPECT_EQ(b.width(), 0.0);
    EXPECT_TRUE(b.contains(3, 4));
}

TEST(BBoxTest, AddBoxGrowsAndIgnoresEmptyBoxes) {
    BBox b = BBox::of(0, 0, 1, 1);
    b.add(BBox{});
    EXPECT_EQ(b.min_x, 0);
    EXPECT_EQ(b.max_x, 1);
    b.add(BBox::of(-2, 0.5, 0.5, 3));
    EXPECT_EQ(b.min_x, -2);
    EXPECT_EQ(b.max_y, 3);
    EXPECT_EQ(b.max_x, 1);
    BBox e;
    e.add(BBox{});
    EXPECT_TRUE(e.empty());
}

TEST(BBoxTest, ContainsIncludesEdges) {
    const BBox b = BBox::of(0, 0, 10, 5);
    EXPECT_TRUE(b.contains(0, 0));
    EXPECT_TRUE(b.contains(10, 5));
    EXPECT_TRUE(b.contains(5, 2));
    EXPECT_FALSE(b.contains(10.0001, 2));
    EXPECT_FALSE(b.contains(5, -0.0001));
}

TEST(BBoxTest, IntersectsWhenSharingAnyPointIncludingEdges) {
    const BBox a = BBox::of(0, 0, 10, 10);
    EXPECT_TRUE(a.intersects(BBox::of(5, 5, 15, 15)));
    EXPECT_TRUE(a.intersects(BBox::of(10, 10, 20, 20)));  // corner touch
    EXPECT_TRUE(a.intersects(BBox::of(2, 2, 3, 3)));      // inside
    EXPECT_FALSE(a.intersects(BBox::of(10.5, 0, 20, 10)));
    EXPECT_FALSE(a.intersects(BBox::of(0, -3, 10, -1)));
    EXPECT_FALSE(a.intersects(BBox{}));
    EXPECT_FALSE(BBox{}.intersects(a));
}

}  // namespace
}  // namespace em
