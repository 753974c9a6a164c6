// Tests for atomic file replacement.
#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <stdexcept>
#include <thread>

#include "artalign/error.hpp"
#include "util/output_lock.hpp"
#include "test_support.hpp"

using namespace artalign;
using artalign::test::ScratchDirectory;

TEST_CASE("commit replaces the target; abandoning leaves it untouched and no temporary behind") {
    ScratchDirectory scratch;
    const auto target = scratch.path() / "out.tmx";
    test::write_file(target, "old");
    {
        AtomicFile file(target);
        test::write_file(file.temp_path(), "half-writ");
        // no commit: as if the writer threw
    }
    CHECK(test::read_file(target) == "old");
    CHECK(std::distance(std::filesystem::directory_iterator(scratch.path()), {}) == 1);
    {
        AtomicFile file(target);
        test::write_file(file.temp_path(), "new");
        file.commit();
    }
    CHECK(test::read_file(target) == "new");
    CHECK(std::distance(std::filesystem::directory_iterator(scratch.path()), {}) == 1);
}

TEST_CASE("sync does what can fail of commit, leaving the target; a target turned directory fails it") {
    ScratchDirectory scratch;
    const auto target = scratch.path() / "out.tmx";
    test::write_file(target, "old");
    {
        AtomicFile file(target);
        file.write("new");
        file.sync();
        CHECK(test::read_file(target) == "old");
        file.append(" and more");  // a write after sync is synced again by commit
        file.commit();
    }
    CHECK(test::read_file(target) == "new and more");

    AtomicFile file(target);
    file.write("newer");
    std::filesystem::remove(target);
    std::filesystem::create_directory(target);
    CHECK_THROWS_WITH_AS(file.sync(), (target.string() + ": is a directory").c_str(), OutputError);
}

TEST_CASE("a target in a missing directory is an error naming it") {
    ScratchDirectory scratch;
    const auto target = scratch.path() / "no/such/dir/out.tmx";
    CHECK_THROWS_AS(AtomicFile{target}, OutputError);
}

TEST_CASE("append adds to the temporary; remove_leftovers removes a killed writer's temporaries only") {
    ScratchDirectory scratch;
    const auto target = scratch.path() / "out.tmx";
    {
        AtomicFile file(target);
        file.write("ab");
        file.append("cd");
        file.append("");
        file.commit();
    }
    CHECK(test::read_file(target) == "abcd");

    // What SIGKILL leaves: the temporary of a writer that never committed nor cleaned up.
    test::write_file(scratch.path() / ".out.tmx.tmp-Ab3xYz", "half");
    test::write_file(scratch.path() / ".out.tmx.tmp-keep", "not mkstemp's");
    test::write_file(scratch.path() / ".other.tmx.tmp-Ab3xYz", "another output's");
    CHECK(AtomicFile::remove_leftovers(target) == 1);
    CHECK_FALSE(std::filesystem::exists(scratch.path() / ".out.tmx.tmp-Ab3xYz"));
    CHECK(std::filesystem::exists(scratch.path() / ".out.tmx.tmp-keep"));
    CHECK(std::filesystem::exists(scratch.path() / ".other.tmx.tmp-Ab3xYz"));
    CHECK(test::read_file(target) == "abcd");
    CHECK(AtomicFile::remove_leftovers(scratch.path() / "missing-dir" / "x.tmx") == 0);
}

TEST_CASE("remove_leftovers_in removes the temporaries of every target it accepts, in one pass") {
    ScratchDirectory scratch;
    for (const char* name : {".1.html.tmp-Ab3xYz", ".2.html.tmp-Cd4zWq", ".index.html.tmp-Ab3xYz", ".1.html.tmp-keep",
                             ".tmp-Ab3xYz", "..tmp-Ab3xYz", "1.html"})
        test::write_file(scratch.path() / name, "x");
    const auto is_page = [](std::string_view name) { return name == "1.html" || name == "2.html"; };
    CHECK(AtomicFile::remove_leftovers_in(scratch.path(), is_page) == 2);
    CHECK_FALSE(std::filesystem::exists(scratch.path() / ".1.html.tmp-Ab3xYz"));
    CHECK_FALSE(std::filesystem::exists(scratch.path() / ".2.html.tmp-Cd4zWq"));
    for (const char* name : {".index.html.tmp-Ab3xYz", ".1.html.tmp-keep", ".tmp-Ab3xYz", "..tmp-Ab3xYz", "1.html"})
        CHECK(std::filesystem::exists(scratch.path() / name));
    CHECK(AtomicFile::remove_leftovers_in(scratch.path() / "missing-dir", is_page) == 0);
}

namespace {

// real/out.EXTENSION holding `content`, and link.EXTENSION beside real/ pointing at it.
struct LinkedFile {
    std::filesystem::path real, link;
};
LinkedFile linked_file(const ScratchDirectory& scratch, const std::string& extension, const std::string& content) {
    std::filesystem::create_directory(scratch.path() / "real");
    LinkedFile file{scratch.path() / "real" / ("out." + extension), scratch.path() / ("link." + extension)};
    test::write_file(file.real, content);
    std::filesystem::create_symlink("real/out." + extension, file.link);
    return file;
}

}  // namespace

TEST_CASE("through a symlink the link's target is replaced and the link stays; mode is kept") {
    ScratchDirectory scratch;
    const auto [real, link] = linked_file(scratch, "tmx", "old");
    std::filesystem::permissions(real, std::filesystem::perms(0640));
    {
        AtomicFile file(link);
        CHECK(file.resolved() == scratch.path() / "real" / "out.tmx");
        CHECK(file.temp_path().parent_path() == scratch.path() / "real");
        file.write("new");
        file.commit();
    }
    CHECK(std::filesystem::is_symlink(link));
    CHECK(test::read_file(real) == "new");
    CHECK(std::filesystem::status(real).permissions() == std::filesystem::perms(0640));
    // A dangling link: its target is created.
    std::filesystem::create_symlink("real/new.tmx", scratch.path() / "dangling.tmx");
    write_file_atomically(scratch.path() / "dangling.tmx", "created");
    CHECK(std::filesystem::is_symlink(scratch.path() / "dangling.tmx"));
    CHECK(test::read_file(scratch.path() / "real" / "new.tmx") == "created");
}

namespace {

struct FileIdentity {
    ino_t inode;
    timespec modified;
};

FileIdentity identity_of(const std::filesystem::path& file) {
    struct stat status {};
    REQUIRE(::stat(file.c_str(), &status) == 0);
    return {status.st_ino, status.st_mtim};
}

// Puts `file`'s modification time an hour back, so that a renewal shows.
void age(const std::filesystem::path& file) {
    const timespec hour_ago[2] = {{::time(nullptr) - 3600, 0}, {::time(nullptr) - 3600, 0}};
    REQUIRE(::utimensat(AT_FDCWD, file.c_str(), hour_ago, 0) == 0);
}

}  // namespace

TEST_CASE("with_content keeps a file that already holds the content, renewing its time; any other is replaced") {
    ScratchDirectory scratch;
    const auto target = scratch.path() / "out.jsonl";
    auto entries = [&scratch] { return std::distance(std::filesystem::directory_iterator(scratch.path()), {}); };

    // A new name: created as by the constructor and write().
    auto created = AtomicFile::with_content(target, "same text\n");
    CHECK_FALSE(created->kept());
    created->commit();
    CHECK(test::read_file(target) == "same text\n");

    // The same content: the file stays (same inode), its time is now, and nothing is left beside it.
    age(target);
    const FileIdentity before = identity_of(target);
    {
        auto again = AtomicFile::with_content(target, "same text\n");
        CHECK(again->kept());
        CHECK_THROWS_AS((void)again->temp_path(), std::logic_error);
        again->commit();
    }
    const FileIdentity kept = identity_of(target);
    CHECK(kept.inode == before.inode);
    CHECK(kept.modified.tv_sec > before.modified.tv_sec + 1800);
    CHECK(test::read_file(target) == "same text\n");
    CHECK(entries() == 1);

    // Same size, other bytes; and another size: both replaced through a temporary.
    for (const std::string_view content : {std::string_view("SAME TEXT\n"), std::string_view("longer text\n")}) {
        const ino_t old_inode = identity_of(target).inode;
        auto changed = AtomicFile::with_content(target, content);
        CHECK_FALSE(changed->kept());
        CHECK(test::read_file(target) != content);  // not yet: only commit() replaces it
        changed->commit();
        CHECK(test::read_file(target) == content);
        CHECK(identity_of(target).inode != old_inode);
        CHECK(entries() == 1);
    }

    // Abandoned before commit: a kept file is left as it was, with no temporary to remove.
    { auto abandoned = AtomicFile::with_content(target, "longer text\n"); }
    CHECK(test::read_file(target) == "longer text\n");
    CHECK(entries() == 1);
}

TEST_CASE("with_content through a symlink keeps the link's target; a FIFO is written in place") {
    ScratchDirectory scratch;
    const auto [real, link] = linked_file(scratch, "jsonl", "text");
    const ino_t inode = identity_of(real).inode;
    auto file = AtomicFile::with_content(link, "text");
    CHECK(file->kept());
    file->commit();
    CHECK(std::filesystem::is_symlink(link));
    CHECK(identity_of(real).inode == inode);

    // An empty file holding the empty content is kept too.
    test::write_file(real, "");
    auto empty = AtomicFile::with_content(link, "");
    CHECK(empty->kept());
    empty->commit();
    CHECK(identity_of(real).inode == inode);

    const auto fifo = scratch.path() / "out.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread reader([&fifo] { CHECK(test::read_file(fifo) == "text"); });
    {
        auto in_place = AtomicFile::with_content(fifo, "text");
        CHECK_FALSE(in_place->kept());
        CHECK(in_place->in_place());
        in_place->commit();
    }
    reader.join();
}

TEST_CASE("write truncates what a writer put in the temporary by name") {
    ScratchDirectory scratch;
    const auto target = scratch.path() / "out.tmx";
    AtomicFile file(target);
    test::write_file(file.temp_path(), "written by name, longer");
    file.write("short");
    file.commit();
    CHECK(test::read_file(target) == "short");
}

TEST_CASE("a FIFO is written in place: no temporary, never renamed over") {
    ScratchDirectory scratch;
    const auto fifo = scratch.path() / "out.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] { received = test::read_file(fifo); });
    {
        AtomicFile file(fifo);
        CHECK(file.in_place());
        CHECK_THROWS_AS(file.temp_path(), std::logic_error);
        file.append("first ");
        file.append("second");
        file.commit();
    }
    reader.join();
    CHECK(received == "first second");
    CHECK(std::filesystem::is_fifo(fifo));
    CHECK(std::distance(std::filesystem::directory_iterator(scratch.path()), {}) == 1);
    CHECK_THROWS_WITH_AS(AtomicFile{scratch.path()}, (scratch.path().string() + ": is a directory").c_str(), OutputError);
}

TEST_CASE("OutputLock: a second holder waits, then fails naming the holder; the lock file goes on release") {
    ScratchDirectory scratch;
    const auto memory = scratch.path() / "memory.tmx";
    test::write_file(memory, "x");
    const auto lock_file = scratch.path() / ".memory.tmx.lock";
    {
        OutputLock first = OutputLock::acquire(memory, std::chrono::milliseconds(0));
        CHECK(first.held());
        CHECK(test::read_file(lock_file) == "pid " + std::to_string(::getpid()) + "\n");
        CHECK_THROWS_WITH_AS(OutputLock::acquire(memory, std::chrono::milliseconds(50)),
                             (memory.string() + ": another artalign run (pid " + std::to_string(::getpid()) +
                              ") is writing it (lock file " + lock_file.string() +
                              "); gave up after waiting 0.05 s (--lock-timeout)")
                                 .c_str(),
                             OutputError);
        // Released while another waits: the waiter gets it.
        std::thread releaser([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            first.release();
        });
        OutputLock second = OutputLock::acquire(memory, std::chrono::seconds(60));
        releaser.join();
        CHECK(second.held());
    }
    CHECK_FALSE(std::filesystem::exists(lock_file));
    CHECK_FALSE(OutputLock::acquire("-", std::chrono::milliseconds(0)).held());
}
