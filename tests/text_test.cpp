// Tests for the UTF-8 text helpers.
#include "util/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <functional>
#include <vector>

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

namespace {

// collapse_whitespace as its contract says it, one code point at a time: what its quick check
// for text already collapsed must agree with.
std::string collapsed_by_definition(std::string_view text) {
    std::string out;
    bool pending_space = false;
    std::size_t offset = 0;
    while (offset < text.size()) {
        const std::size_t start = offset;
        const int32_t c = next_code_point(text, offset);
        if (c >= 0 && (u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.append(c < 0 ? std::string_view("\xEF\xBF\xBD") : text.substr(start, offset - start));
    }
    return out;
}

// ICU's NFC of `text` through UTF-16, with no shortcut.
std::string icu_nfc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    const icu::UnicodeString normalized =
        nfc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), status);
    std::string out;
    return normalized.toUTF8String(out);
}

}  // namespace

TEST_CASE("collapse_whitespace returns text already collapsed as it is, and collapses the rest") {
    CHECK(collapse_whitespace("one two three") == "one two three");
    CHECK(collapse_whitespace("한겨레 영문판") == "한겨레 영문판");
    CHECK(collapse_whitespace("one  two") == "one two");
    CHECK(collapse_whitespace("one two ") == "one two");
    CHECK(collapse_whitespace(" one") == "one");
    CHECK(collapse_whitespace("one\ttwo") == "one two");
    CHECK(collapse_whitespace("a\xE2\x80\x8B" "b") == "a b");  // zero-width space
    CHECK(collapse_whitespace("a\xEF\xBB\xBF" "b") == "a b");  // BOM
    // Every string of up to five pieces drawn from: letters, kinds of space, Hangul, a control
    // character that is not white space, and bytes that are not UTF-8.
    const std::vector<std::string> pieces = {"a", " ", "\t", "\xC2\xA0", "\xE3\x80\x80", "한", "\x01", "\xFF", "\xEA\xB0"};
    std::size_t disagreements = 0;
    std::vector<std::size_t> choice;
    for (std::size_t length = 0; length <= 5; ++length) {
        choice.assign(length, 0);
        for (;;) {
            std::string text;
            for (const std::size_t k : choice) text += pieces[k];
            if (collapse_whitespace(text) != collapsed_by_definition(text)) ++disagreements;
            std::size_t position = 0;
            while (position < length && ++choice[position] == pieces.size()) choice[position++] = 0;
            if (position == length) break;
        }
    }
    CHECK(disagreements == 0);
}

TEST_CASE("normalize_nfc agrees with ICU for every code point, alone and beside what composes") {
    // Contexts where a character stays as it is or composes: after a letter and a Hangul
    // syllable (LV, which a trailing jamo completes), before a combining acute and a trailing jamo.
    const std::vector<std::pair<std::string, std::string>> contexts = {
        {"", ""}, {"e", "x"}, {"\xEA\xB0\x80", "\xEA\xB0\x80"}, {"a", "\xCC\x81"}, {"", "\xE1\x86\xA8"}};
    std::size_t disagreements = 0;
    for (char32_t c = 0x01; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates are no text
        const std::string character = to_utf8(std::u32string(1, c));
        for (const auto& [before, after] : contexts) {
            const std::string text = before + character + after;
            if (normalize_nfc(text) != icu_nfc(text)) ++disagreements;
        }
    }
    CHECK(disagreements == 0);
    CHECK(normalize_nfc("\xEA\xB0\x80\xE1\x86\xA8") == "각");  // 가 + trailing ㄱ
    CHECK(normalize_nfc("cafe\xCC\x81") == "caf\xC3\xA9");
    CHECK(normalize_nfc("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
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
    // Eight bytes at a time and the rest one by one: every length and offset of a mixed text.
    const std::string mixed = "Seoul 서울, 2020년 \xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80 CNN 보도";
    for (std::size_t start = 0; start < mixed.size(); ++start) {
        for (std::size_t length = 0; start + length <= mixed.size(); ++length) {
            const std::string_view text = std::string_view(mixed).substr(start, length);
            std::size_t expected = 0;
            for (const char byte : text) expected += (static_cast<unsigned char>(byte) & 0xC0) != 0x80 ? 1 : 0;
            if (count_code_points(text) != expected) FAIL("count_code_points(\"" << std::string(text) << "\")");
        }
    }
}

TEST_CASE("to_code_points decodes every sequence and makes invalid ones U+FFFD") {
    CHECK(to_code_points("a한\xC3\xA9") == U"a한\u00E9");
    CHECK(to_code_points("a\xFF" "b") == U"a\uFFFD" "b");
    CHECK(to_code_points("") == U"");
    std::u32string reused = U"longer than what follows";
    assign_code_points("\xF0\x9F\x98\x80!", reused);
    CHECK(reused == U"\U0001F600!");
}

namespace {

// How many of every three-byte input (lead bytes E0-EF), and of its one- and two-byte
// truncations, `agrees` rejects.
std::size_t three_byte_disagreements(const std::function<bool(std::string_view)>& agrees) {
    std::size_t disagreements = 0;
    for (unsigned lead = 0xE0; lead <= 0xEF; ++lead) {
        for (unsigned second = 0; second <= 0xFF; ++second) {
            for (unsigned third = 0; third <= 0xFF; ++third) {
                const char bytes[] = {static_cast<char>(lead), static_cast<char>(second), static_cast<char>(third)};
                for (std::size_t length = 1; length <= 3; ++length) {
                    if (!agrees(std::string_view(bytes, length))) ++disagreements;
                }
            }
        }
    }
    return disagreements;
}

}  // namespace

// next_code_point decodes most three-byte sequences inline; it must agree with the full
// decoder on every three-byte input, valid or not, and on truncated ones.
TEST_CASE("the inline three-byte decoding agrees with the full UTF-8 decoder") {
    CHECK(three_byte_disagreements([](std::string_view text) {
              std::size_t inline_offset = 0;
              std::size_t full_offset = 0;
              const int32_t inline_result = next_code_point(text, inline_offset);
              const int32_t full_result = next_multibyte_code_point(text, full_offset);
              return inline_result == full_result && inline_offset == full_offset;
          }) == 0);
    std::size_t offset = 0;
    CHECK(next_code_point("\xED\x9E\xA3", offset) == 0xD7A3);  // 힣, through the full decoder
    offset = 0;
    CHECK(next_code_point("\xEA\xB0\x80", offset) == 0xAC00);  // 가, inline
    CHECK(offset == 3);
}

TEST_CASE("is_hangul_syllable_at agrees with decoding on every three-byte input, and on truncated ones") {
    CHECK(three_byte_disagreements([](std::string_view text) {
              std::size_t offset = 0;
              const int32_t c = next_code_point(text, offset);
              return is_hangul_syllable_at(text, 0) == (c >= 0xAC00 && c <= 0xD7A3);
          }) == 0);
    CHECK(is_hangul_syllable_at("a가", 1));
    CHECK_FALSE(is_hangul_syllable_at("a가", 0));
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
