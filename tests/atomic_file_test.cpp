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
