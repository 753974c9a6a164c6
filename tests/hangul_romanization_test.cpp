// Tests for the romanisation of Hangul syllables, with ICU's Hangul-Latin transliterator as the
// oracle: every syllable, every syllable boundary, and every Korean headword of the lexicons.
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

TEST_CASE("ICU's hyphens between ambiguous syllables are kept") {
    CHECK(romanize_hangul_syllables(U"한국어") == "hangug-eo");
    CHECK(romanize_hangul_syllables(U"강가") == "gang-ga");
    CHECK(romanize_hangul_syllables(U"안가") == "anga");
    CHECK(romanize_hangul_syllables(U"아어") == "a-eo");
    CHECK(romanize_hangul_syllables(U"개오어") == "gaeoeo");
    CHECK(romanize_hangul_syllables(U"") == "");
}

TEST_CASE("text with anything but syllables is left to ICU") {
    CHECK(romanize_hangul_syllables(U"ㅋㅋ") == std::nullopt);                    // compatibility jamo
    CHECK(romanize_hangul_syllables(U"\u1100\u1161") == std::nullopt);          // conjoining jamo
    CHECK(romanize_hangul_syllables(U"G20정상") == std::nullopt);
    CHECK(romanize_hangul_syllables(U"한국 어") == std::nullopt);
}
