// Hangul syllables romanised as ICU 72's Hangul-Latin does, from the Unicode syllable arithmetic
// (syllable = 0xAC00 + (initial * 21 + vowel) * 28 + final) and three letter tables. The tables
// and the hyphen rules below were found by comparing with ICU itself (tests/
// hangul_romanization_test.cpp keeps checking them against ICU).
#include "anchor/hangul_romanization.hpp"

#include <array>
#include <cstdint>

namespace artalign {
namespace {

constexpr char32_t kFirstSyllable = 0xAC00;
constexpr char32_t kLastSyllable = 0xD7A3;
constexpr int kVowelCount = 21;
constexpr int kFinalCount = 28;  // including "no final"

// Initial consonants in Unicode order; the silent initial ㅇ writes nothing.
enum Initial {
    kG, kKk, kN, kD, kTt, kL, kM, kB, kPp, kS, kSs, kSilent, kJ, kJj, kCh, kK, kT, kP, kH
};
constexpr std::array<std::string_view, 19> kInitials = {
    "g", "kk", "n", "d", "tt", "l", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"};

enum Vowel {
    kA, kAe, kYa, kYae, kEo, kE, kYeo, kYe, kO, kWa, kWae, kOe, kYo, kU, kWo, kWe, kWi, kYu, kEu, kUi, kI
};
constexpr std::array<std::string_view, kVowelCount> kVowels = {
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"};

enum Final {
    kNoFinal, kFinalG, kFinalKk, kFinalGs, kFinalN, kFinalNj, kFinalNh, kFinalD, kFinalL, kFinalLg,
    kFinalLm, kFinalLb, kFinalLs, kFinalLt, kFinalLp, kFinalLh, kFinalM, kFinalB, kFinalBs,
    kFinalS, kFinalSs, kFinalNg, kFinalJ, kFinalCh, kFinalK, kFinalT, kFinalP, kFinalH
};
constexpr std::array<std::string_view, kFinalCount> kFinals = {
    "", "g", "kk", "gs", "n", "nj", "nh", "d", "l", "lg", "lm", "lb", "ls", "lt",
    "lp", "lh", "m", "b", "bs", "s", "ss", "ng", "j", "ch", "k", "t", "p", "h"};

constexpr std::uint32_t bit(int index) { return std::uint32_t{1} << index; }

// Initials before which ICU puts a hyphen after each final, so that the letters of the final
// and the next initial are not read as another split ("gag-a", not "gaga" = 가가; "gas-sa", not
// "gassa" = 갔사). ICU does this for only some of the ambiguous pairs ("anga" stays unmarked),
// hence a table rather than a rule.
constexpr std::array<std::uint32_t, kFinalCount> kHyphenBeforeInitial = [] {
    std::array<std::uint32_t, kFinalCount> table{};
    for (int final = kFinalG; final < kFinalCount; ++final) table[final] = bit(kSilent);
    table[kFinalGs] |= bit(kS) | bit(kSs);
    table[kFinalNj] |= bit(kJ) | bit(kJj);
    table[kFinalLg] |= bit(kG);
    table[kFinalLb] |= bit(kB);
    table[kFinalLs] |= bit(kS) | bit(kSs);
    table[kFinalLt] |= bit(kT);
    table[kFinalLp] |= bit(kP);
    table[kFinalBs] |= bit(kS) | bit(kSs);
    table[kFinalS] |= bit(kS) | bit(kSs);
    table[kFinalNg] |= bit(kG);
    table[kFinalJ] |= bit(kJ);
    table[kFinalK] |= bit(kKk) | bit(kK);
    table[kFinalT] |= bit(kT);
    table[kFinalP] |= bit(kP);
    return table;
}();

// After a syllable without final, the vowels of a following ㅇ-syllable before which ICU puts a
// hyphen, because the two vowels' letters would read as one ("ga-eo", not "gaeo" = 개오).
constexpr std::array<std::uint32_t, kVowelCount> kHyphenBeforeVowel = [] {
    std::array<std::uint32_t, kVowelCount> table{};
    for (const int vowel : {kA, kYa, kO, kWa, kWo}) table[vowel] = bit(kEo) | bit(kE) | bit(kEu);
    table[kE] = bit(kO) | bit(kOe) | bit(kU) | bit(kUi);
    table[kYe] = bit(kO) | bit(kOe);
    for (const int vowel : {kU, kEu}) table[vowel] = bit(kI);
    return table;
}();

struct Syllable {
    int initial;
    int vowel;
    int final;
    // The letter written just before this syllable's vowel: the initial's last letter, or with
    // the silent initial whatever came before ('\0' at the start).
    char letter_before_vowel = '\0';
};

Syllable decompose(char32_t syllable) {
    const int index = static_cast<int>(syllable - kFirstSyllable);
    return {index / (kVowelCount * kFinalCount), index / kFinalCount % kVowelCount, index % kFinalCount};
}

// ICU leaves the vowel-vowel hyphen out when the previous vowel has already run together with
// the letter before it into "eo" or "oe": 개오어 is "gaeoeo", not "gaeo-eo", while 가오어 is
// "gao-eo".
bool joined_with_letter_before(const Syllable& syllable) {
    return (syllable.vowel == kO && syllable.letter_before_vowel == 'e') ||
           (syllable.vowel == kE && syllable.letter_before_vowel == 'o');
}

bool hyphen_between(const Syllable& previous, const Syllable& next) {
    if (previous.final != kNoFinal) return (kHyphenBeforeInitial[previous.final] & bit(next.initial)) != 0;
    return next.initial == kSilent && (kHyphenBeforeVowel[previous.vowel] & bit(next.vowel)) != 0 &&
           !joined_with_letter_before(previous);
}

}  // namespace

std::optional<std::string> romanize_hangul_syllables(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 4);
    std::optional<Syllable> previous;
    for (const char32_t c : text) {
        if (c < kFirstSyllable || c > kLastSyllable) return std::nullopt;
        Syllable syllable = decompose(c);
        if (previous && hyphen_between(*previous, syllable)) out.push_back('-');
        out.append(kInitials[syllable.initial]);
        if (!out.empty()) syllable.letter_before_vowel = out.back();
        out.append(kVowels[syllable.vowel]);
        out.append(kFinals[syllable.final]);
        previous = syllable;
    }
    return out;
}

}  // namespace artalign
