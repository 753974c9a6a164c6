// Tests for the external sorter: the order of a stable sort in memory, whatever the run size.
#include "util/external_sort.hpp"

#include <algorithm>
#include <random>

#include "artalign/error.hpp"
#include "test_support.hpp"

using namespace artalign;
using artalign::test::ScratchDirectory;

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

Entries sorted_through(std::size_t run_bytes, const Entries& entries, const std::filesystem::path& directory,
                       std::size_t* runs = nullptr) {
    ExternalSorter sorter(run_bytes, directory);
    for (const auto& [key, value] : entries) sorter.add(key, value);
    if (runs != nullptr) *runs = sorter.runs_written();
    Entries out;
    sorter.drain([&](std::string_view key, std::string_view value) { out.emplace_back(key, value); });
    return out;
}

// Keys with repeats (to see stability), NUL and high bytes (compared unsigned), empty ones.
Entries sample(std::size_t count) {
    std::mt19937 random(7);
    Entries entries;
    for (std::size_t k = 0; k < count; ++k) {
        std::string key(random() % 4, '\0');
        for (char& c : key) c = "a\0\xff\x01z"[random() % 5];
        entries.emplace_back(key, "value " + std::to_string(k) + std::string(random() % 50, 'x'));
    }
    return entries;
}

}  // namespace

TEST_CASE("runs on disk give the order of a stable sort in memory") {
    ScratchDirectory scratch;
    const Entries entries = sample(3000);
    Entries expected = entries;
    std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::size_t runs = 0;
    CHECK(sorted_through(std::size_t{1} << 30, entries, scratch.path(), &runs) == expected);
    CHECK(runs == 0);
    CHECK(sorted_through(20000, entries, scratch.path(), &runs) == expected);
    CHECK(runs > 3);
    CHECK(runs < ExternalSorter::kMergeWidth);
    CHECK(sorted_through(1000, entries, scratch.path(), &runs) == expected);  // runs merged into bigger ones
    CHECK(runs > 2 * ExternalSorter::kMergeWidth);
    CHECK(sorted_through(1, entries, scratch.path()) == expected);  // a run an entry: three levels
    CHECK(std::filesystem::is_empty(scratch.path()));  // runs are unlinked files
}

TEST_CASE("an empty sorter drains nothing") {
    ScratchDirectory scratch;
    CHECK(sorted_through(100, {}, scratch.path()).empty());
}

TEST_CASE("a directory where no run can be created is named") {
    ExternalSorter sorter(1, "/nonexistent-artalign-directory");
    CHECK_THROWS_AS(sorter.add("k", "v"), OutputError);
}
