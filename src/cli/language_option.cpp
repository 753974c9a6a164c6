// Language codes given on the command line, checked against the languages artalign has data for.
#include "language_option.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "arguments.hpp"
#include "artalign/data_directory.hpp"
#include "artalign/segmenter.hpp"

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

}  // namespace artalign::cli
