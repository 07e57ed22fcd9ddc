#pragma once

namespace em {

// Makes Dear ImGui's font atlas sample nearest texels, once per atlas texture (call after
// ImGui_ImplOpenGL3_NewFrame, which creates it). ImGui puts glyphs on whole pixels, so text is unchanged; thin
// lines come out crisp instead of smeared over two pixels, and llvmpipe fills the panels faster, because most of
// their pixels (backgrounds, bars) sample the atlas's white texel.
void use_nearest_font_sampling();

}  // namespace em
