// Tests for StringTable, the flat hash table behind the word caches and the key table.
#include "anchor/string_table.hpp"
#include "util/same_bytes.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

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

TEST_CASE("values of any trivially copyable type keep their bytes beside keys of any length") {
    // A value aligned to eight bytes after keys of odd lengths in bytes: each record must start
    // where its value can sit (UBSan checks the alignment).
    struct Place {
        double weight;
        std::uint32_t first;
        std::uint8_t count;
    };
    StringTable<char, Place> table;
    std::vector<std::string> keys;
    for (int k = 0; k < 3000; ++k) {
        keys.push_back(std::string(static_cast<std::size_t>(k % 23), static_cast<char>('a' + k % 26)) + std::to_string(k));
        table.insert(keys.back(), Place{k * 0.5, static_cast<std::uint32_t>(k), static_cast<std::uint8_t>(k % 7)});
    }
    std::size_t wrong = 0;
    for (int k = 0; k < 3000; ++k) {
        const Place* place = table.find(keys[static_cast<std::size_t>(k)]);
        if (place == nullptr || place->weight != k * 0.5 || place->first != static_cast<std::uint32_t>(k) || place->count != k % 7) ++wrong;
        if (table.key(static_cast<std::size_t>(k)) != keys[static_cast<std::size_t>(k)]) ++wrong;
    }
    CHECK(wrong == 0);
}

TEST_CASE("a look-up by a known hash, after prefetching, finds what a plain look-up finds") {
    StringTable<char32_t, int> table;
    CHECK(table.find(U"빈", StringTable<char32_t, int>::hash_of(U"빈")) == nullptr);
    table.prefetch_slot(StringTable<char32_t, int>::hash_of(U"빈"));  // an empty table: nothing to load
    table.prefetch_record(StringTable<char32_t, int>::hash_of(U"빈"));
    const std::vector<std::u32string> words = {U"대통령", U"발표", U"president", U"", U"x"};
    for (std::size_t k = 0; k < words.size(); ++k) table.insert(words[k], static_cast<int>(k));
    for (const std::u32string& word : words) {
        const std::uint64_t hash = StringTable<char32_t, int>::hash_of(word);
        table.prefetch_slot(hash);
        table.prefetch_record(hash);
        REQUIRE(table.find(word, hash) != nullptr);
        CHECK(table.find(word, hash) == table.find(word));
    }
    CHECK(table.find(U"없는", StringTable<char32_t, int>::hash_of(U"없는")) == nullptr);
    CHECK(table.size() == words.size());
}

// The lexicon's data (and its number tables) is copied when an extractor learns a word on its
// own copy: a copy holds every entry, and what either side adds or clears stays its own.
TEST_CASE("a copied or moved table holds the same entries and changes apart from the original") {
    StringTable<char32_t, int> table;
    for (int k = 0; k < 2000; ++k) {
        std::u32string key = U"word" + std::u32string(static_cast<std::size_t>(k % 7), U'가');
        for (const char digit : std::to_string(k)) key += static_cast<char32_t>(digit);
        table.insert(key, k);
    }
    StringTable<char32_t, int> copy = table;
    copy.insert(U"only in the copy", -1);
    *copy.find(U"word0") = 99;
    CHECK(table.find(U"only in the copy") == nullptr);
    CHECK(*table.find(U"word0") == 0);
    CHECK(*copy.find(U"word0") == 99);
    for (std::size_t k = 1; k < 2000; ++k) CHECK(copy.find(copy.key(k)) == &copy.value(k));

    StringTable<char32_t, int> assigned;
    assigned.insert(U"overwritten", 1);
    assigned = table;
    CHECK(assigned.size() == table.size());
    CHECK(assigned.find(U"overwritten") == nullptr);
    CHECK(*assigned.find(table.key(1999)) == 1999);

    StringTable<char32_t, int> moved = std::move(copy);
    CHECK(*moved.find(U"only in the copy") == -1);
    table.clear();
    CHECK(table.find(moved.key(5)) == nullptr);
    CHECK(moved.size() == 2001);
}

// same_bytes reads a key in eight-byte words, overlapping loads and single bytes depending on
// its length: every length up to past memcmp's threshold, with a difference at every place.
TEST_CASE("same_bytes tells every difference at every length") {
    for (std::size_t size = 0; size <= 80; ++size) {
        CAPTURE(size);
        std::vector<unsigned char> a(size);
        for (std::size_t k = 0; k < size; ++k) a[k] = static_cast<unsigned char>(k * 37 + 11);
        std::vector<unsigned char> b = a;
        CHECK(same_bytes(a.data(), b.data(), size));
        for (std::size_t k = 0; k < size; ++k) {
            b[k] ^= 0x80;
            CHECK_FALSE(same_bytes(a.data(), b.data(), size));
            b[k] ^= 0x80;
        }
    }
}
