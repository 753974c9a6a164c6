// Internal: a per-thread cache of compiled ICU regular expressions.
#include "util/regex.hpp"

#include <unicode/regex.h>

#include <map>
#include <memory>
#include <utility>

#include "artalign/error.hpp"

namespace artalign::detail {
namespace {

// Compiling an ICU pattern costs far more than matching a paragraph with it (case-insensitive
// ones build case-closure sets), and the same few dozen patterns serve every page.
const icu::RegexPattern& compiled(const std::string& pattern, uint32_t flags, const std::string& where) {
    thread_local std::map<std::pair<std::string, uint32_t>, std::unique_ptr<icu::RegexPattern>> cache;
    auto& slot = cache[{pattern, flags}];
    if (!slot) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error{};
        slot.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), flags, parse_error, status));
        if (U_FAILURE(status) || !slot) {
            cache.erase({pattern, flags});
            throw DataError(where, "invalid regular expression: " + pattern);
        }
    }
    return *slot;
}

}  // namespace

bool regex_find(const std::string& pattern, uint32_t flags, const std::string& text, const std::string& where) {
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(text);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(compiled(pattern, flags, where).matcher(input, status));
    if (U_FAILURE(status) || !matcher) return false;
    const bool found = matcher->find(status);
    return U_SUCCESS(status) && found;
}

std::string regex_capture(const std::string& pattern, uint32_t flags, const std::string& text,
                          const std::string& where) {
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(text);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(compiled(pattern, flags, where).matcher(input, status));
    if (U_FAILURE(status) || !matcher || !matcher->find(status) || U_FAILURE(status)) return {};
    const icu::UnicodeString captured = matcher->group(matcher->groupCount() > 0 ? 1 : 0, status);
    std::string out;
    return U_SUCCESS(status) ? captured.toUTF8String(out) : std::string();
}

std::string regex_syntax_error(const std::string& pattern, uint32_t flags) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    const std::unique_ptr<icu::RegexPattern> compiled_pattern(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), flags, parse_error, status));
    if (U_SUCCESS(status) && compiled_pattern) return {};
    return std::string(u_errorName(status)) + " at offset " + std::to_string(parse_error.offset);
}

}  // namespace artalign::detail
