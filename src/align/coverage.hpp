// Coverage: how much of the original the translation covers, from an alignment.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "align/aligner.hpp"

#include "artalign/types.hpp"

namespace artalign {

/// Counts coverage of `source` (the original's segments) by an alignment of it.
CoverageSummary compute_coverage(const SegmentList& source, const std::vector<Bead>& beads);

}  // namespace artalign
