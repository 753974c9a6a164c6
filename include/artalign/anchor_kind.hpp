// The kinds of anchor evidence the aligner weighs (AlignOptions::anchors has one weight each).
#pragma once

#include <cstddef>

namespace artalign {

/// The kinds of anchor evidence; each can be weighted or switched off on its own.
enum class AnchorKind : unsigned char {
    number,  ///< numbers, amounts, dates
    latin,   ///< Latin-script tokens inside the source text ("CNN", "IBM")
    name,    ///< names and loanwords by transliteration
    word,    ///< lexicon words
    mark,    ///< quotation marks and parentheses
    /// names whose consonant skeleton has only two sound classes ("KM" for 김 or Kim): they
    /// meet by chance three times as often as longer ones, so they weigh less (docs/quality.md)
    short_name,
};

/// How many AnchorKind values there are: the size of AlignOptions::anchors.
inline constexpr std::size_t kAnchorKindCount = 6;

/// "number", "latin", "name", "word", "mark", "short-name" ("unknown" for a value outside the
/// enum). Throws nothing.
const char* anchor_kind_name(AnchorKind kind);

}  // namespace artalign
