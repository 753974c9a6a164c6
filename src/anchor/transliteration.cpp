// Name anchors: Hangul-Latin romanisation and consonant skeletons for fuzzy name matching.
#include "anchor/transliteration.hpp"

#include <array>
#include <optional>
#include <utility>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "artalign/error.hpp"
#include "anchor/hangul_romanization.hpp"
#include "anchor/words.hpp"

namespace artalign {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w'; }

// Sound class of the consonant(s) at `i` of lower-case ASCII `s`; advances `i`. '\0' for
// nothing (a vowel, a silent letter, a separator).
char sound_class(const std::string& s, std::size_t& i, bool english) {
    const char c = s[i];
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    auto take = [&i](std::size_t count, char result) {
        i += count;
        return result;
    };
    if (is_vowel(c) || c < 'a' || c > 'z') return take(1, '\0');
    if (c == 'c' && next == 'h') return take(2, 'S');
    if (c == 'n' && next == 'g') return take(2, 'N');
    if (english) {
        if (c == 's' && next == 'h') return take(2, 'S');
        if (c == 't' && next == 'h') return take(2, 'T');
        if (c == 'p' && next == 'h') return take(2, 'P');
        if (c == 'g' && next == 'h') return take(2, '\0');
        if (c == 'c' && next == 'k') return take(2, 'K');
        if (c == 'q' && next == 'u') return take(2, 'K');
        if (c == 'c') return take(1, (next == 'e' || next == 'i' || next == 'y') ? 'S' : 'K');
        if (c == 'x') return take(1, 'K');
        // Non-rhotic r, as Korean loanwords have it: "computer", "Pearl", "Livermore".
        if (c == 'r' && (!is_vowel(next) || (next == 'e' && i + 2 == s.size()))) return take(1, '\0');
    }
    switch (c) {
        case 'g': case 'k': case 'q': return take(1, 'K');
        case 'd': case 't': return take(1, 'T');
        case 'b': case 'p': case 'f': case 'v': return take(1, 'P');
        case 's': case 'z': case 'j': return take(1, 'S');
        case 'l': case 'r': return take(1, 'L');
        case 'm': return take(1, 'M');
        case 'n': return take(1, 'N');
        case 'h': return take(1, i == 0 ? 'H' : '\0');
        default: return take(1, '\0');
    }
}

// Adds a sound class to a skeleton: none for '\0', and a repeat of the last one adds nothing.
void add_class(std::string& skeleton, char cls) {
    if (cls != '\0' && (skeleton.empty() || skeleton.back() != cls)) skeleton.push_back(cls);
}

// A skeleton of fewer than two classes matches too much to be a name: none.
void drop_if_short(std::string& skeleton) {
    if (skeleton.size() < 2) skeleton.clear();
}

void skeleton_of(const std::string& lower, bool english, std::string& out) {
    out.clear();
    std::size_t i = 0;
    while (i < lower.size()) add_class(out, sound_class(lower, i, english));
    drop_if_short(out);
}

// The sound classes skeleton_of gives the letters of each initial and final consonant of a
// Hangul syllable, in Unicode order, as romanize_hangul_syllables writes them (kInitials and
// kFinals of hangul_romanization.cpp). The vowels' letters (a, e, i, o, u, w, y) give none.
// ㅎ's "h" counts only at the start of the word (kInitialH); a final's "h" never does.
constexpr std::array<std::string_view, 19> kInitialClasses = {
    "K", "K", "N", "T", "T", "L", "M", "P", "P", "S", "S", "", "S", "S", "S", "K", "T", "P", ""};
constexpr std::array<std::string_view, 28> kFinalClasses = {
    "",   "K",  "K",  "KS", "N",  "NS", "N", "T", "L", "LK", "LM", "LP", "LS", "LT",
    "LP", "L",  "M",  "P",  "PS", "S",  "S", "N", "S", "S",  "K",  "T",  "P",  ""};
constexpr int kInitialG = 0;
constexpr int kInitialH = 18;
constexpr int kFinalN = 4;

// The skeleton of a word of Hangul syllables only, straight from its jamo: the same classes, in
// the same order, as skeleton_of reading its romanisation, without writing the letters first.
// The one pair of letters two jamo share is a final "n" and an initial "g" (ㄴ, ㄱ): they read
// as "ng", one N. (Hyphens, which romanisation puts between some pairs, are not letters, and
// never fall between that final and that initial.) False, with `out` unset, for other text.
bool syllable_skeleton(std::u32string_view hangul, std::string& out) {
    constexpr char32_t kFirstSyllable = 0xAC00;
    constexpr char32_t kLastSyllable = 0xD7A3;
    if (hangul.empty()) return false;
    for (const char32_t c : hangul) {
        if (c < kFirstSyllable || c > kLastSyllable) return false;
    }
    out.clear();
    auto add = [&out](std::string_view classes) {
        for (const char cls : classes) add_class(out, cls);
    };
    int previous_final = -1;
    for (std::size_t k = 0; k < hangul.size(); ++k) {
        const int index = static_cast<int>(hangul[k] - kFirstSyllable);
        const int initial = index / (21 * 28);
        const int final = index % 28;
        if (initial == kInitialH && k == 0) add("H");
        else if (!(initial == kInitialG && previous_final == kFinalN)) add(kInitialClasses[static_cast<std::size_t>(initial)]);
        add(kFinalClasses[static_cast<std::size_t>(final)]);
        previous_final = final;
    }
    drop_if_short(out);
    return true;
}

// ICU's Hangul-Latin transliterator, built once per process on first use (building it parses
// ICU's rules: tens of milliseconds, which is why only text that romanize_hangul_syllables
// leaves alone comes here); each NameSkeletons romanises with its own clone, since a transliterator is not safe
// to share between threads.
const icu::Transliterator& hangul_latin() {
    static const std::unique_ptr<icu::Transliterator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance("Hangul-Latin", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !made)
            throw DataError("ICU", std::string("no Hangul-Latin transliterator: ") + u_errorName(status));
        return made;
    }();
    return *prototype;
}

}  // namespace

NameSkeletons::NameSkeletons() = default;

NameSkeletons::~NameSkeletons() = default;
NameSkeletons::NameSkeletons(NameSkeletons&&) noexcept = default;
NameSkeletons& NameSkeletons::operator=(NameSkeletons&&) noexcept = default;

std::string NameSkeletons::romanize(std::u32string_view hangul) const {
    std::string out;
    romanize(hangul, out);
    return out;
}

void NameSkeletons::romanize(std::u32string_view hangul, std::string& out) const {
    // Syllables and compatibility jamo, nearly every word, are romanised without ICU, to the same
    // letters.
    if (romanize_hangul_syllables(hangul, out)) return;
    if (!transliterator_) transliterator_.reset(hangul_latin().clone());
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(to_utf8(hangul));
    transliterator_->transliterate(text);
    out.clear();
    text.toUTF8String(out);
}

std::string NameSkeletons::korean_skeleton(std::u32string_view hangul) const {
    std::string skeleton;
    korean_skeleton(hangul, skeleton);
    return skeleton;
}

void NameSkeletons::korean_skeleton(std::u32string_view hangul, std::string& skeleton) const {
    // Not cached: anchor extraction caches each word's anchor, and nearly every word is all
    // syllables, whose skeleton is read off their jamo.
    if (syllable_skeleton(hangul, skeleton)) return;
    romanize(hangul, roman_);
    romanized_skeleton(roman_, skeleton);
}

void NameSkeletons::romanized_skeleton(std::string_view roman, std::string& skeleton) {
    thread_local std::string lower;  // reused by this thread's calls
    lower.assign(roman);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    skeleton_of(lower, false, skeleton);
}

std::string NameSkeletons::english_skeleton(std::u32string_view latin) {
    std::string skeleton;
    english_skeleton(latin, skeleton);
    return skeleton;
}

void NameSkeletons::english_skeleton(std::u32string_view latin, std::string& skeleton) {
    thread_local std::string lower;  // reused by this thread's calls
    lower.clear();
    for (const char32_t c : latin) {
        if (c >= U'A' && c <= U'Z') lower.push_back(static_cast<char>(c - U'A' + U'a'));
        else if (c < 0x80) lower.push_back(static_cast<char>(c));
    }
    skeleton_of(lower, true, skeleton);
}

}  // namespace artalign
