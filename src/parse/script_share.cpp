// Letters by script, with the scripts of a language taken from ICU's locale data.
#include "parse/script_share.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

#include "artalign/error.hpp"
#include "util/text.hpp"

namespace artalign {
namespace {

constexpr int kNoLetter = -2;  // below every UScriptCode, USCRIPT_INVALID_CODE (-1) included

// The script of letter `c`, or kNoLetter for anything else (invalid UTF-8 included). ASCII and
// Hangul syllables, nearly all of Korean-English text, are answered without asking ICU.
int script_of_letter(int32_t c) {
    if (c < 0) return kNoLetter;
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? USCRIPT_LATIN : kNoLetter;
    if (c >= 0xAC00 && c <= 0xD7A3) return USCRIPT_HANGUL;
    if (!u_isalpha(c)) return kNoLetter;
    UErrorCode status = U_ZERO_ERROR;
    const int script = uscript_getScript(c, &status);
    return U_SUCCESS(status) ? script : USCRIPT_INVALID_CODE;
}

}  // namespace

ScriptShare::ScriptShare(const std::string& language) {
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
    icu::UnicodeString name;
    icu::Locale(language.c_str()).getDisplayLanguage(icu::Locale::getEnglish(), name);
    name.toUTF8String(language_name_);
    if (language_name_.empty()) language_name_ = language;
}

double ScriptShare::of(std::string_view text) const {
    LetterCounts counts;
    count(text, *this, *this, counts);
    return counts.shares().first;
}

void ScriptShare::count(std::string_view text, const ScriptShare& first, const ScriptShare& second, LetterCounts& counts) {
    std::size_t offset = 0;
    while (offset < text.size()) {
        const int script = script_of_letter(next_code_point(text, offset));
        if (script == kNoLetter) continue;
        ++counts.letters;
        auto holds = [script](const ScriptShare& share) {
            return std::find(share.scripts_.begin(), share.scripts_.end(), script) != share.scripts_.end();
        };
        if (holds(first)) ++counts.in_first;
        if (holds(second)) ++counts.in_second;
    }
}

std::pair<double, double> ScriptShare::LetterCounts::shares() const {
    if (letters == 0) return {0.0, 0.0};
    const auto all = static_cast<double>(letters);
    return {static_cast<double>(in_first) / all, static_cast<double>(in_second) / all};
}

}  // namespace artalign
