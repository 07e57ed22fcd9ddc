#include "ui/key_presses.hpp"

namespace em {

namespace {
// Shift, Control, Alt, Super: Caps Lock and Num Lock (GLFW 3.3 reports them only on request) never count.
constexpr int kModifierMask = 0x1 | 0x2 | 0x4 | 0x8;
}  // namespace

int KeyPresses::count(int key, int mods) const {
    int n = 0;
    for (const KeyPress& p : presses)
        if (p.key == key && (p.mods & kModifierMask) == (mods & kModifierMask)) ++n;
    return n;
}

}  // namespace em
