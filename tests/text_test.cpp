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
