// The translation units an aligned pair gives a memory: one per bilingual bead, each marked
// when the coverage report finds the pages are probably not translations of each other.
#pragma once

#include <cstddef>
#include <vector>

#include "artalign/types.hpp"
#include "artalign/pipeline.hpp"
#include "report/coverage_report.hpp"

namespace artalign {

/// TranslationUnit::warning of every unit of a pair that is probably not a translation.
inline constexpr const char* kNotTranslationWarning = "probably not a translation";

struct MemoryUnits {
    std::vector<TranslationUnit> units;  ///< in bead order
    std::vector<std::size_t> beads;      ///< units[k] comes from the pair's bead beads[k]
};

/// The units of `pair` as every command writes them (align, batch, stream):
/// AlignedPair::translation_units(), each with the warning kNotTranslationWarning when
/// `report` (built from `pair`) finds the pair likely_not_translation. The one place where that
/// verdict reaches the units, so that align and batch give the same units.
MemoryUnits memory_units(const AlignedPair& pair, const CoverageReport& report);

}  // namespace artalign
