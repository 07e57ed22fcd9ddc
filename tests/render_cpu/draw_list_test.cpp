// The vector export's GL-free parts: rings for even-odd fills from an outline strip, marker shapes as the
// marker shader draws them, and the SVG writer's escaping and named groups.
#include <gtest/gtest.h>

#include <cmath>

#include "vector/draw_list.hpp"
#include "vector/draw_list_builder.hpp"
#include "vector/svg_writer.hpp"

namespace em {
namespace {

// An outline strip as prepared_layer writes it, with its "projection" the identity (x = lon, y = lat).
struct Strip {
    LayerMesh mesh;
    ProjectedMesh projected;
    void add(double lon, double lat, bool join) {
        mesh.outline_points.push_back({lon, lat});
        mesh.outline_joins.push_back(join ? 1 : 0);
        projected.outline.insert(projected.outline.end(),
                                 {static_cast<float>(lon), static_cast<float>(lat), join ? 1.0f : 0.0f});
    }
    ProjectedRange range() const {
        ProjectedRange r;
        r.outline_count = static_cast<std::uint32_t>(mesh.outline_points.size());
        r.index_count = 3;
        return r;
    }
};

// Projected meshes hold floats.
::testing::AssertionResult near(XY a, XY b) {
    if (std::abs(a.x - b.x) < 1e-4 && std::abs(a.y - b.y) < 1e-4) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << a.x << "," << a.y << " is not " << b.x << "," << b.y;
}

std::vector<std::vector<XY>> rings_of(const Strip& s) {
    return polygon_rings(s.mesh, s.projected, s.range(), [](XY p) { return p; });
}

TEST(PolygonRings, OuterRingAndHole) {
    Strip s;
    for (const auto& [x, y] : std::vector<std::pair<double, double>>{{0, 0}, {10, 0}, {10, 10}, {0, 10}})
        s.add(x, y, true);
    s.add(0, 0, false);  // closed: the first point again, no segment after it
    for (const auto& [x, y] : std::vector<std::pair<double, double>>{{2, 2}, {4, 2}, {4, 4}}) s.add(x, y, true);
    s.add(2, 2, false);
    const auto rings = rings_of(s);
    ASSERT_EQ(rings.size(), 2u);
    EXPECT_EQ(rings[0].size(), 4u);
    EXPECT_EQ(rings[1].size(), 3u);
    EXPECT_TRUE(near(rings[1][0], XY{2, 2}));
    // Only the rings whose box meets a rectangle: the hole lies wholly outside this one, the outer ring does not.
    const PixelRect corner{8, 8, 20, 20};
    const auto kept = polygon_rings(s.mesh, s.projected, s.range(), [](XY p) { return p; }, &corner);
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].size(), 4u);
}

// Wrangel Island in Natural Earth, cut at the antimeridian: the cut repeats the points where it meets the meridian
// (joins off along it), the east piece comes back to its first point, and the west piece starts at the same place
// written as -180. A first version closed rings at any projected repeat of their first point and merged the
// pieces with the next ring into a wedge across Russia.
TEST(PolygonRings, RingCutAtTheAntimeridianKeepsBothPieces) {
    Strip s;
    s.add(180, 71.5, false), s.add(180, 71.5, false);  // start, repeated, then down the cut (artificial)
    s.add(180, 71.0, false), s.add(180, 71.0, true);
    s.add(179, 70.9, true), s.add(179, 71.4, true);
    s.add(180, 71.5, false);  // the east piece closes
    s.add(-180, 71.5, true);  // the west piece starts at the same place
    s.add(-179, 71.2, true);
    s.add(-180, 71.0, false), s.add(-180, 71.0, false);
    s.add(-180, 71.5, false), s.add(-180, 71.5, false);  // closes, then its closing point repeated
    for (const auto& [x, y] : std::vector<std::pair<double, double>>{{30, 60}, {40, 60}, {40, 65}}) s.add(x, y, true);
    s.add(30, 60, false);  // the mainland: a ring of its own after the island
    const auto rings = rings_of(s);
    ASSERT_EQ(rings.size(), 3u);
    EXPECT_TRUE(near(rings[0].front(), XY{180, 71.5}));
    EXPECT_TRUE(near(rings[0].back(), XY{179, 71.4}));
    EXPECT_TRUE(near(rings[1].front(), XY{-180, 71.5}));
    EXPECT_TRUE(near(rings[1].back(), XY{-180, 71.0}));
    ASSERT_EQ(rings[2].size(), 3u);
    EXPECT_TRUE(near(rings[2].front(), XY{30, 60}));
}

// The shapes of shaders/marker.frag: circle radius r, triangle half side 1.15 r with its apex 1.5 s / sqrt(3)
// above the point, diamond 1.25 r, square half side 0.85 r; the inset moves every edge inwards.
TEST(MarkerOutline, ShapesFollowTheShader) {
    MarkerStyle m;
    m.radius = 10;
    m.shape = kCircle;
    const MarkerOutline circle = marker_outline(m, {100, 100}, 1.0);
    EXPECT_TRUE(circle.circle);
    EXPECT_DOUBLE_EQ(circle.radius, 9.0);

    m.shape = kTriangleUp;
    const MarkerOutline up = marker_outline(m, {100, 100}, 0.0);
    ASSERT_EQ(up.polygon.size(), 3u);
    const double s = 11.5, h = 1.5 * s / std::sqrt(3.0);
    EXPECT_NEAR(up.polygon[0].y, 100 - h, 1e-9);  // apex up on the picture (y down)
    EXPECT_NEAR(up.polygon[1].y, 100 + h, 1e-9);
    EXPECT_NEAR(up.polygon[1].x - up.polygon[2].x, 2 * s, 1e-9);
    // Inset by 2: the base moves up by 2.
    const MarkerOutline up_inset = marker_outline(m, {100, 100}, 2.0);
    EXPECT_NEAR(up_inset.polygon[1].y, 100 + h - 2, 1e-9);

    m.shape = kTriangleDown;
    EXPECT_NEAR(marker_outline(m, {100, 100}, 0.0).polygon[0].y, 100 + h, 1e-9);
    m.shape = kDiamond;
    EXPECT_NEAR(marker_outline(m, {100, 100}, 0.0).polygon[0].y, 100 - 12.5, 1e-9);
    m.shape = kSquare;
    const MarkerOutline square = marker_outline(m, {100, 100}, 1.0);
    EXPECT_NEAR(square.polygon[0].x, 100 - 7.5, 1e-9);
}

TEST(SvgWriter, EscapesTextAndNamesGroups) {
    EXPECT_EQ(xml_escape("Côte d'Ivoire & <AES> \"x\"\x01"), "Côte d&apos;Ivoire &amp; &lt;AES&gt; &quot;x&quot;");
    DrawList list;
    list.width = 200, list.height = 100;
    list.background = Color::hex(0xDDE8EF);
    PathItem square;
    square.parts = {{{10, 10}, {20, 10}, {20, 20}, {10, 20}}, {{12, 12}, {14, 12}, {14, 14}}};
    square.closed = true;
    square.fill = Color::hex(0xFF0000, 0.5f);
    list.group("countries").items.push_back(square);
    list.group("labels").items.push_back(
        TextItem{"Mali & Niger", {50, 60}, 12, Color::hex(0x333333), TextAnchor::kMiddle, Color::hex(0xFFFFFF), 1.5f});
    PathItem call;
    call.parts = {{{0, 50}, {100, 50}}};
    call.stroke = StrokeStyle{Color::hex(0xD55E00), 1.8f, 4.0f};
    list.group("meeting-links").items.push_back(call);
    const std::string svg = svg_document(list);
    // Each attribute once per element (a dashed line once said stroke-linecap twice, which XML forbids).
    const std::string dashed = svg.substr(svg.find("<path d=\"M0 50"));
    const std::string element = dashed.substr(0, dashed.find("/>"));
    EXPECT_EQ(element.find("stroke-linecap"), element.rfind("stroke-linecap")) << element;
    EXPECT_NE(element.find("stroke-dasharray=\"4 4\""), std::string::npos) << element;
    EXPECT_NE(svg.find("<g id=\"countries\">"), std::string::npos);
    EXPECT_NE(svg.find("d=\"M10 10L20 10L20 20L10 20ZM12 12L14 12L14 14Z\""), std::string::npos) << svg;
    EXPECT_NE(svg.find("fill=\"#ff0000\" fill-opacity=\"0.5\" fill-rule=\"evenodd\""), std::string::npos) << svg;
    EXPECT_NE(svg.find(">Mali &amp; Niger</text>"), std::string::npos) << svg;
    EXPECT_NE(svg.find("text-anchor=\"middle\""), std::string::npos);
    EXPECT_NE(svg.find("stroke-width=\"3\""), std::string::npos) << "the halo is a stroke twice its width";
    EXPECT_NE(svg.find("paint-order=\"stroke\""), std::string::npos);
}

}  // namespace
}  // namespace em
