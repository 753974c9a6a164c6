// A pair's units for a memory, marked when the pair is probably not a translation.
#include "report/memory_units.hpp"

namespace artalign {

MemoryUnits memory_units(const AlignedPair& pair, const CoverageReport& report) {
    MemoryUnits result;
    result.units = pair.translation_units();
    for (std::size_t b = 0; b < pair.beads.size(); ++b) {
        if (!pair.beads[b].is_null()) result.beads.push_back(b);
    }
    if (report.likely_not_translation) {
        for (TranslationUnit& unit : result.units) unit.warning = kNotTranslationWarning;
    }
    return result;
}

}  // namespace artalign
