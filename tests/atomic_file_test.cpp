// Tests for atomic file replacement.
#include "artalign/atomic_file.hpp"

#include "artalign/error.hpp"
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
