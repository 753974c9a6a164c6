// Tests for committing a group of outputs with one flush per file system.
#include "util/output_group.hpp"

#include <chrono>
#include <memory>

#include "test_support.hpp"

using namespace artalign;
using artalign::test::ScratchDirectory;

namespace {

std::unique_ptr<AtomicFile> written(const std::filesystem::path& target, std::string_view content) {
    auto file = std::make_unique<AtomicFile>(target);
    file->write(content);
    return file;
}

std::size_t entries(const std::filesystem::path& directory) {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(directory), {}));
}

}  // namespace

TEST_CASE("a group's files appear only at commit, each whole, in the order added, no temporary left") {
    ScratchDirectory scratch;
    test::write_file(scratch.path() / "b.jsonl", "old b");
    OutputGroup group(8, std::chrono::hours(1));
    CHECK_FALSE(group.add(written(scratch.path() / "a.jsonl", "new a"), 7));
    CHECK_FALSE(group.add(written(scratch.path() / "b.jsonl", "new b"), 3));
    CHECK_FALSE(std::filesystem::exists(scratch.path() / "a.jsonl"));
    CHECK(test::read_file(scratch.path() / "b.jsonl") == "old b");
    const auto outcomes = group.commit();
    REQUIRE(outcomes.size() == 2);
    CHECK(outcomes[0].tag == 7);
    CHECK(outcomes[0].error.empty());
    CHECK(outcomes[1].tag == 3);
    CHECK(outcomes[1].error.empty());
    CHECK(test::read_file(scratch.path() / "a.jsonl") == "new a");
    CHECK(test::read_file(scratch.path() / "b.jsonl") == "new b");
    CHECK(entries(scratch.path()) == 2);
    CHECK(group.empty());
    CHECK(group.commit().empty());
}

TEST_CASE("a group is due when full or when its first file has waited long enough") {
    ScratchDirectory scratch;
    OutputGroup full(2, std::chrono::hours(1));
    CHECK_FALSE(full.add(written(scratch.path() / "1", "1"), 0));
    CHECK(full.add(written(scratch.path() / "2", "2"), 1));
    CHECK(full.commit().size() == 2);
    OutputGroup old(100, std::chrono::steady_clock::duration::zero());
    CHECK(old.add(written(scratch.path() / "3", "3"), 0));
    CHECK(old.commit().size() == 1);
}

TEST_CASE("a file that cannot be committed is reported alone; the others are committed") {
    ScratchDirectory scratch;
    OutputGroup group(8, std::chrono::hours(1));
    group.add(written(scratch.path() / "first", "1"), 0);
    group.add(written(scratch.path() / "turned-directory", "2"), 1);
    group.add(written(scratch.path() / "last", "3"), 2);
    std::filesystem::create_directory(scratch.path() / "turned-directory");
    const auto outcomes = group.commit();
    REQUIRE(outcomes.size() == 3);
    CHECK(outcomes[0].error.empty());
    CHECK(outcomes[1].error.find("turned-directory") != std::string::npos);
    CHECK(outcomes[1].error.find("directory") != std::string::npos);
    CHECK(outcomes[2].error.empty());
    CHECK(test::read_file(scratch.path() / "first") == "1");
    CHECK(test::read_file(scratch.path() / "last") == "3");
    CHECK(std::filesystem::is_directory(scratch.path() / "turned-directory"));
    CHECK(entries(scratch.path()) == 3);  // the failed file's temporary is removed
}
