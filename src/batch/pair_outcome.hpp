// What became of one article pair: its units and coverage, or why it was skipped or failed;
// as one JSON line (the stream output and the batch journal share this format).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "report/coverage_report.hpp"
#include "util/json_reader.hpp"
#include "batch/pair_request.hpp"
#include "artalign/pipeline.hpp"
#include "report/report_html.hpp"
#include "write/tmx_writer.hpp"

namespace artalign {

enum class PairStatus {
    aligned,  ///< units and coverage are filled in
    skipped,  ///< not a translated article (no profile matches, no link to an original)
    failed,   ///< anything else: unreadable page, original missing, bad record...
};

const char* to_string(PairStatus status);

struct PairOutcome {
    std::string key;                ///< PairRequest::key
    std::optional<JsonValue> id;    ///< PairRequest::id
    PairStatus status = PairStatus::failed;
    std::string reason;             ///< one line, for skipped and failed pairs
    /// The translation page as the request named it (a path, a URL, or "record KEY
    /// (translation_html)"): how summaries name a skipped or failed pair, in batch as in merge.
    /// In the JSON line only when it is not the key; empty for a record that could not be read.
    std::string page;
    std::string source_language;    ///< of the original, e.g. "ko"
    std::string target_language;
    std::vector<TranslationUnit> units;
    CoverageIndexEntry index;       ///< the pair's line in the coverage index (href may be empty)
    std::string coverage_json;      ///< coverage_report_json(pair, report, 0): one line
    /// Corrections that no longer apply, one line each (apply_corrections); not in the JSON line.
    std::vector<std::string> notes;
};

/// Called with the aligned pair and its report before process_pair returns, e.g. to write the
/// pair's HTML report page. An exception it throws fails the pair.
using AlignedPairHook = std::function<void(const AlignedPair&, const CoverageReport&)>;

/// Aligns one pair; never throws for a bad pair: every artalign::Error and std::exception
/// becomes a skipped (NotTranslatedArticleError) or failed outcome with the message as reason.
/// Inline HTML goes to the pipeline as bytes; messages name it "record KEY (translation_html)".
/// With `corrections_dir`, the pair's corrections file there (corrections_file_name of its key),
/// when it exists, is applied before the report (a malformed one fails the pair).
PairOutcome process_pair(const Pipeline& pipeline, const PairRequest& request, const AlignedPairHook& hook = {},
                         const std::optional<std::filesystem::path>& corrections_dir = std::nullopt);

/// The outcome as one line of JSON (no newline), schema "artalign-pair/1":
/// {"schema","key","id"?,"status","reason"?,"source_language","target_language",
///  "index":{...},"units":[{"source","target","bead","score","source_url","target_url","article_date",
///  "article_title","warning"?,"reviewed"?}],"coverage":{...}}; scores keep every digit, a score that
/// is not a number is null. Writing parse_pair_outcome's result gives the same bytes.
std::string pair_outcome_json(const PairOutcome& outcome);

/// Reads what pair_outcome_json wrote, and the lines of earlier versions (units' "date" and
/// "title" for "article_date" and "article_title"); a null score reads as NaN. Throws
/// InputError naming `source` when the value is not such a record.
PairOutcome parse_pair_outcome(const JsonValue& value, const std::string& source);

}  // namespace artalign
