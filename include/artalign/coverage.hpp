// Coverage: how much of the original the translation covers, from an alignment.
#pragma once

#include <vector>

#include "artalign/types.hpp"

namespace artalign {

/// Counts coverage of `source` (the original's segments) by `beads`, an alignment of it
/// (Alignment::beads): each bead's source indices must be below source.size(). Throws nothing.
CoverageSummary compute_coverage(const SegmentList& source, const std::vector<Bead>& beads);

}  // namespace artalign
