#include "ui/filter_panel.hpp"

#include <gtest/gtest.h>

namespace em {
namespace {

using Types = std::set<std::string>;
const Types kAll = {"Battles", "Protests", "Riots"};

TEST(FilterPanelTest, HidingOneOfAllTypesListsTheOthers) {
    Types shown;  // empty: all
    EXPECT_TRUE(set_event_type_shown(shown, kAll, "Protests", false));
    EXPECT_EQ(shown, (Types{"Battles", "Riots"}));
    EXPECT_TRUE(set_event_type_shown(shown, kAll, "Riots", false));
    EXPECT_EQ(shown, (Types{"Battles"}));
}

TEST(FilterPanelTest, ShowingTheLastHiddenTypeClearsTheTypeFilter) {
    Types shown = {"Battles", "Riots"};
    EXPECT_TRUE(set_event_type_shown(shown, kAll, "Protests", true));
    EXPECT_TRUE(shown.empty());
}

TEST(FilterPanelTest, TheLastShownTypeCannotBeHidden) {
    Types shown = {"Battles"};
    EXPECT_FALSE(set_event_type_shown(shown, kAll, "Battles", false));
    EXPECT_EQ(shown, (Types{"Battles"})) << "an empty set would mean every type";
}

TEST(FilterPanelTest, ReportsWhetherTheSetChanged) {
    Types shown;
    EXPECT_FALSE(set_event_type_shown(shown, kAll, "Battles", true));  // already shown
    EXPECT_TRUE(shown.empty());
    EXPECT_TRUE(set_event_type_shown(shown, kAll, "Battles", false));
}

TEST(FilterPanelTest, SyncCopiesTheFilterTextsIntoTheBoxes) {
    EventFilter f;
    f.text = "Bamako";
    f.actor_text = "Wagner";
    FilterUiState ui;
    sync_filter_ui(ui, f);
    EXPECT_STREQ(ui.search, "Bamako");
    EXPECT_STREQ(ui.actor_text, "Wagner");
}

}  // namespace
}  // namespace em
