// The coverage report as self-contained HTML pages: one per article pair, and an index of many.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "artalign/coverage_report.hpp"

namespace artalign {

/// One page, no network: inline CSS, no script. The two articles side by side, one table row
/// per bead, in order; untranslated, English-only and weak rows carry a class, a colour and a
/// text marker; paragraph starts are marked; the header holds titles, dates, URLs, figures,
/// the verdict and any warning. All article text is escaped.
std::string render_coverage_html(const AlignedPair& pair, const CoverageReport& report);

/// One line of the index of many pairs.
struct CoverageIndexEntry {
    std::string title;           ///< the translation's title
    std::string original_title;
    std::string href;            ///< link to the pair's report page, relative to the index
    CoverageSummary summary;
    std::size_t omitted_paragraphs = 0;
    double alignment_score = 0.0;
    bool likely_not_translation = false;
};

/// An index page: a table of pairs with their coverage, sortable by any column (a small inline
/// script; the table reads fine without it), and an inline SVG histogram of character coverage
/// across the pairs in ten bins.
std::string render_coverage_index_html(const std::vector<CoverageIndexEntry>& entries, const std::string& heading);

/// Escapes text for HTML element content and quoted attribute values.
std::string html_escape(std::string_view text);

}  // namespace artalign
