// The coverage report as self-contained HTML pages: one per article pair, and an index of many.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "report/corrections.hpp"
#include "report/coverage_report.hpp"

namespace artalign {

/// Where one of a pair's units is in a memory that other pairs (or an earlier memory) also
/// fill: a batch run's TMX, or the memory `align --append` adds to.
struct MemoryPlace {
    /// The unit's tuid; for a repeat, the tuid of the unit it repeats (may be empty: a memory's
    /// <tu> need not have one). Empty and not a repeat: the unit is left out (--min-score,
    /// empty once cleaned).
    std::string tuid;
    /// For a unit left out as an exact repeat: what it repeats, for the row's title, e.g.
    /// "another pair's unit"; empty for a unit that is in the memory itself.
    std::string repeats;
};

/// How the review page labels its rows and builds the corrected TMX it exports: the same
/// choices the command made for the TMX beside it.
struct ReviewPageOptions {
    /// Parallel to the pair's beads: the tuid of the bead's unit in the TMX written beside the
    /// page, 0 for none (null beads, units left out). Empty: rows are labelled by bead number.
    std::vector<std::size_t> tuids;
    /// The page is one of several sources of its memory (batch, --append): rows are labelled
    /// with `places` (ignoring `tuids`), `bead N` while `places` is empty (a batch page
    /// until label_memory_rows), and the script keeps the labels a row was written with
    /// (a unit a change on the page makes is in no memory yet: "new").
    bool memory_labels = false;
    /// Parallel to the pair's units (its bilingual beads, in order), for memory_labels.
    std::vector<MemoryPlace> places;
    std::string source_language = "ko";  ///< the memory's srclang
    std::string target_language = "en";
    bool reversed = false;               ///< the translation is the memory's source
    double min_score = 0.0;              ///< UnitSelection::min_score
    bool dedupe = true;                  ///< UnitSelection::dedupe
    /// Corrections already applied to the pair (kept in the page's export, so the file it
    /// exports holds every decision so far).
    std::vector<Correction> corrections;
    std::string index_href;  ///< link back to the index of many pairs; empty for none
    std::string corrections_name = "corrections.json";  ///< the exported corrections file's name
};

/// One page, no network: inline CSS and an inline script, the data as inline JSON. The two
/// articles side by side, one table row per bead, labelled with its TMX tuid; untranslated,
/// English-only and weak rows carry a class, a colour and a text marker (every bilingual row
/// of a pair that is probably not a translation is weak); paragraph starts are marked; the
/// header holds titles, dates, URLs, figures, the verdict and any warning. It reads and prints
/// without the script. With it, the page is a review editor (docs/coverage.md): accept,
/// reject, re-pair, merge, split, mark untranslated or English-only, filter, and export a
/// corrections file and a corrected TMX. All article text is escaped and only ever set as text.
std::string render_coverage_html(const AlignedPair& pair, const CoverageReport& report,
                                 const ReviewPageOptions& review = {});

/// A page render_coverage_html wrote with memory_labels, its rows labelled with `places`
/// (parallel to the pair's units, as ReviewPageOptions::places) whatever they were labelled
/// before: what render_coverage_html gives with those places. Throws std::invalid_argument
/// when the page's bilingual rows are not as many as `places` (not the pair's page).
std::string label_memory_rows(std::string_view page, const std::vector<MemoryPlace>& places);

/// One line of the index of many pairs.
struct CoverageIndexEntry {
    std::string title;           ///< the translation's title
    std::string original_title;
    std::string href;            ///< link to the pair's report page, relative to the index
    CoverageSummary summary;
    std::size_t omitted_paragraphs = 0;
    double alignment_score = 0.0;
    bool likely_not_translation = false;
    /// "aligned", "skipped" or "failed"; the index lists every pair, the last two with `reason`.
    std::string status = "aligned";
    std::string reason;
    std::string key;      ///< the pair's key (its page), shown for pairs with no title
    std::size_t reviewed_units = 0;  ///< units a reviewer's corrections made
};

/// An index page, the reviewers' work queue: a table of every pair (failed and skipped ones
/// with their reason) with coverage, score, verdict and whether it was reviewed, sortable by any
/// column and filtered by verdict and review state (a small inline script; the table reads
/// fine without it), and an inline SVG histogram of the aligned pairs' character coverage in
/// ten bins labelled "0-10%" ... "90-100%".
std::string render_coverage_index_html(const std::vector<CoverageIndexEntry>& entries, const std::string& heading);

/// Escapes text for HTML element content and quoted attribute values.
std::string html_escape(std::string_view text);

}  // namespace artalign
