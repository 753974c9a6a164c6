// Which side of an aligned pair is a memory's source, and the language codes written for the
// two sides (--srclang and --tgtlang of align, batch and merge).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace artalign {

/// The codes asked for; either may be absent (then the pair's own languages are used).
struct LanguageRequest {
    std::optional<std::string> source;  ///< --srclang
    std::optional<std::string> target;  ///< --tgtlang
};

/// The memory's languages for one pair.
struct MemoryLanguages {
    bool reversed = false;  ///< the translation is the memory's source (swap_sides the units)
    std::string source;
    std::string target;
};

/// A BCP 47-shaped tag: 2-8 letters, then "-" subtags of 1-8 letters or digits ("ko", "en-US").
bool plausible_language_tag(const std::string& tag);

/// The primary subtag, lower-cased: "ko-KR" -> "ko".
std::string primary_subtag(const std::string& tag);

/// The memory's languages for a pair whose original is in `original` and translation in
/// `translation`: by default the original is the source; a requested source code in the
/// translation's language turns the pair around. Throws std::invalid_argument, with a message
/// naming --srclang or --tgtlang, when a requested code names neither side (source) or not
/// the side opposite the source (target).
MemoryLanguages choose_memory_languages(const LanguageRequest& request, const std::string& original,
                                        const std::string& translation);

}  // namespace artalign
