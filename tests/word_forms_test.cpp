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

TEST_CASE("the stems as views into the word are the stems") {
    const KoreanSuffixes suffixes = KoreanSuffixes::load(test::kData / "lexicon" / "ko.suffixes");
    std::vector<std::u32string_view> views{U"left over"};
    for (const std::u32string word : {U"대통령은", U"발표했다", U"워싱턴에서", U"은", U""}) {
        suffixes.stems(word, views);
        CHECK(std::vector<std::u32string>(views.begin(), views.end()) == suffixes.stems(word));
        for (const auto view : views) CHECK(view.data() == word.data());  // prefixes of the word itself
    }
}

TEST_CASE("stemming in place gives english_stem") {
    std::u32string word;
    for (const std::u32string_view input : {U"Announced", U"countries", U"Korea\u2019s", U"stopped", U"calculation", U"", U"a"}) {
        word.assign(input);
        reduce_to_english_stem(word);
        CHECK(word == english_stem(input));
    }
}
