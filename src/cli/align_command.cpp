// `artalign align`: one article pair from HTML pages to a TMX and a coverage line.
#include "commands.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "arguments.hpp"
#include "artalign/coverage_report.hpp"
#include "artalign/data_directory.hpp"
#include "artalign/pipeline.hpp"
#include "artalign/tmx_writer.hpp"
#include "page_options.hpp"
#include "report_output.hpp"

namespace artalign::cli {

int run_align(const std::vector<std::string>& arguments) {
    ArgumentParser parser("artalign align EN_PAGE [KO_PAGE] -o OUT.tmx [options]",
                          "Aligns a translated news page with its original and writes a TMX 1.4b translation\n"
                          "memory. Pages are local files or http(s) URLs. Without KO_PAGE the original is found\n"
                          "from the page's link to it, inside the local mirror the page sits in (or the one\n"
                          "given with --mirror), else fetched (unless --offline).");
    parser.add_option("output", 'o', "FILE", "where to write the TMX (required; replaced atomically)");
    add_page_options(parser);
    parser.add_option("report", 0, "FILE", "also write the coverage report as FILE.html or FILE.json");
    parser.add_flag("quiet", 'q', "print nothing but errors");
    parser.parse(arguments, 0, 2);
    if (parser.flag("help")) {
        std::fputs(parser.help().c_str(), stdout);
        return 0;
    }
    const PairInput input = pair_input(parser, "artalign align EN_PAGE [KO_PAGE] -o OUT.tmx");
    const auto output = parser.option("output");
    if (!output || output->empty()) throw UsageError("missing -o/--output FILE for the TMX");
    const auto report_file = parser.option("report");
    if (report_file) check_report_file_name(*report_file);

    const Pipeline pipeline(data_directory(), page_options(parser));
    const AlignedPair pair = pipeline.align_pages(input);
    print_page_warnings(pair);
    TmxOptions tmx;
    tmx.source_language = pair.original.language;
    tmx.target_language = pair.translation.language;
    write_tmx(*output, pair.translation_units(), tmx);
    const CoverageReport report = build_coverage_report(pair);
    if (report_file) write_report_file(*report_file, pair, report);

    if (!parser.flag("quiet")) {
        fmt::print("wrote {} ({} units)\n", *output, pair.coverage.units);
        fmt::print("{}\n", pair.coverage.one_line("Korean", "English"));
        if (report_file) fmt::print("wrote {} (coverage report)\n", *report_file);
    }
    for (const std::string& warning : report.warnings) fmt::print(stderr, "artalign: warning: {}\n", warning);
    return 0;
}

}  // namespace artalign::cli
