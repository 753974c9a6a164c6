// Tests for counting letters by the scripts of a language.
#include "parse/script_share.hpp"

#include "artalign/error.hpp"
#include "test_support.hpp"

using namespace artalign;

TEST_CASE("a language's scripts come from ICU: Hangul and Han for Korean, Latin for English") {
    const ScriptShare korean("ko");
    const ScriptShare english("en");
    CHECK(korean.language_name() == "Korean");
    CHECK(korean.script_names() == "Hangul or Han");
    CHECK(english.language_name() == "English");
    CHECK(english.script_names() == "Latin");
    CHECK(ScriptShare("ko-KR").script_names() == "Hangul or Han");
}

TEST_CASE("shares count letters only: digits, punctuation, spaces and bad bytes do not count") {
    const ScriptShare korean("ko");
    const ScriptShare english("en");
    CHECK(korean.of("도널드 트럼프 美 대통령") == doctest::Approx(1.0));
    CHECK(english.of("도널드 트럼프 美 대통령") == doctest::Approx(0.0));
    CHECK(korean.of("2020년 CNN 보도") == doctest::Approx(3.0 / 6.0));  // 년, 보, 도 of six letters
    CHECK(english.of("2020년 CNN 보도") == doctest::Approx(3.0 / 6.0));
    CHECK(english.of("1, 2, 3... \xFF\xFE !") == doctest::Approx(0.0));
    CHECK(korean.of("") == doctest::Approx(0.0));
}

TEST_CASE("a language ICU knows no script for is a data error") {
    CHECK_THROWS_AS(ScriptShare("zz-unknown"), DataError);
}
