// `artalign validate`: checks TMX files (1.1 to 1.4, any encoding) against the DTD and the
// rules it cannot express, and says which checks ran.
#include "commands.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdio>

#include "arguments.hpp"
#include "util/data_directory.hpp"
#include "write/tmx_validator.hpp"

namespace artalign::cli {

int run_validate(const std::vector<std::string>& arguments) {
    ArgumentParser parser("artalign validate FILE.tmx...",
                          "Checks each TMX file (TMX 1.1, 1.2, 1.3 or 1.4, in the encoding it declares): well-formed\n"
                          "XML, no entity declarations (refused, never expanded or fetched), valid against the TMX\n"
                          "1.4b DTD shipped with artalign (adapted to older versions), BCP 47 language tags, TMX\n"
                          "dates, paired and unique <bpt>/<ept> i numbers, i and x numbers, and every <tu> holding\n"
                          "a <tuv> in its srclang (the unit's own, else the header's). Prints one line per problem,\n"
                          "FILE:LINE: PROBLEM, then one summary line per file naming the checks made; valid means\n"
                          "all of them passed. Exit 1 when any file is invalid.");
    parser.add_flag("quiet", 'q', "print only the problems");
    parser.parse(arguments, 0, static_cast<std::size_t>(-1));
    if (parser.print_help_if_asked()) return 0;
    if (parser.positional().empty()) throw UsageError("missing FILE.tmx; usage: artalign validate FILE.tmx...");

    const auto dtd = tmx_dtd_path(data_directory());
    bool all_valid = true;
    for (const std::string& file : parser.positional()) {
        const TmxReport report = validate_tmx(file, dtd);
        for (const TmxProblem& problem : report.problems) {
            if (problem.line > 0) {
                fmt::print("{}:{}: {}\n", file, problem.line, problem.message);
            } else {
                fmt::print("{}: {}\n", file, problem.message);
            }
        }
        const std::string checks =
            report.checks.empty() ? std::string() : fmt::format("; checked: {}", fmt::join(report.checks, ", "));
        if (report.valid()) {
            if (!parser.flag("quiet"))
                fmt::print("{}: valid TMX {} ({} units, srclang {}, {}{})\n", file, report.version, report.units,
                           report.srclang, report.encoding.empty() ? "UTF-8" : report.encoding, checks);
        } else {
            all_valid = false;
            if (!parser.flag("quiet"))
                fmt::print("{}: not valid ({} problem{}{})\n", file, report.problems.size(),
                           report.problems.size() == 1 ? "" : "s", checks);
        }
    }
    std::fflush(stdout);
    return all_valid ? 0 : 1;
}

}  // namespace artalign::cli
