// Cleaning, score floor, de-duplication and side swapping of translation units.
#include "write/unit_selection.hpp"

#include <string>
#include <unordered_set>
#include <utility>

namespace artalign {

std::string duplicate_key(std::string_view source, std::string_view target) {
    // Cleaned text never holds U+0000 (XML forbids it), so it separates the two sides safely.
    std::string key;
    key.reserve(source.size() + target.size() + 1);
    key += source;
    key.push_back('\0');
    key += target;
    return key;
}

std::vector<TranslationUnit> select_units(std::vector<TranslationUnit> units, const UnitSelection& selection,
                                          SelectionReport* report) {
    SelectionReport counts;
    std::vector<TranslationUnit> kept;
    kept.reserve(units.size());
    std::unordered_set<std::string> seen;
    for (std::size_t position = 0; position < units.size(); ++position) {
        TranslationUnit& unit = units[position];
        unit.source = clean_segment_text(unit.source);
        unit.target = clean_segment_text(unit.target);
        unit.article_title = clean_segment_text(unit.article_title);
        unit.source_url = clean_segment_text(unit.source_url);
        unit.target_url = clean_segment_text(unit.target_url);
        unit.article_date = clean_segment_text(unit.article_date);
        if (unit.source.empty() || unit.target.empty()) {
            ++counts.empty;
            continue;
        }
        if (unit.score < selection.min_score) {
            ++counts.below_min_score;
            continue;
        }
        if (selection.dedupe && !seen.insert(duplicate_key(unit.source, unit.target)).second) {
            ++counts.duplicates;
            continue;
        }
        kept.push_back(std::move(unit));
        counts.kept_positions.push_back(position);
    }
    counts.kept = kept.size();
    if (report != nullptr) *report = counts;
    return kept;
}

void swap_sides(std::vector<TranslationUnit>& units) {
    for (TranslationUnit& unit : units) {
        std::swap(unit.source, unit.target);
        std::swap(unit.source_url, unit.target_url);
        const auto dash = unit.bead_type.find('-');
        if (dash != std::string::npos)
            unit.bead_type = unit.bead_type.substr(dash + 1) + "-" + unit.bead_type.substr(0, dash);
    }
}

}  // namespace artalign
