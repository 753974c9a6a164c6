// Coverage of the original by the translation, counted from the beads.
#include "align/coverage.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

namespace artalign {
namespace {

std::size_t letters(const std::string& text) {
    std::size_t spaces = 0;
    for (const char c : text) spaces += c == ' ' ? 1 : 0;
    return count_code_points(text) - spaces;
}

double share(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

double CoverageSummary::sentence_share() const { return share(covered_sentences, source_sentences); }
double CoverageSummary::char_share() const { return share(covered_chars, source_chars); }

std::string CoverageSummary::one_line(const std::string& source_name, const std::string& target_name) const {
    return fmt::format("coverage: {}/{} {} sentences ({:.1f}%) and {:.1f}% of characters have a counterpart in {}; "
                       "{} untranslated, {} {}-only; {} units",
                       covered_sentences, source_sentences, source_name, 100.0 * sentence_share(),
                       100.0 * char_share(), target_name, untranslated, additions, target_name, units);
}

CoverageSummary compute_coverage(const SegmentList& source, const std::vector<Bead>& beads) {
    CoverageSummary summary;
    summary.source_sentences = source.size();
    for (const Segment& segment : source) summary.source_chars += letters(segment.text);
    for (const Bead& bead : beads) {
        if (bead.target.empty()) {
            summary.untranslated += bead.source.size();
        } else if (bead.source.empty()) {
            summary.additions += bead.target.size();
        } else {
            ++summary.units;
            summary.covered_sentences += bead.source.size();
            for (const std::size_t k : bead.source) summary.covered_chars += letters(source[k].text);
        }
    }
    return summary;
}

}  // namespace artalign
