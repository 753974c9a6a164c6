// Tests for splitting text into words by script.
#include "anchor/words.hpp"

#include "test_support.hpp"

using namespace artalign;

TEST_CASE("words keep their script; joiners stay inside words of one script") {
    const auto words = split_words("김정은 met Kim Jong-un; 12,300.5 dollars, O'Neill.");
    REQUIRE(words.size() == 7);
    CHECK(words[0].text == U"김정은");
    CHECK(words[0].script == WordScript::hangul);
    CHECK(words[3].text == U"Jong-un");
    CHECK(words[3].script == WordScript::latin);
    CHECK(words[4].text == U"12,300.5");
    CHECK(words[4].script == WordScript::digits);
    CHECK(words[6].text == U"O'Neill");
}

TEST_CASE("scripts change inside a token: CNN은, 3천억") {
    const auto words = split_words("CNN은 3천억");
    REQUIRE(words.size() == 4);
    CHECK(words[0].text == U"CNN");
    CHECK(words[1].text == U"은");
    CHECK(words[2].text == U"3");
    CHECK(words[3].text == U"천억");
}

TEST_CASE("empty, punctuation-only and invalid UTF-8 input") {
    CHECK(split_words("").empty());
    CHECK(split_words(" ... -- “ ” ").empty());
    const auto words = split_words("ab\xFF\xFE" "cd");
    REQUIRE(words.size() == 2);
    CHECK(to_utf8(words[1].text) == "cd");
}

TEST_CASE("UTF-8 round trip") {
    const std::string text = "한국 English 😀";
    CHECK(to_utf8(to_code_points(text)) == text);
}
