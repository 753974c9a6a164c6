// Letters by script, with the scripts of a language taken from ICU's locale data.
#include "parse/script_share.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

#include "artalign/error.hpp"
#include "util/text.hpp"

namespace artalign {

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
    std::size_t letters = 0;
    std::size_t in_scripts = 0;
    std::size_t offset = 0;
    while (offset < text.size()) {
        const int32_t c = next_code_point(text, offset);
        if (c < 0 || !u_isalpha(c)) continue;
        ++letters;
        UErrorCode status = U_ZERO_ERROR;
        const int script = uscript_getScript(c, &status);
        if (U_SUCCESS(status) && std::find(scripts_.begin(), scripts_.end(), script) != scripts_.end()) ++in_scripts;
    }
    return letters == 0 ? 0.0 : static_cast<double>(in_scripts) / static_cast<double>(letters);
}

}  // namespace artalign
