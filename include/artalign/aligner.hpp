// Sentence alignment of an original with its translation: a banded dynamic programme over
// beads (Gale & Church 1993) whose cost is a log-length model plus weighted anchor evidence
// (numbers, Latin tokens, names, words, marks).
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <limits>
#include <memory>
#include <vector>

#include "artalign/anchor_kind.hpp"
#include "artalign/types.hpp"

namespace artalign {

/// Finds anchor evidence in sentences (internal); Aligner::load_anchors() makes one.
class AnchorExtractor;

/// Weight of one anchor kind, in nats of cost per unit of anchor weight (an anchor's unit
/// weight is 1 / sqrt(the number of segments of the other side that share it), so that a
/// number repeated through a document cannot drag the alignment).
struct AnchorWeight {
    double match = 0.0;        ///< subtracted for an anchor matched inside the bead
    double source_miss = 0.0;  ///< added for a source anchor not matched inside the bead
    double target_miss = 0.0;  ///< added for a target anchor not matched inside the bead
    bool enabled = true;
};

/// Parameters of the cost model. docs/quality.md says where each value comes from.
struct AlignOptions {
    /// Mean and standard deviation of ln((target chars + 1) / (source chars + 1)) over the
    /// 1-1 pairs of the dev corpus; Korean source, English target. A bead of k sentences on
    /// its longer side is scored with sd / sqrt(k).
    double log_ratio_mean = 0.689;
    double log_ratio_sd = 0.313;
    /// Costs (negative log prior probabilities) of each bead shape, chosen on benchmark
    /// documents of seeds 1 and 2, cost_1_0 rechecked on seeds 1-6 (docs/quality.md); seed 7,
    /// the reported one, was not used.
    double cost_1_1 = 0.22;
    double cost_1_0 = 2.7;  ///< a source sentence left untranslated
    double cost_0_1 = 3.0;  ///< a target sentence with no source
    double cost_2_1 = 6.0;  ///< two source sentences merged into one
    double cost_1_2 = 6.0;  ///< one source sentence split in two
    double cost_2_2 = 6.0;
    /// Three source sentences into one target sentence, and one into three. Off (infinite)
    /// by default: at 9 or 12 nats they cost 0.4-2.4 points strict F1 on every benchmark
    /// profile and seed (docs/quality.md), whose documents have none; a caller aligning
    /// translations known to merge heavily can price them.
    double cost_3_1 = std::numeric_limits<double>::infinity();
    double cost_1_3 = std::numeric_limits<double>::infinity();
    /// Added to a bead that joins segments of different blocks (title, subtitle lines,
    /// paragraphs) on either side: translations rarely merge a title with its subtitle or
    /// two paragraphs into one sentence. A prior like the shape costs; set by hand, not tuned.
    double cost_block_join = 4.0;
    /// Per AnchorKind (number, latin, name, word, mark, short-name): log-likelihood ratios of an anchor
    /// matching (or not) in a true pair against an unrelated pair of the dev corpus, measured
    /// per side by bench/estimate_anchor_weights (docs/quality.md), damped by anchor_damping.
    std::array<AnchorWeight, kAnchorKindCount> anchors = {{
        {3.4, 0.95, 1.41, true},  // number: p(match) 0.62 source / 0.76 target; 0.02 unrelated
        {3.7, 0.77, 0.07, true},  // latin: every capitalised English word is a target anchor
        {2.3, 0.15, 0.19, true},  // name: p(match) 0.15 / 0.19; 0.015-0.018 unrelated
        {2.4, 0.57, 0.56, true},  // word: p(match) 0.46 / 0.45; 0.04 unrelated
        {1.2, 0.60, 0.97, true},  // mark: p(match) 0.54 / 0.70; 0.17-0.20 unrelated
        {1.2, 0.13, 0.14, true},  // short-name: p(match) 0.17 / 0.18; 0.05-0.06 unrelated
    }};
    /// Multiplies every anchor weight: anchors of one sentence are not independent, so their
    /// summed log-likelihood ratios overstate the evidence. Chosen on seeds 1 and 2.
    double anchor_damping = 0.6;
    /// cost_1_0 holds for a translation that leaves out this share of the source; the share a
    /// pair leaves out is estimated from total lengths (1 - target / (source * e^mean), clamped
    /// to [0.03, 0.6]) and cost_1_0 moves by -ln(share / omission_reference). 0 switches the
    /// adjustment off.
    double omission_reference = 0.2;
    /// Whether an anchor with no partner anywhere in the other text counts as a miss.
    bool count_unmatchable = true;
    /// When both sides have two or more paragraphs (Segment::block), align the paragraphs
    /// first and then the sentences inside each group of aligned paragraphs; a sentence bead
    /// never crosses a paragraph group. Off by default: on benchmark documents given
    /// paragraphs it lost 1-5 points strict F1 against one programme over all sentences with
    /// paragraphs entering through cost_block_join, because one wrong paragraph bead forces
    /// every sentence of it into a wrong or null bead (docs/quality.md).
    bool paragraph_stage = false;
    /// Initial half-width of the search band around the diagonal, in target segments; the
    /// band doubles while the best path touches its edge.
    std::size_t band = 64;
};

/// An alignment of two segment lists and how much to trust it.
struct Alignment {
    std::vector<Bead> beads;  ///< in order, covering every segment of both sides exactly once
    /// Source-character-weighted mean score of the bilingual beads (0 when there are none).
    double score = 0.0;
    /// Share of source characters inside bilingual beads.
    double coverage = 0.0;
    /// Share of bilingual beads whose anchor evidence is net positive (0 without anchors).
    double anchored = 0.0;
    /// True when the two texts do not look like an original and its translation: score < 0.5;
    /// or under a quarter of a source of four or more segments aligned; or, with anchors, four
    /// or more bilingual beads of which under 60% are supported by anchors. On the benchmark's
    /// news documents (seed 7) true pairs have 75-100% supported; a document paired with
    /// another one's translation at most 50% (common words still meet by chance).
    bool mismatched = false;
};

/// Aligns segments of an original with segments of its translation. Not thread-safe (the
/// anchor extractor caches what it has seen): use one aligner, with its own anchors, per thread.
///
///     const Aligner aligner(AlignOptions{}, Aligner::load_anchors(data_dir));
///     const Alignment result = aligner.align(source_segments, target_segments);
///
/// Time and memory are O((|source| + |target|) * band) when the path stays near the diagonal;
/// the band widens (up to the full O(|source| * |target|) table) when it does not.
class Aligner {
public:
    /// Without an extractor the aligner uses length alone. Throws nothing.
    explicit Aligner(AlignOptions options = {}, std::shared_ptr<const AnchorExtractor> anchors = nullptr);

    /// The anchor extractor for a data directory: number words from data_dir/anchors/ and the
    /// lexicon from data_dir/lexicon/. Not thread-safe, like the aligner: aligners of one
    /// thread may share it, each other thread needs its own. Throws DataError naming the file
    /// that is missing or malformed.
    static std::shared_ptr<const AnchorExtractor> load_anchors(const std::filesystem::path& data_dir);

    /// The beads of `source` against `target` and their scores. Empty lists give no beads.
    /// Throws DataError when ICU has no Hangul-Latin transliterator (for name anchors).
    Alignment align(const SegmentList& source, const SegmentList& target) const;

    const AlignOptions& options() const { return options_; }
    /// The extractor it uses (nullptr: length alone).
    const AnchorExtractor* anchors() const { return anchors_.get(); }

private:
    AlignOptions options_;
    std::shared_ptr<const AnchorExtractor> anchors_;
};

/// Length-only alignment (no anchors), kept for callers that have no data directory: the beads
/// of Aligner(options).align(source, target).
std::vector<Bead> align_segments(const SegmentList& source, const SegmentList& target,
                                 const AlignOptions& options = {});

}  // namespace artalign
