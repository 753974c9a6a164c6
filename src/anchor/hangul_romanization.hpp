// Romanisation of precomposed Hangul syllables by index arithmetic, giving exactly what ICU 72's
// Hangul-Latin transliterator gives, without ICU's costly transliterator set-up (issue 17).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace artalign {

/// Romanisation of `text` when it consists of precomposed Hangul syllables (U+AC00..U+D7A3) and
/// compatibility jamo (U+3131..U+318E): "트럼프" -> "teuleompeu", "한국어" -> "hangug-eo",
/// "서술ㅋ했다" -> "seosulkhaessda". Identical to ICU 72's "Hangul-Latin", hyphens between
/// ambiguous letters included. std::nullopt when `text` holds any other code point (a
/// conjoining jamo, a digit, a space...) or a consonant jamo anywhere but between a syllable
/// with a final and a syllable or the end, or ㅇ: the caller then asks ICU.
std::optional<std::string> romanize_hangul_syllables(std::u32string_view text);
/// The same into `out` (emptied first, its storage reused): false where the above gives nullopt.
bool romanize_hangul_syllables(std::u32string_view text, std::string& out);

}  // namespace artalign
