// Tests for WordFilter, the quick test before the stop word and number word look-ups.
#include "anchor/word_filter.hpp"

#include <string>
#include <vector>

#include "test_support.hpp"

using namespace artalign;

TEST_CASE("a word filter holds every word added and rules out words of other lengths or initials") {
    const std::vector<std::u32string> words{U"이", U"그", U"것", U"우리", U"january", U"twelve", U"a-very-long-stop-word"};
    WordFilter filter;
    for (const auto& word : words) filter.add(word);
    for (const auto& word : words) CHECK(filter.may_hold(word));
    CHECK(filter.may_hold(U"an-even-longer-stop-word"));  // lengths from 15 up share one bucket
    CHECK_FALSE(filter.may_hold(U"대통령"));              // no word of three syllables
    CHECK_FALSE(filter.may_hold(U"twelfth"));             // nor of seven letters
    CHECK_FALSE(filter.may_hold(U"bwelve"));              // nor of six beginning with b
    CHECK_FALSE(filter.may_hold(U""));
    CHECK_FALSE(WordFilter{}.may_hold(U"이"));
}
