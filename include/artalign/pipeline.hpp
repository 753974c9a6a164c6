// The whole pipeline for one article pair: parse -> segment -> align -> units and coverage.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "artalign/aligner.hpp"
#include "artalign/article.hpp"
#include "artalign/coverage.hpp"
#include "artalign/segmenter.hpp"
#include "artalign/site_profile.hpp"
#include "artalign/tmx_writer.hpp"

namespace artalign {

/// Where the two pages of a pair are. The original is found from the translation's link when
/// `original_page` is not given, inside `mirror_root` (or the mirror the translation page is
/// found to sit in).
struct PairInput {
    std::filesystem::path translation_page;
    std::optional<std::filesystem::path> original_page;
    std::optional<std::filesystem::path> mirror_root;
};

/// Everything the pipeline learnt about one pair.
struct AlignedPair {
    Article original;
    Article translation;
    SegmentList original_segments;
    SegmentList translation_segments;
    std::vector<Bead> beads;  ///< source = original, target = translation
    double alignment_score = 0.0;  ///< Alignment::score
    bool mismatched = false;       ///< Alignment::mismatched: the pages may not be a pair
    CoverageSummary coverage;

    /// One unit per bilingual bead, in order, with the pair's metadata.
    std::vector<TranslationUnit> translation_units() const;
};

/// Runs the pipeline. Holds the loaded profiles and per-language splitters; not thread-safe.
class Pipeline {
public:
    /// Loads profiles, segmentation data and anchor data (lexicon, number words) from
    /// `data_dir`. Throws DataError.
    explicit Pipeline(const std::filesystem::path& data_dir);
    ~Pipeline();

    /// Throws InputError (unreadable page), ParseError (no article, no link to the original,
    /// original not in the mirror).
    AlignedPair align_pages(const PairInput& input) const;

private:
    Article read_article(const std::filesystem::path& file, std::string* original_url) const;
    const SentenceSplitter& splitter_for(const std::string& language) const;

    std::filesystem::path data_dir_;
    ProfileRegistry profiles_;
    mutable std::vector<std::pair<std::string, SentenceSplitter>> splitters_;
    Aligner aligner_;
};

}  // namespace artalign
