// Internal: ICU regular expressions compiled once per thread and reused, for the patterns
// that site profiles and the generic extractor's rules hold.
#pragma once

#include <cstdint>
#include <string>

namespace artalign::detail {

/// True when `pattern` (ICU syntax, `flags` as in URegexpFlag) matches somewhere in `text`.
/// Throws DataError naming `where` when the pattern does not compile.
bool regex_find(const std::string& pattern, uint32_t flags, const std::string& text, const std::string& where);

/// The first capture group of `pattern`'s first match in `text` (the whole match when the
/// pattern has no group); empty when it does not match. Throws DataError like regex_find.
std::string regex_capture(const std::string& pattern, uint32_t flags, const std::string& text,
                          const std::string& where);

/// Why `pattern` does not compile as an ICU regular expression ("U_REGEX_MISMATCHED_PAREN at
/// offset 5"), or empty when it does.
std::string regex_syntax_error(const std::string& pattern, uint32_t flags);

}  // namespace artalign::detail
