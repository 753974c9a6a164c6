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
        // Short keys, a shared prefix, and the empty key: what word caches see.
        std::u32string key = k == 0 ? std::u32string() : U"단어" + std::u32string(1, static_cast<char32_t>(0xAC00 + k));
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
    CHECK(table.find(U"단어") == nullptr);   // a prefix of keys is not a key
    CHECK(table.key(1) == U"단어\uAC01");     // entries are numbered in order of insertion
    *table.find(U"단어\uAC01") = -1;          // values can be changed in place
    CHECK(*table.find(U"단어\uAC01") == -1);

    table.clear();
    CHECK(table.size() == 0);
    CHECK(table.find(U"단어\uAC01") == nullptr);
    table.insert(U"다시", 7);
    CHECK(*table.find(U"다시") == 7);
}
