// GL test: Dear ImGui's font atlas is switched to nearest sampling, once, and the caller's texture binding stays.
#include <gtest/gtest.h>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdint>

#include "support/headless_fixture.hpp"
#include "ui/font_texture.hpp"

namespace em {
namespace {

class FontTextureTest : public test::HeadlessSuite {};

GLint filter_of(GLuint texture, GLenum which) {
    GLint filter = 0;
    glBindTexture(GL_TEXTURE_2D, texture);
    glGetTexParameteriv(GL_TEXTURE_2D, which, &filter);
    return filter;
}

TEST_F(FontTextureTest, AtlasSamplesNearestAndTheBoundTextureStays) {
    ImGui::CreateContext();
    ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
    ImGui_ImplOpenGL3_NewFrame();  // creates the atlas texture
    const auto atlas = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(ImGui::GetIO().Fonts->TexID));
    ASSERT_NE(atlas, 0u);
    EXPECT_EQ(filter_of(atlas, GL_TEXTURE_MAG_FILTER), GL_LINEAR);  // the backend's choice

    GLuint other = 0;
    glGenTextures(1, &other);
    glBindTexture(GL_TEXTURE_2D, other);
    use_nearest_font_sampling();
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    EXPECT_EQ(static_cast<GLuint>(bound), other);
    EXPECT_EQ(filter_of(atlas, GL_TEXTURE_MAG_FILTER), GL_NEAREST);
    EXPECT_EQ(filter_of(atlas, GL_TEXTURE_MIN_FILTER), GL_NEAREST);

    glDeleteTextures(1, &other);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
}

}  // namespace
}  // namespace em
