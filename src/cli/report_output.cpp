// Writing a pair's coverage report as HTML or JSON, by extension.
#include "report_output.hpp"

#include "arguments.hpp"
#include "util/atomic_file.hpp"
#include "report/report_html.hpp"

namespace artalign::cli {

namespace {

bool is_html(const std::filesystem::path& file) {
    return file.extension() == ".html" || file.extension() == ".htm";
}

}  // namespace

void check_report_file_name(const std::filesystem::path& file) {
    if (!is_html(file) && file.extension() != ".json")
        throw UsageError("report file '" + file.string() + "' must end in .html or .json");
}

void write_report_file(const std::filesystem::path& file, const AlignedPair& pair, const CoverageReport& report,
                       const ReviewPageOptions& review) {
    check_report_file_name(file);
    if (is_html(file)) {
        write_file_atomically(file, render_coverage_html(pair, report, review));
    } else {
        write_file_atomically(file, coverage_report_json(pair, report) + "\n");
    }
}

}  // namespace artalign::cli
