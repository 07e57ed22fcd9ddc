// write_file_atomically / write_png under failure: whatever goes wrong while writing, a good file already at the
// target stays byte for byte as it was, and no temporary file is left beside it.
//
// Failures are simulated in ways that also work as root (root ignores folder permissions, so a read-only
// folder alone proves nothing there):
//   - the writer's temporary name is a symlink to /dev/full: every write fails with ENOSPC (a full disk);
//   - RLIMIT_FSIZE below the file's size: the write stops part-way with EFBIG (a half-written file);
//   - the temporary name is taken by a folder: the temporary file cannot be created;
//   - the target is immutable (chattr +i, where the file system allows it): the final rename fails;
//   - a read-only folder (only when not root).
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "export/png_writer.hpp"
#include "support/test_paths.hpp"

namespace em {
namespace {

namespace fs = std::filesystem;

const std::string kGood = "the good file that was here first\n";

std::string read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Names in dir other than the ones listed (each a name the test itself put there).
std::set<std::string> unexpected_names(const fs::path& dir, std::set<std::string> allowed) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (!allowed.count(e.path().filename().string())) out.insert(e.path().filename().string());
    return out;
}

// The writer's temporary name (png_writer.cpp: beside the target, "<target>.tmp.<pid>").
fs::path temp_name_for(const fs::path& target) {
    return target.string() + ".tmp." + std::to_string(::getpid());
}

Image small_image() {
    Image img(8, 8);
    for (auto& b : img.pixels) b = 0x80;
    return img;
}

// A folder holding one good file "map.png"; returns its path.
fs::path good_target(const std::string& name) {
    const auto dir = test::temp_dir(name);
    const auto target = dir / "map.png";
    std::ofstream(target, std::ios::binary) << kGood;
    return target;
}

void expect_intact(const fs::path& target, std::set<std::string> allowed_extra = {}) {
    EXPECT_EQ(read_bytes(target), kGood) << target << " was changed";
    allowed_extra.insert(target.filename().string());
    EXPECT_TRUE(unexpected_names(target.parent_path(), allowed_extra).empty())
        << "left behind: " << *unexpected_names(target.parent_path(), allowed_extra).begin();
}

TEST(AtomicWriteTest, FullDiskLeavesTheGoodFileAndNoTemporary) {
    for (const bool png : {false, true}) {
        const auto target = good_target(png ? "atomic-full-png" : "atomic-full");
        const auto tmp = temp_name_for(target);
        fs::create_symlink("/dev/full", tmp);  // the writer's temporary file "is" a full disk
        auto st = png ? write_png(small_image(), target.string())
                      : write_file_atomically(target.string(), std::string(100000, 'x'));
        ASSERT_FALSE(st) << "writing to /dev/full succeeded";
        EXPECT_NE(st.error().message.find(target.string()), std::string::npos) << st.error().message;
        // The writer may remove the link it wrote through, or refuse to follow it; either way nothing else.
        expect_intact(target, {tmp.filename().string()});
        EXPECT_TRUE(fs::exists("/dev/full"));
    }
}

TEST(AtomicWriteTest, WriteStoppedHalfWayLeavesTheGoodFileAndNoTemporary) {
    const auto target = good_target("atomic-fsize");
    // Files may grow to 64 KiB only; past that write() fails with EFBIG (SIGXFSZ ignored) after a partial write.
    rlimit old{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
    rlimit small = old;
    small.rlim_cur = 64 * 1024;
    auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    auto st = write_file_atomically(target.string(), std::string(1 << 20, 'y'));
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, old_handler);
    ASSERT_FALSE(st) << "a 1 MiB write under a 64 KiB file size limit succeeded";
    EXPECT_NE(st.error().message.find(target.string()), std::string::npos) << st.error().message;
    expect_intact(target);
}

TEST(AtomicWriteTest, TemporaryThatCannotBeCreatedLeavesTheGoodFile) {
    const auto target = good_target("atomic-no-temp");
    const auto tmp = temp_name_for(target);
    fs::create_directory(tmp);  // fopen(tmp, "wb") fails: EISDIR
    fs::path inside = fs::path(tmp) / "keep";
    std::ofstream(inside) << "k";
    auto st = write_file_atomically(target.string(), "new contents");
    ASSERT_FALSE(st);
    EXPECT_NE(st.error().message.find(target.string()), std::string::npos) << st.error().message;
    expect_intact(target, {tmp.filename().string()});
    EXPECT_EQ(read_bytes(inside), "k");  // the folder in the way was not touched
}

// Sets or clears the immutable attribute; false where the file system or the process cannot.
bool set_immutable(const fs::path& p, bool on) {
    const int fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK);
    if (fd < 0) return false;
    int flags = 0;
    bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    if (ok) {
        flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
        ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
    ::close(fd);
    return ok;
}

TEST(AtomicWriteTest, FailedRenameLeavesTheGoodFileAndNoTemporary) {
    const auto target = good_target("atomic-rename");
    // An immutable target cannot be replaced by rename (EPERM), even by root: the data is written to the
    // temporary file, then the last step fails.
    if (!set_immutable(target, true))
        GTEST_SKIP() << "cannot make " << target << " immutable here (needs CAP_LINUX_IMMUTABLE and ext4/xfs/...)";
    struct Clear {
        fs::path p;
        ~Clear() { set_immutable(p, false); }
    } clear{target};
    auto st = write_file_atomically(target.string(), "new contents");
    ASSERT_FALSE(st) << "rename over an immutable file succeeded";
    EXPECT_NE(st.error().message.find(target.string()), std::string::npos) << st.error().message;
    expect_intact(target);
}

TEST(AtomicWriteTest, ReadOnlyFolderLeavesTheGoodFileAndNoTemporary) {
    if (::geteuid() == 0)
        GTEST_SKIP() << "running as root, which writes into read-only folders; the /dev/full, file-size-limit and "
                        "immutable-target tests cover the failure paths";
    const auto target = good_target("atomic-read-only");
    fs::permissions(target.parent_path(), fs::perms::owner_read | fs::perms::owner_exec);
    auto st = write_file_atomically(target.string(), "new contents");
    fs::permissions(target.parent_path(), fs::perms::owner_all);
    ASSERT_FALSE(st);
    EXPECT_NE(st.error().message.find(target.string()), std::string::npos) << st.error().message;
    expect_intact(target);
}

}  // namespace
}  // namespace em
