#pragma once

#include <imgui.h>

#include <cstdint>

namespace em::test {

// An ImGui context for CPU tests of draw data: 1280x800, 60 frames a second, the font atlas built (CPU only) and
// given a made-up texture id, vertex offsets allowed (as ImGui's OpenGL 3 backend allows them). Made and destroyed
// with the object.
class ImGuiTestContext {
public:
    static constexpr std::intptr_t kFontTexture = 7;

    ImGuiTestContext() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.Fonts->SetTexID(font());
    }
    ~ImGuiTestContext() { ImGui::DestroyContext(); }
    ImGuiTestContext(const ImGuiTestContext&) = delete;
    ImGuiTestContext& operator=(const ImGuiTestContext&) = delete;

    static ImTextureID font() { return reinterpret_cast<ImTextureID>(kFontTexture); }
};

}  // namespace em::test
