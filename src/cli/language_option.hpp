// Language codes given on the command line, checked against the languages artalign has data for.
#pragma once

#include <string>

namespace artalign::cli {

/// The primary subtag of `code`, lower-cased ("en-GB" -> "en"), when the data directory has
/// segmentation rules for it. Throws UsageError naming `option` ("--language") and the
/// supported languages otherwise.
std::string supported_language(const std::string& option, const std::string& code);

}  // namespace artalign::cli
