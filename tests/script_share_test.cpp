// Tests for counting letters by the scripts of a language.
#include "parse/script_share.hpp"

#include "artalign/error.hpp"
#include "test_support.hpp"
#include "util/text.hpp"

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

TEST_CASE("letters are counted alike wherever they fall: ASCII eight bytes at a time or one by one") {
    const ScriptShare korean("ko");
    const ScriptShare english("en");
    // Latin letters beside the ASCII just outside A-Z and a-z ('@', '[', '`', '{').
    const std::string text = "@AZ[`az{ Seoul \xEC\x84\x9C\xEC\x9A\xB8 \xE6\xBC\xA2\xE5\xAD\x97 "
                             "\xCE\xB1\xCE\xB2 123 CNN-TV \xEB\xB3\xB4\xEB\x8F\x84 xyz";  // 서울 漢字 αβ 보도
    ScriptShare::LetterCounts all;
    ScriptShare::count(text, english, korean, all);
    CHECK(all.letters == 25);    // 17 Latin, 4 Hangul, 2 Han, 2 Greek
    CHECK(all.in_first == 17);   // English: Latin
    CHECK(all.in_second == 6);   // Korean: Hangul and Han
    // From every offset (some inside a character), the whole text counted at once and code
    // point by code point (each shorter than eight bytes) agree.
    for (std::size_t start = 0; start <= text.size(); ++start) {
        const std::string_view rest = std::string_view(text).substr(start);
        ScriptShare::LetterCounts whole;
        ScriptShare::count(rest, english, korean, whole);
        ScriptShare::LetterCounts one_by_one;
        std::size_t offset = 0;
        while (offset < rest.size()) {
            const std::size_t begin = offset;
            next_code_point(rest, offset);
            ScriptShare::count(rest.substr(begin, offset - begin), english, korean, one_by_one);
        }
        CHECK(whole.letters == one_by_one.letters);
        CHECK(whole.in_first == one_by_one.in_first);
        CHECK(whole.in_second == one_by_one.in_second);
    }
}

TEST_CASE("a language ICU knows no script for is a data error") {
    CHECK_THROWS_AS(ScriptShare("zz-unknown"), DataError);
}
