// `artalign validate`: checks TMX files against the TMX 1.4b DTD and the srclang rule.
#include "commands.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "arguments.hpp"
#include "artalign/data_directory.hpp"
#include "artalign/tmx_validator.hpp"

namespace artalign::cli {

int run_validate(const std::vector<std::string>& arguments) {
    ArgumentParser parser("artalign validate FILE.tmx...",
                          "Checks each TMX file: well-formed XML, no entity declarations (refused, never\n"
                          "expanded or fetched), valid against the TMX 1.4b DTD shipped with artalign, and every\n"
                          "<tu> holding a <tuv> in the header's srclang. Prints one line per problem,\n"
                          "FILE:LINE: PROBLEM, then one summary line per file. Exit 1 when any file is invalid.");
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
        if (report.valid()) {
            if (!parser.flag("quiet"))
                fmt::print("{}: valid TMX 1.4b ({} units, srclang {})\n", file, report.units, report.srclang);
        } else {
            all_valid = false;
            if (!parser.flag("quiet"))
                fmt::print("{}: not valid ({} problem{})\n", file, report.problems.size(),
                           report.problems.size() == 1 ? "" : "s");
        }
    }
    std::fflush(stdout);
    return all_valid ? 0 : 1;
}

}  // namespace artalign::cli
