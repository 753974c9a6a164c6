// Romanisation of precomposed Hangul syllables by index arithmetic, giving exactly what ICU 72's
// Hangul-Latin transliterator gives, without ICU's costly transliterator set-up (issue 17).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace artalign {

/// Romanisation of `text` when it consists only of precomposed Hangul syllables
/// (U+AC00..U+D7A3): "트럼프" -> "teuleompeu", "한국어" -> "hangug-eo". Identical to ICU 72's
/// "Hangul-Latin", hyphens between ambiguous syllables included. std::nullopt when `text` holds
/// any other code point (a jamo, a digit, a space...): the caller then asks ICU.
std::optional<std::string> romanize_hangul_syllables(std::u32string_view text);

}  // namespace artalign
