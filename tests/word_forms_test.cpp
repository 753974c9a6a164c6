// Tests for Korean suffix stripping and English inflection stripping.
#include "anchor/word_forms.hpp"

#include <algorithm>

#include "test_support.hpp"

using namespace artalign;

TEST_CASE("Korean stems: the word first, then longest suffix first, never an empty stem") {
    const KoreanSuffixes suffixes = KoreanSuffixes::load(test::kData / "lexicon" / "ko.suffixes");
    const auto stems = suffixes.stems(U"대통령은");
    REQUIRE(stems.size() >= 2);
    CHECK(stems[0] == U"대통령은");
    CHECK(stems[1] == U"대통령");
    const auto verb = suffixes.stems(U"발표했다");
    CHECK(std::find(verb.begin(), verb.end(), std::u32string(U"발표")) != verb.end());
    const auto place = suffixes.stems(U"워싱턴에서");
    CHECK(place[1] == U"워싱턴");  // 에서 before 서
    CHECK(suffixes.stems(U"은") == std::vector<std::u32string>{U"은"});
}

TEST_CASE("English inflections meet at one stem") {
    CHECK(english_stem(U"announced") == english_stem(U"announces"));
    CHECK(english_stem(U"announcing") == english_stem(U"announce"));
    CHECK(english_stem(U"countries") == english_stem(U"country"));
    CHECK(english_stem(U"Talks") == english_stem(U"talk"));
    CHECK(english_stem(U"stopped") == english_stem(U"stop"));
    CHECK(english_stem(U"researchers") == english_stem(U"research"));
    CHECK(english_stem(U"Korea's") == english_stem(U"Korea"));
    CHECK(english_stem(U"") == U"");
}
