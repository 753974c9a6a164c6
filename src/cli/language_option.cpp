// Language codes given on the command line, checked against the languages artalign has data for.
#include "language_option.hpp"

#include <fmt/format.h>

#include <unicode/uloc.h>

#include <algorithm>
#include <vector>

#include "arguments.hpp"
#include "util/data_directory.hpp"
#include "segment/segmenter.hpp"

namespace artalign::cli {

std::string supported_language(const std::string& option, const std::string& code) {
    std::string primary = code.substr(0, code.find('-'));
    std::transform(primary.begin(), primary.end(), primary.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    const std::vector<std::string> supported = SentenceSplitter::supported_languages(data_directory());
    if (std::find(supported.begin(), supported.end(), primary) == supported.end())
        throw UsageError(fmt::format("{} '{}' is not a language artalign has data for (supported: {})", option, code,
                                     fmt::join(supported, ", ")));
    return primary;
}

std::string language_tag(const std::string& option, const std::string& code) {
    char locale[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(code.c_str(), locale, static_cast<int32_t>(sizeof locale), &parsed, &status);
    if (code.empty() || U_FAILURE(status) || parsed != static_cast<int32_t>(code.size()) || code.find('_') != std::string::npos)
        throw UsageError(fmt::format("{} '{}' is not a language tag (BCP 47, e.g. ko, en-GB)", option, code));
    return code;
}

}  // namespace artalign::cli
