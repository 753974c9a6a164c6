// The coverage report of one article pair: what the translation left out, added, or aligned
// weakly, with a verdict; as figures and as the documented JSON object (docs/coverage.md).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "align/coverage.hpp"
#include "artalign/pipeline.hpp"

namespace artalign {

/// Where a sentence sits in its article, for people: "title", "subtitle 2",
/// "paragraph 3, sentence 2".
struct SentenceLocation {
    std::size_t segment = 0;    ///< index into the side's segment list
    std::size_t paragraph = 0;  ///< 1-based body paragraph; 0 for title and subtitle lines
    std::size_t sentence = 0;   ///< 1-based position within its block
    std::string place;
    std::string text;
};

/// Thresholds of the report. Values and their origin: docs/coverage.md.
struct CoverageOptions {
    double weak_bead_score = 0.3;         ///< bilingual beads below this are flagged as weak
    /// A larger share of the translation's sentences with no counterpart: likely not a
    /// translation (editions add context for foreign readers, but not most of the text).
    double not_translation_addition_share = 0.4;
    double full_translation_share = 0.95; ///< character coverage from which a translation is "full"
};

struct CoverageReport {
    CoverageSummary summary;
    std::vector<SentenceLocation> untranslated;  ///< original sentences in 1-0 beads
    std::vector<SentenceLocation> additions;     ///< translation sentences in 0-1 beads
    std::vector<std::size_t> weak_beads;         ///< indices into AlignedPair::beads
    std::size_t source_paragraphs = 0;
    std::size_t omitted_paragraphs = 0;  ///< body paragraphs of the original none of whose sentences is covered
    /// In [0, 1]: the aligner's summary score (AlignedPair::alignment_score), the bilingual
    /// beads' scores weighted by the original's characters they cover.
    double alignment_score = 0.0;
    /// The aligner found the pages mismatched (AlignedPair::mismatched), or most of the
    /// translation has no counterpart in the original.
    bool likely_not_translation = false;
    std::string verdict;                ///< one line, e.g. "abridged translation: 71% of ..."
    std::vector<std::string> warnings;  ///< shown in every output
};

/// Builds the report of an aligned pair.
CoverageReport build_coverage_report(const AlignedPair& pair, const CoverageOptions& options = {});

/// The report as one JSON object (schema "artalign-coverage/1", docs/coverage.md), with both
/// articles' metadata and every bead. `indent` 0 writes one line.
std::string coverage_report_json(const AlignedPair& pair, const CoverageReport& report, int indent = 2);

}  // namespace artalign
