// Coverage: how much of the original the translation covers, from an alignment.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "align/aligner.hpp"

namespace artalign {

struct CoverageSummary {
    std::size_t source_sentences = 0;
    std::size_t covered_sentences = 0;  ///< source sentences in a bilingual bead
    std::size_t source_chars = 0;       ///< code points, spaces excluded
    std::size_t covered_chars = 0;
    std::size_t untranslated = 0;       ///< 1-0 beads
    std::size_t additions = 0;          ///< 0-1 beads
    std::size_t units = 0;              ///< bilingual beads

    double sentence_share() const;  ///< covered / total sentences, 0 when there are none
    double char_share() const;      ///< covered / total characters, 0 when there are none
    /// e.g. "coverage: 14/16 Korean sentences (87.5%) and 90.1% of characters have a
    /// counterpart in English; 2 untranslated, 0 English-only; 14 units".
    std::string one_line(const std::string& source_name, const std::string& target_name) const;
};

/// Counts coverage of `source` (the original's segments) by an alignment of it.
CoverageSummary compute_coverage(const SegmentList& source, const std::vector<Bead>& beads);

}  // namespace artalign
