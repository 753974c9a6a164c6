// Sentence alignment: a dynamic programme over beads (Gale & Church 1993) with a log-length model.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "artalign/segmenter.hpp"

namespace artalign {

/// A group of source segments aligned with a group of target segments. Either side may be
/// empty (1-0: untranslated source sentence; 0-1: target-only addition), never both.
struct Bead {
    std::vector<std::size_t> source;  ///< consecutive indices into the source segments
    std::vector<std::size_t> target;  ///< consecutive indices into the target segments
    double score = 0.0;  ///< in [0, 1]: how well the lengths agree; 0 for null beads

    bool is_null() const { return source.empty() || target.empty(); }
    /// "1-1", "2-1", "1-0", ... (source count, then target count).
    std::string type() const;
};

/// Parameters of the cost model. Defaults come from the dev corpus (see docs/alignment.md).
struct AlignOptions {
    /// Mean and standard deviation of ln((target chars + 1) / (source chars + 1)) over true
    /// 1-1 pairs; Korean source, English target.
    double log_ratio_mean = 0.689;
    double log_ratio_sd = 0.313;
    /// Costs (negative log prior probabilities) of each bead shape.
    double cost_1_1 = 0.22;
    double cost_1_0 = 2.8;   ///< a source sentence left untranslated
    double cost_0_1 = 3.5;   ///< a target sentence with no source
    double cost_2_1 = 3.2;   ///< two source sentences merged into one
    double cost_1_2 = 3.2;   ///< one source sentence split in two
    double cost_2_2 = 4.6;
};

/// Aligns `source` with `target`, covering every segment exactly once, in order.
/// Runs in O(|source| * |target|) time and memory.
std::vector<Bead> align_segments(const SegmentList& source, const SegmentList& target,
                                 const AlignOptions& options = {});

}  // namespace artalign
