// Sentence segmentation with ICU's sentence BreakIterator plus per-language data: the public
// SentenceSplitter (artalign/segmenter.hpp) and the data files it reads.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "artalign/segmenter.hpp"
#include "artalign/types.hpp"

namespace artalign {

/// Language rules beyond ICU's, from data/segmentation/LANGUAGE.rules (lines "kind<TAB>value"):
/// bullets that start a new segment, datelines removed from the start of a block and bylines
/// dropped, the last two as ICU regular expressions.
struct SegmentationRules {
    std::vector<std::string> bullets;    ///< single characters, UTF-8
    std::vector<std::string> datelines;  ///< patterns matched at the start of a block
    std::vector<std::string> bylines;    ///< patterns a whole segment must match

    /// Throws DataError naming `file` when unreadable or a line has an unknown kind.
    static SegmentationRules load(const std::filesystem::path& file);
};

/// Reads an abbreviation list: one entry a line, '#' starts a comment, blank lines ignored.
std::vector<std::string> load_abbreviations(const std::filesystem::path& file);

}  // namespace artalign
