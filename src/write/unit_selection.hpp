// Choosing which aligned units go into an output: cleaning, a score floor, de-duplication,
// and which side is the memory's source.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "write/tmx_writer.hpp"

namespace artalign {

struct UnitSelection {
    double min_score = 0.0;  ///< units scoring below this are left out (--min-score)
    bool dedupe = true;      ///< leave out units whose source and target repeat an earlier one's
};

/// What select_units left out, for the command line's summary.
struct SelectionReport {
    std::size_t kept = 0;
    std::size_t empty = 0;            ///< source or target empty once cleaned
    std::size_t below_min_score = 0;
    std::size_t duplicates = 0;
    /// Positions in the input of the units kept, in order: kept unit k was input unit
    /// kept_positions[k] (the HTML report labels its rows with the tuids this gives).
    std::vector<std::size_t> kept_positions;
};

/// Cleans every unit's text and metadata with clean_segment_text, then leaves out, in this
/// order, units with an empty source or target, units scoring below `selection.min_score`,
/// and (with `selection.dedupe`) units whose cleaned source and target both equal those of
/// an earlier kept unit. Keeps the order of the rest. Fills `report` when given. Never throws
/// except std::bad_alloc.
std::vector<TranslationUnit> select_units(std::vector<TranslationUnit> units, const UnitSelection& selection,
                                          SelectionReport* report = nullptr);

/// Turns units around so the translation becomes the source: swaps source and target text and
/// URLs and mirrors the bead type ("2-1" -> "1-2"). Used when the memory's srclang is the
/// translation's language.
void swap_sides(std::vector<TranslationUnit>& units);

/// The key two units share when they are duplicates, from text already cleaned with
/// clean_segment_text (select_units and append_tmx clean before they compare).
std::string duplicate_key(std::string_view source, std::string_view target);

}  // namespace artalign
