// Language codes given on the command line, checked against the languages artalign has data for.
#pragma once

#include <string>

namespace artalign::cli {

/// The primary subtag of `code`, lower-cased ("en-GB" -> "en"), when the data directory has
/// segmentation rules for it. Throws UsageError naming `option` ("--language") and the
/// supported languages otherwise.
std::string supported_language(const std::string& option, const std::string& code);

/// `code` when it is a well-formed BCP 47 tag (as ICU parses it, all of it): for a language
/// that only labels the output (presplit text is not segmented, so any language will do).
/// Throws UsageError naming `option` otherwise.
std::string language_tag(const std::string& option, const std::string& code);

}  // namespace artalign::cli
