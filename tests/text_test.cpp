// Tests for the UTF-8 text helpers.
#include "util/text.hpp"

#include "test_support.hpp"

using namespace artalign;

TEST_CASE("collapse_whitespace trims and collapses every kind of Unicode space") {
    CHECK(collapse_whitespace("  a \t\n b  ") == "a b");
    CHECK(collapse_whitespace("a\xC2\xA0\xC2\xA0" "b") == "a b");            // no-break spaces
    CHECK(collapse_whitespace("\xE3\x80\x80한겨레\xE3\x80\x80") == "한겨레");  // ideographic space
    CHECK(collapse_whitespace("") == "");
    CHECK(collapse_whitespace(" \n\t ") == "");
}

TEST_CASE("collapse_whitespace replaces invalid UTF-8 with U+FFFD") {
    CHECK(collapse_whitespace("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("normalize_nfc composes decomposed Hangul") {
    // U+1112 U+1161 U+11AB (conjoining jamo) compose to U+D55C 한.
    CHECK(normalize_nfc("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == "한");
    CHECK(normalize_nfc("already composed") == "already composed");
}

TEST_CASE("count_code_points counts characters, not bytes") {
    CHECK(count_code_points("abc") == 3);
    CHECK(count_code_points("한겨레") == 3);
    CHECK(count_code_points("") == 0);
}

// next_code_point decodes most three-byte sequences inline; it must agree with the full
// decoder on every three-byte input, valid or not, and on truncated ones.
TEST_CASE("the inline three-byte decoding agrees with the full UTF-8 decoder") {
    std::size_t disagreements = 0;
    for (unsigned lead = 0xE0; lead <= 0xEF; ++lead) {
        for (unsigned second = 0; second <= 0xFF; ++second) {
            for (unsigned third = 0; third <= 0xFF; ++third) {
                const char bytes[] = {static_cast<char>(lead), static_cast<char>(second), static_cast<char>(third)};
                for (std::size_t length = 1; length <= 3; ++length) {
                    const std::string_view text(bytes, length);
                    std::size_t inline_offset = 0;
                    std::size_t full_offset = 0;
                    const int32_t inline_result = next_code_point(text, inline_offset);
                    const int32_t full_result = next_multibyte_code_point(text, full_offset);
                    if (inline_result != full_result || inline_offset != full_offset) ++disagreements;
                }
            }
        }
    }
    CHECK(disagreements == 0);
    std::size_t offset = 0;
    CHECK(next_code_point("\xED\x9E\xA3", offset) == 0xD7A3);  // 힣, through the full decoder
    offset = 0;
    CHECK(next_code_point("\xEA\xB0\x80", offset) == 0xAC00);  // 가, inline
    CHECK(offset == 3);
}

TEST_CASE("is_valid_utf8 finds an ill-formed sequence wherever it is, ASCII runs included") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ASCII, longer than eight bytes"));
    CHECK(is_valid_utf8("한겨레 English edition"));
    CHECK_FALSE(is_valid_utf8("eight by\xFF"));            // after a whole ASCII word
    CHECK_FALSE(is_valid_utf8("abc\xED\xA0\x80"));        // a surrogate
    CHECK_FALSE(is_valid_utf8("abcdefgh\xEA\xB0"));       // truncated at the end
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));               // overlong
}

TEST_CASE("append_utf8 appends what to_utf8 gives, after what the string held") {
    const std::u32string text = U"a\u00E9\uAC00\U0001F600z";
    std::string out = "w:";
    append_utf8(text, out);
    CHECK(out == "w:" + to_utf8(text));
    CHECK(to_utf8(text) == "a\xC3\xA9\xEA\xB0\x80\xF0\x9F\x98\x80z");
    std::u32string points = U"longer than the next text";
    assign_code_points("ab\xFF", points);  // an invalid byte decodes as U+FFFD
    CHECK(points == U"ab\uFFFD");
}
