// Tests for StringTable, the flat hash table behind the word caches and the key table.
#include "anchor/string_table.hpp"

#include <string>
#include <unordered_map>

#include "test_support.hpp"

using namespace artalign;

TEST_CASE("a string table finds every key it was given, through growth and after clear") {
    StringTable<char32_t, int> table;
    CHECK(table.find(U"대통령") == nullptr);  // an empty table has no slots yet
    std::unordered_map<std::u32string, int> expected;
    for (int k = 0; k < 5000; ++k) {
        // Short keys of one to three syllables, and the empty key: what word caches see. Spread
        // over the syllables so that some share a slot and must be probed past.
        std::u32string key;
        for (int part = 0; part < k % 4; ++part) key += static_cast<char32_t>(0xAC00 + (k * (37 + part * 64)) % 11172);
        if (expected.count(key) != 0) continue;
        table.insert(key, k);
        expected.emplace(key, k);
    }
    CHECK(table.size() == expected.size());
    std::size_t wrong = 0;
    for (const auto& [key, value] : expected) {
        const int* found = table.find(key);
        if (found == nullptr || *found != value) ++wrong;
    }
    CHECK(wrong == 0);
    CHECK(table.find(U"없는말없는말") == nullptr);
    CHECK(table.key(0).empty());                        // entries are numbered in order of insertion
    const std::u32string first(table.key(1));
    CHECK(*table.find(first) == 1);
    *table.find(first) = -1;                            // values can be changed in place
    CHECK(*table.find(first) == -1);

    table.clear();
    CHECK(table.size() == 0);
    CHECK(table.find(first) == nullptr);
    table.insert(U"다시", 7);
    CHECK(*table.find(U"다시") == 7);
}

TEST_CASE("assign adds a key or changes its value; a const table finds as well") {
    StringTable<char32_t, int> table;
    table.assign(U"second", 2);
    table.assign(U"third", 3);
    table.assign(U"second", 20);  // a later line of a data file wins
    CHECK(table.size() == 2);
    const auto& constant = table;
    REQUIRE(constant.find(U"second") != nullptr);
    CHECK(*constant.find(U"second") == 20);
    CHECK(*constant.find(U"third") == 3);
    CHECK(constant.find(U"fourth") == nullptr);
}
