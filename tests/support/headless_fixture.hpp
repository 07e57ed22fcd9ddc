#pragma once

#include <gtest/gtest.h>

#include "app/headless_map.hpp"
#include "support/test_paths.hpp"

namespace em::test {

// One headless GL context and renderer for a whole test suite (start-up is paid once), over the source
// tree's data. Suites derive from it: `class MyTest : public test::HeadlessSuite {};`.
class HeadlessSuite : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto map = HeadlessMap::create(DataPaths{source_dir()}, /*use_cache=*/true);
        ASSERT_TRUE(map) << map.error().message;
        map_ = std::move(map).value().release();
        const Status gl = map_->ensure_gl();  // current on this thread: suites draw with GL directly too
        ASSERT_TRUE(gl) << gl.error().message;
    }
    static void TearDownTestSuite() {
        delete map_;
        map_ = nullptr;
    }
    static inline HeadlessMap* map_ = nullptr;
};

}  // namespace em::test
