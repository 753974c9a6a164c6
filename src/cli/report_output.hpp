// Writing a pair's coverage report beside other outputs: HTML or JSON, chosen by file extension.
#pragma once

#include <filesystem>

#include "report/coverage_report.hpp"
#include "report/report_html.hpp"

namespace artalign::cli {

/// Throws UsageError unless `file` ends in .html, .htm or .json; call before doing the work.
void check_report_file_name(const std::filesystem::path& file);

/// Writes the report to `file` atomically: .html/.htm as the HTML page, .json as the JSON
/// object; `review` labels the page's rows and sets up its TMX export. Throws UsageError for any other extension, OutputError when writing fails.
void write_report_file(const std::filesystem::path& file, const AlignedPair& pair, const CoverageReport& report,
                       const ReviewPageOptions& review = {});

}  // namespace artalign::cli
