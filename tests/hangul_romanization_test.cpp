// Tests for the romanisation of Hangul syllables and compatibility jamo, with ICU's Hangul-Latin
// transliterator as the oracle: every syllable, every syllable boundary, every jamo alone, between
// syllables and next to another jamo, and every Korean headword of the lexicons.
#include "anchor/hangul_romanization.hpp"

#include <filesystem>
#include <fstream>
#include <memory>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "test_support.hpp"
#include "util/text.hpp"

using namespace artalign;

namespace {

constexpr int kInitialCount = 19;
constexpr int kVowelCount = 21;
constexpr int kFinalCount = 28;
constexpr int kSilentInitial = 11;  // ㅇ

constexpr char32_t kFirstJamo = 0x3131;
constexpr char32_t kLastJamo = 0x318E;
constexpr int kJamoCount = kLastJamo - kFirstJamo + 1;

// The consonant jamo ICU romanises (ㄱ..ㅎ less ㅀ and ㅄ, which it leaves alone), ㅇ included.
bool is_romanised_consonant_jamo(char32_t c) { return c >= 0x3131 && c <= 0x314E && c != 0x3140 && c != 0x3144; }

char32_t syllable(int initial, int vowel, int final) {
    return static_cast<char32_t>(0xAC00 + (initial * kVowelCount + vowel) * kFinalCount + final);
}

std::string icu_romanization(std::u32string_view text) {
    static const std::unique_ptr<icu::Transliterator> hangul_latin = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance("Hangul-Latin", UTRANS_FORWARD, status));
        REQUIRE(U_SUCCESS(status));
        return made;
    }();
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(to_utf8(text));
    hangul_latin->transliterate(unicode);
    std::string out;
    unicode.toUTF8String(out);
    return out;
}

// Counts the texts whose romanisation differs from ICU's, reporting the first few; checking
// hundreds of thousands of texts one CHECK each would drown a failure in output.
class IcuComparison {
public:
    void compare(std::u32string_view text) {
        ++compared_;
        const std::optional<std::string> ours = romanize_hangul_syllables(text);
        const std::string expected = icu_romanization(text);
        if (ours && *ours == expected) return;
        if (++differing_ <= 10) {
            INFO("text: ", to_utf8(text), ", ICU: ", expected);
            CHECK(ours == expected);
        }
    }
    // Compares `text` when we romanise it ourselves; true then. Words with a consonant jamo in
    // a place we leave to ICU are skipped.
    bool compare_if_ours(std::u32string_view text) {
        if (!romanize_hangul_syllables(text)) return false;
        compare(text);
        return true;
    }
    int differing() const { return differing_; }
    int compared() const { return compared_; }

private:
    int compared_ = 0;
    int differing_ = 0;
};

}  // namespace

TEST_CASE("every syllable alone romanises as ICU does") {
    IcuComparison icu;
    for (char32_t c = 0xAC00; c <= 0xD7A3; ++c) icu.compare(std::u32string(1, c));
    CHECK(icu.compared() == 11172);
    CHECK(icu.differing() == 0);
}

TEST_CASE("every boundary between two syllables romanises as ICU does") {
    // Every vowel and final of the first syllable against every initial and vowel of the second:
    // ICU's hyphens depend on these four. The first initial and the second final cycle through
    // all their values on the way, in case they matter too.
    IcuComparison icu;
    int counter = 0;
    for (int first_vowel = 0; first_vowel < kVowelCount; ++first_vowel) {
        for (int first_final = 0; first_final < kFinalCount; ++first_final) {
            for (int second_initial = 0; second_initial < kInitialCount; ++second_initial) {
                for (int second_vowel = 0; second_vowel < kVowelCount; ++second_vowel) {
                    ++counter;
                    const char32_t first = syllable(counter % kInitialCount, first_vowel, first_final);
                    const char32_t second = syllable(second_initial, second_vowel, counter % kFinalCount);
                    icu.compare(std::u32string{first, second});
                }
            }
        }
    }
    CHECK(icu.compared() == kVowelCount * kFinalCount * kInitialCount * kVowelCount);
    CHECK(icu.differing() == 0);
}

TEST_CASE("runs of vowel syllables romanise as ICU does") {
    // ICU's hyphen between two vowels depends on the letter before the first of them too
    // (가오어 "gao-eo", 개오어 "gaeoeo"), so every three vowels in a row, after a consonant and
    // at the start of a word.
    IcuComparison icu;
    for (const int first_initial : {0, kSilentInitial}) {
        for (int first = 0; first < kVowelCount; ++first) {
            for (int second = 0; second < kVowelCount; ++second) {
                for (int third = 0; third < kVowelCount; ++third) {
                    icu.compare(std::u32string{syllable(first_initial, first, 0), syllable(kSilentInitial, second, 0),
                                               syllable(kSilentInitial, third, 0)});
                }
            }
        }
    }
    CHECK(icu.differing() == 0);
}

TEST_CASE("every Korean headword of the lexicons romanises as ICU does") {
    IcuComparison icu;
    int headwords = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::kData / "lexicon")) {
        if (entry.path().extension() != ".tsv") continue;
        std::ifstream lines(entry.path());
        std::string line;
        while (std::getline(lines, line)) {
            if (line.empty() || line[0] == '#') continue;
            const std::u32string korean = to_code_points(line.substr(0, line.find('\t')));
            ++headwords;
            if (romanize_hangul_syllables(korean)) icu.compare(korean);
        }
    }
    CHECK(headwords > 8000);
    CHECK(icu.compared() > headwords * 9 / 10);  // nearly all are plain syllables
    CHECK(icu.differing() == 0);
}

TEST_CASE("every compatibility jamo alone romanises as ICU does, or is left to ICU") {
    IcuComparison icu;
    int left_to_icu = 0;
    for (char32_t c = kFirstJamo; c <= kLastJamo; ++c) {
        if (icu.compare_if_ours(std::u32string(1, c))) continue;
        CHECK(is_romanised_consonant_jamo(c));  // a consonant at the start of a word
        ++left_to_icu;
    }
    CHECK(left_to_icu == 28);
    CHECK(icu.differing() == 0);
}

TEST_CASE("every compatibility jamo between syllables romanises as ICU does") {
    // Every jamo after every vowel and final of a syllable, and before every initial and vowel of
    // a syllable, the other syllable cycling through all values; and at the end and start of a
    // word. Consonant jamo are ours only after a final (the next test has them all).
    IcuComparison icu;
    int counter = 0;
    int ours = 0;
    for (char32_t jamo = kFirstJamo; jamo <= kLastJamo; ++jamo) {
        for (int vowel = 0; vowel < kVowelCount; ++vowel) {
            for (int final = 0; final < kFinalCount; ++final) {
                ++counter;
                const char32_t before = syllable(counter % kInitialCount, vowel, final);
                const char32_t after = syllable(counter % kInitialCount, counter % kVowelCount, counter % kFinalCount);
                ours += icu.compare_if_ours(std::u32string{before, jamo, after});
                ours += icu.compare_if_ours(std::u32string{before, jamo});
            }
        }
        for (int initial = 0; initial < kInitialCount; ++initial) {
            for (int vowel = 0; vowel < kVowelCount; ++vowel) {
                ++counter;
                const char32_t before = syllable(counter % kInitialCount, counter % kVowelCount, counter % kFinalCount);
                const char32_t after = syllable(initial, vowel, counter % kFinalCount);
                ours += icu.compare_if_ours(std::u32string{before, jamo, after});
                ours += icu.compare_if_ours(std::u32string{jamo, after});
            }
        }
    }
    CHECK(icu.compared() == ours);
    CHECK(ours > kJamoCount * (2 * kVowelCount * kFinalCount + kInitialCount * kVowelCount) * 3 / 4);
    CHECK(icu.differing() == 0);
}

TEST_CASE("every consonant jamo between every final and every syllable start romanises as ICU does") {
    // ICU's hyphens around a consonant jamo depend on the final before it (닭ㄱ "dalg-g"), on
    // whether the two run into a longer final (옌ㄱ욙 "yeng-yonj": n + g = ng), and on the
    // initial and vowel after it: every combination of the four.
    IcuComparison icu;
    int counter = 0;
    for (char32_t jamo = kFirstJamo; jamo < 0x314F; ++jamo) {
        if (!is_romanised_consonant_jamo(jamo) || jamo == 0x3147) continue;
        for (int final = 1; final < kFinalCount; ++final) {
            for (int initial = 0; initial < kInitialCount; ++initial) {
                for (int vowel = 0; vowel < kVowelCount; ++vowel) {
                    ++counter;
                    const char32_t before = syllable(counter % kInitialCount, counter % kVowelCount, final);
                    icu.compare(std::u32string{before, jamo, syllable(initial, vowel, counter % kFinalCount)});
                }
            }
        }
    }
    CHECK(icu.compared() == 27 * 27 * kInitialCount * kVowelCount);
    CHECK(icu.differing() == 0);
}

TEST_CASE("runs of two compatibility jamo romanise as ICU does") {
    // Every two jamo alone, after a syllable without final and with one, and before a syllable
    // with and without the silent initial.
    IcuComparison icu;
    int counter = 0;
    for (char32_t first = kFirstJamo; first <= kLastJamo; ++first) {
        for (char32_t second = kFirstJamo; second <= kLastJamo; ++second) {
            ++counter;
            const char32_t open = syllable(counter % kInitialCount, counter % kVowelCount, 0);
            const char32_t closed = syllable(counter % kInitialCount, counter % kVowelCount, 1 + counter % (kFinalCount - 1));
            const char32_t after = syllable(counter % 2 == 0 ? kSilentInitial : counter % kInitialCount, counter % kVowelCount,
                                            counter % kFinalCount);
            for (const std::u32string& text : {std::u32string{first, second}, std::u32string{open, first, second, after},
                                               std::u32string{closed, first, second, after}}) {
                icu.compare_if_ours(text);
            }
        }
    }
    CHECK(icu.compared() > kJamoCount * kJamoCount);
    CHECK(icu.differing() == 0);
}

TEST_CASE("runs of vowel jamo and vowel syllables romanise as ICU does") {
    // As for syllables, the hyphen between two vowels depends on the letter before the first.
    IcuComparison icu;
    std::u32string vowels;
    for (int vowel = 0; vowel < kVowelCount; ++vowel) {
        vowels.push_back(syllable(kSilentInitial, vowel, 0));
        vowels.push_back(static_cast<char32_t>(0x314F + vowel));
    }
    std::u32string firsts = vowels;
    for (int vowel = 0; vowel < kVowelCount; ++vowel) firsts.push_back(syllable(0, vowel, 0));
    for (const char32_t first : firsts) {
        for (const char32_t second : vowels) {
            for (const char32_t third : vowels) icu.compare(std::u32string{first, second, third});
        }
    }
    CHECK(icu.differing() == 0);
}

TEST_CASE("words of Korean news with compatibility jamo romanise as ICU does") {
    IcuComparison icu;
    for (const std::u32string_view word : {U"서술ㅋ했다", U"청소년ㆍ체육부로", U"남북ㆍ북미", U"ㅏㅓ", U"닭ㄱ", U"갓ㅅ", U"옌ㄱ욙"})
        icu.compare(word);
    CHECK(icu.differing() == 0);
    CHECK(romanize_hangul_syllables(U"서술ㅋ했다") == "seosulkhaessda");
    CHECK(romanize_hangul_syllables(U"청소년ㆍ체육부로") == "cheongsonyeonㆍcheyugbulo");
    CHECK(romanize_hangul_syllables(U"닭ㄱ") == "dalg-g");
    CHECK(romanize_hangul_syllables(U"옌ㄱ욙") == "yeng-yonj");
}

TEST_CASE("ICU's hyphens between ambiguous syllables are kept") {
    CHECK(romanize_hangul_syllables(U"한국어") == "hangug-eo");
    CHECK(romanize_hangul_syllables(U"강가") == "gang-ga");
    CHECK(romanize_hangul_syllables(U"안가") == "anga");
    CHECK(romanize_hangul_syllables(U"아어") == "a-eo");
    CHECK(romanize_hangul_syllables(U"개오어") == "gaeoeo");
    CHECK(romanize_hangul_syllables(U"") == "");
}

TEST_CASE("text with anything but syllables and compatibility jamo is left to ICU, and some consonant jamo") {
    CHECK(romanize_hangul_syllables(U"ㅋㅋ") == std::nullopt);                    // consonant jamo first
    CHECK(romanize_hangul_syllables(U"아ㅋ") == std::nullopt);                    // after no final
    CHECK(romanize_hangul_syllables(U"각ㅋㅋ") == std::nullopt);                  // before a jamo
    CHECK(romanize_hangul_syllables(U"각ㅇ") == std::nullopt);                    // ㅇ
    CHECK(romanize_hangul_syllables(U"\u1100\u1161") == std::nullopt);          // conjoining jamo
    CHECK(romanize_hangul_syllables(U"G20정상") == std::nullopt);
    CHECK(romanize_hangul_syllables(U"한국 어") == std::nullopt);
}
