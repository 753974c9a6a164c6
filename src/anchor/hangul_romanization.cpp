// Hangul syllables (and compatibility jamo among them) romanised as ICU 72's Hangul-Latin does,
// from the Unicode syllable arithmetic (syllable = 0xAC00 + (initial * 21 + vowel) * 28 + final)
// and letter tables. The tables and the hyphen rules below were found by comparing with ICU itself (tests/
// hangul_romanization_test.cpp keeps checking them against ICU).
#include "anchor/hangul_romanization.hpp"

#include <array>
#include <cstdint>

#include "util/text.hpp"

namespace artalign {
namespace {

// The entry of `table` at `index`: jamo indices are ints (-1 stands for none, never looked up).
template <typename Table>
constexpr const auto& entry(const Table& table, int index) {
    return table[static_cast<std::size_t>(index)];
}

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
    for (int final = kFinalG; final < kFinalCount; ++final) table[static_cast<std::size_t>(final)] = bit(kSilent);
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
    for (const int vowel : {kA, kYa, kO, kWa, kWo}) table[static_cast<std::size_t>(vowel)] = bit(kEo) | bit(kE) | bit(kEu);
    table[kE] = bit(kO) | bit(kOe) | bit(kU) | bit(kUi);
    table[kYe] = bit(kO) | bit(kOe);
    for (const int vowel : {kU, kEu}) table[static_cast<std::size_t>(vowel)] = bit(kI);
    return table;
}();

// Hangul compatibility jamo (U+3131..U+318E), as ICU romanises them when they stand inside a
// word: the vowels like a syllable with the silent initial, the modern consonants by their
// letters, and the archaic ones (and ㅀ, ㅄ) are left as they are.
constexpr char32_t kFirstJamo = 0x3131;
constexpr char32_t kLastJamo = 0x318E;
constexpr char32_t kFirstVowelJamo = 0x314F;  // ㅏ
constexpr char32_t kLastVowelJamo = 0x3163;   // ㅣ
constexpr char32_t kSilentJamo = 0x3147;      // ㅇ
// Letters of the consonant jamo U+3131..U+314E in order; "" for ㅀ and ㅄ, which ICU leaves
// alone, and for the silent ㅇ.
constexpr std::array<std::string_view, 30> kConsonantJamo = {
    "g", "kk", "gs", "n", "nj", "nh", "d", "tt", "l", "lg", "lm", "lb", "ls", "lt", "lp",
    "",  "m",  "b",  "pp", "", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"};

struct Syllable {
    int initial;
    int vowel;
    int final;
    // The letter written just before this syllable's vowel: the initial's last letter, or with
    // the silent initial whatever came before ('\0' at the start).
    char letter_before_vowel = '\0';
    // A vowel jamo (ㅏ) acts as a syllable with the silent initial (아), except that ICU puts no
    // hyphen between it and a final before it ("gaga" for 각ㅏ, "gag-a" for 각아).
    bool vowel_jamo = false;
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
    if (previous.final != kNoFinal)
        return !next.vowel_jamo && (entry(kHyphenBeforeInitial, previous.final) & bit(next.initial)) != 0;
    return next.initial == kSilent && (entry(kHyphenBeforeVowel, previous.vowel) & bit(next.vowel)) != 0 &&
           !joined_with_letter_before(previous);
}

int index_of(std::string_view letters, const auto& table) {
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table[i] == letters) return static_cast<int>(i);
    }
    return -1;
}

// Whether ICU puts a hyphen between a final and a consonant jamo written as `letters` after it
// (닭ㄱ "dalg-g"): the final-initial pairs of kHyphenBeforeInitial, less the silent initial and
// two pairs that ICU marks only before a vowel (갓ㅅ "gass" but 갓사 "gas-sa"; likewise ㅈ ㅈ).
bool hyphen_before_consonant_jamo(int final, std::string_view letters) {
    const int initial = index_of(letters, kInitials);
    if (initial < 0 || initial == kSilent) return false;
    if ((final == kFinalS && initial == kS) || (final == kFinalJ && initial == kJ)) return false;
    return (entry(kHyphenBeforeInitial, final) & bit(initial)) != 0;
}

}  // namespace

std::optional<std::string> romanize_hangul_syllables(std::u32string_view text) {
    std::string out;
    if (!romanize_hangul_syllables(text, out)) return std::nullopt;
    return out;
}

bool romanize_hangul_syllables(std::u32string_view text, std::string& out) {
    out.clear();
    out.reserve(text.size() * 4);
    // The syllable that decides the hyphen before the next one; none after what resets ICU's
    // context (an archaic jamo, a consonant jamo that does not lengthen the final before it).
    // (A plain value and a flag rather than std::optional, which gcc 12 wrongly warns about here.)
    Syllable previous{};
    bool has_previous = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        Syllable syllable{};
        if (c >= kFirstSyllable && c <= kLastSyllable) {
            syllable = decompose(c);
        } else if (c >= kFirstVowelJamo && c <= kLastVowelJamo) {
            syllable = {kSilent, static_cast<int>(c - kFirstVowelJamo), kNoFinal, '\0', true};
        } else if (c >= kFirstJamo && c < kFirstVowelJamo && (c == kSilentJamo || !kConsonantJamo[c - kFirstJamo].empty())) {
            // A consonant jamo: pinned down against ICU only between a syllable with a final and
            // a syllable or the end (서술ㅋ했다); elsewhere ICU reads it as a final or an
            // initial depending on its neighbours, so those words are left to ICU.
            const bool after_final = has_previous && previous.final != kNoFinal && !previous.vowel_jamo && i > 0 &&
                                     text[i - 1] >= kFirstSyllable && text[i - 1] <= kLastSyllable;
            const bool before_syllable_or_end =
                i + 1 == text.size() || (text[i + 1] >= kFirstSyllable && text[i + 1] <= kLastSyllable);
            if (c == kSilentJamo || !after_final || !before_syllable_or_end) return false;
            const std::string_view letters = kConsonantJamo[c - kFirstJamo];
            const bool hyphen = hyphen_before_consonant_jamo(previous.final, letters);
            if (hyphen) out.push_back('-');
            out.append(letters);
            // Its letters may run on from the final before it into a longer final ("n" + "g" =
            // "ng": 옌ㄱ욙 "yeng-yonj"), which then decides the hyphen before the next syllable.
            const int lengthened = hyphen ? -1 : index_of(std::string(entry(kFinals, previous.final)) + std::string(letters), kFinals);
            previous = Syllable{0, 0, lengthened};
            has_previous = lengthened > 0;
            continue;
        } else if (c >= kFirstJamo && c <= kLastJamo) {
            out.append(to_utf8(std::u32string_view(&text[i], 1)));
            has_previous = false;
            continue;
        } else {
            return false;
        }
        if (has_previous && hyphen_between(previous, syllable)) out.push_back('-');
        out.append(entry(kInitials, syllable.initial));
        if (!out.empty()) syllable.letter_before_vowel = out.back();
        out.append(entry(kVowels, syllable.vowel));
        out.append(entry(kFinals, syllable.final));
        previous = syllable;
        has_previous = true;
    }
    return true;
}

}  // namespace artalign
