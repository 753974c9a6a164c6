// Letters by script, with the scripts of a language taken from ICU's locale data.
#include "parse/script_share.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "artalign/error.hpp"
#include "util/text.hpp"

namespace artalign {
namespace {

constexpr int kNoLetter = -2;  // below every UScriptCode, USCRIPT_INVALID_CODE (-1) included

// The script of letter `c`, or kNoLetter for anything else (invalid UTF-8 included). ASCII and
// Hangul syllables are counted by count() without it.
int script_of_letter(int32_t c) {
    if (c < 0 || !u_isalpha(c)) return kNoLetter;
    UErrorCode status = U_ZERO_ERROR;
    const int script = uscript_getScript(c, &status);
    return U_SUCCESS(status) ? script : USCRIPT_INVALID_CODE;
}

constexpr std::uint64_t kEachByte = 0x0101010101010101ULL;  // times a byte value: it in every byte

// How many of the eight ASCII bytes of `word` are letters (A-Z, a-z), all eight at once: each
// byte folded to lower case ('@' and '[' fold to '`' and '{', not letters) is a letter when
// adding 0x80 - 'a' sets its high bit and adding 0x80 - 'z' - 1 does not. No byte carries into
// the next, since none is above 0x7F + 0x1F.
std::size_t ascii_letters(std::uint64_t word) {
    const std::uint64_t folded = word | (0x20 * kEachByte);
    const std::uint64_t from_a = folded + (0x80 - 'a') * kEachByte;
    const std::uint64_t past_z = folded + (0x80 - 'z' - 1) * kEachByte;
    const std::uint64_t letters = (from_a & ~past_z & (0x80 * kEachByte)) >> 7;  // 1 in each letter's byte
    return static_cast<std::size_t>((letters * kEachByte) >> 56);                  // their sum, in the top byte
}

}  // namespace

ScriptShare::ScriptShare(const std::string& language) : language_(language) {
    UScriptCode codes[8];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t count = uscript_getCode(language.c_str(), codes, 8, &status);
    if (U_FAILURE(status) || count <= 0)
        throw DataError("ICU", "no script known for the language '" + language + "'");
    for (int32_t k = 0; k < count; ++k) {
        scripts_.push_back(codes[k]);
        if (k > 0) script_names_ += " or ";
        script_names_ += uscript_getName(codes[k]);
    }
}

std::string ScriptShare::language_name() const {
    icu::UnicodeString name;
    icu::Locale(language_.c_str()).getDisplayLanguage(icu::Locale::getEnglish(), name);
    std::string out;
    name.toUTF8String(out);
    return out.empty() ? language_ : out;
}

double ScriptShare::of(std::string_view text) const {
    LetterCounts counts;
    count(text, *this, *this, counts);
    return counts.shares().first;
}

bool ScriptShare::holds(int script) const {
    return std::find(scripts_.begin(), scripts_.end(), script) != scripts_.end();
}

void ScriptShare::count(std::string_view text, const ScriptShare& first, const ScriptShare& second, LetterCounts& counts) {
    // Latin and Hangul letters, nearly all of Korean-English text, are only counted here, and
    // added to each language's count once at the end; other letters are looked up one by one.
    std::size_t latin = 0;
    std::size_t hangul = 0;
    std::size_t offset = 0;
    while (offset < text.size()) {
        if (offset + 8 <= text.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + offset, sizeof word);
            if ((word & (0x80 * kEachByte)) == 0) {
                latin += ascii_letters(word);
                offset += 8;
                continue;
            }
        }
        const auto byte = static_cast<unsigned char>(text[offset]);
        if (byte < 0x80) {
            if (static_cast<unsigned>((byte | 0x20) - 'a') < 26) ++latin;
            ++offset;
            continue;
        }
        if (is_hangul_syllable_at(text, offset)) {
            ++hangul;
            offset += 3;
            continue;
        }
        const int script = script_of_letter(next_code_point(text, offset));
        if (script == kNoLetter) continue;
        ++counts.letters;
        if (first.holds(script)) ++counts.in_first;
        if (second.holds(script)) ++counts.in_second;
    }
    counts.letters += latin + hangul;
    counts.in_first += (first.holds(USCRIPT_LATIN) ? latin : 0) + (first.holds(USCRIPT_HANGUL) ? hangul : 0);
    counts.in_second += (second.holds(USCRIPT_LATIN) ? latin : 0) + (second.holds(USCRIPT_HANGUL) ? hangul : 0);
}

std::pair<double, double> ScriptShare::LetterCounts::shares() const {
    if (letters == 0) return {0.0, 0.0};
    const auto all = static_cast<double>(letters);
    return {static_cast<double>(in_first) / all, static_cast<double>(in_second) / all};
}

}  // namespace artalign
