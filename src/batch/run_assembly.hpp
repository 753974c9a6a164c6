// Turning the outcomes of many pairs, in order, into a run's outputs: one deduplicated TMX, a
// coverage JSONL line per aligned pair, the HTML coverage index and the run summary.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "align/coverage.hpp"
#include "batch/pair_outcome.hpp"
#include "write/memory_languages.hpp"
#include "write/tmx_writer.hpp"

namespace artalign {

/// Where a run's outputs go; all but the TMX are optional.
struct RunOutputs {
    std::filesystem::path tmx;  ///< the memory: TMX unless `format` says otherwise
    std::optional<std::filesystem::path> coverage_jsonl;
    std::optional<std::filesystem::path> index_html;  ///< hrefs of its rows as the outcomes give them
    /// With index_html and the tmx format: the page of each aligned pair (its index href,
    /// relative to index_html's folder), when there, has its rows labelled with the memory's
    /// tuids as the pair's units are added (label_memory_rows): pages are written by the
    /// workers before their tuids are known.
    bool label_pages = false;
    std::optional<std::filesystem::path> summary_json;
    std::string format = "tmx";  ///< of `tmx`: one of unit_stream_formats() (tmx, tsv, jsonl)
    TmxOptions tmx_options;  ///< languages are taken from the first aligned pair (and `languages`)
    double min_score = 0.0;  ///< units scoring below this are left out of the TMX (--min-score)
    /// The memory's language codes (--srclang, --tgtlang), chosen against the first aligned
    /// pair as align chooses them; a source in the translation's language turns every pair around.
    LanguageRequest languages;
};

/// What a run did.
struct RunSummary {
    std::size_t pairs = 0;      ///< outcomes added
    std::size_t aligned = 0;
    std::size_t skipped = 0;
    std::size_t failed = 0;
    std::size_t resumed = 0;    ///< pairs taken from the journal of an earlier, interrupted run
    std::size_t units = 0;      ///< units written to the TMX
    std::size_t duplicates = 0; ///< units left out as exact repeats of one already written
    std::size_t empty = 0;      ///< units left out because a side was empty once cleaned
    std::size_t below_min_score = 0;  ///< units left out for scoring below min_score
    double min_score = 0.0;     ///< the run's --min-score; 0 (none) leaves it out of json() and text()
    CoverageSummary coverage;   ///< summed over aligned pairs
    /// (page, reason): the page as batch names it (PairOutcome::page, else the key)
    std::vector<std::pair<std::string, std::string>> skips;
    std::vector<std::pair<std::string, std::string>> failures;  ///< (page, reason), as skips

    /// One JSON object (schema "artalign-run/1"), pretty-printed.
    std::string json() const;
    /// A few lines for people: counts, units, overall coverage, then each failure.
    std::string text() const;
};

/// Adds outcomes in the order they should appear and writes every output atomically at
/// finish(). Deduplication: a unit whose cleaned source and target are both identical to an
/// earlier unit's is left out (the first one, in outcome order, is kept). Before that, units
/// scoring below outputs.min_score are left out (those empty once cleaned are counted as
/// empty or repeats, as before). With outputs.label_pages, a pair's page is relabelled (read,
/// then rewritten atomically) as the pair is added: one page at a time is in memory.
///
///     RunAssembler assembler(outputs);
///     for (...) assembler.add(outcome);
///     RunSummary summary = assembler.finish();
class RunAssembler {
public:
    /// Throws OutputError when an output's directory does not exist.
    explicit RunAssembler(const RunOutputs& outputs);
    ~RunAssembler();
    RunAssembler(const RunAssembler&) = delete;
    RunAssembler& operator=(const RunAssembler&) = delete;

    /// Throws OutputError when writing fails (or a pair's page does not fit its units),
    /// std::invalid_argument when the first aligned pair's languages do not fit
    /// outputs.languages (see choose_memory_languages).
    void add(const PairOutcome& outcome);

    /// Completes every output, then renames them all into place: every step that can fail comes
    /// before the first rename, so that when it throws (OutputError) the earlier outputs are
    /// untouched. Only a rename failing (rare: the files sit beside their targets) may leave
    /// some outputs replaced; the TMX is renamed last.
    RunSummary finish();

    RunSummary& summary() { return summary_; }

private:
    struct State;
    std::unique_ptr<State> state_;
    RunSummary summary_;
};

}  // namespace artalign
