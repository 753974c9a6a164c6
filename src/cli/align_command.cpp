// `artalign align`: one article pair from HTML pages to a TMX and a coverage line.
#include "commands.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "arguments.hpp"
#include "artalign/data_directory.hpp"
#include "artalign/pipeline.hpp"
#include "artalign/tmx_writer.hpp"

namespace artalign::cli {

int run_align(const std::vector<std::string>& arguments) {
    ArgumentParser parser("artalign align EN_PAGE [KO_PAGE] -o OUT.tmx [options]",
                          "Aligns a translated news page with its original and writes a TMX 1.4b translation\n"
                          "memory. Without KO_PAGE the original is found from the page's link to it, inside\n"
                          "the local mirror the page sits in (or the one given with --mirror).");
    parser.add_option("output", 'o', "FILE", "where to write the TMX (required; replaced atomically)");
    parser.add_option("mirror", 0, "DIR", "root of a local site mirror (host/path tree) to resolve links in");
    parser.add_flag("quiet", 'q', "print nothing but errors");
    parser.parse(arguments, 0, 2);
    if (parser.flag("help")) {
        std::fputs(parser.help().c_str(), stdout);
        return 0;
    }
    if (parser.positional().empty()) throw UsageError("missing EN_PAGE; usage: artalign align EN_PAGE [KO_PAGE] -o OUT.tmx");
    const auto output = parser.option("output");
    if (!output || output->empty()) throw UsageError("missing -o/--output FILE for the TMX");

    PairInput input;
    input.translation_page = parser.positional()[0];
    if (parser.positional().size() > 1) input.original_page = parser.positional()[1];
    if (const auto mirror = parser.option("mirror")) input.mirror_root = *mirror;

    const Pipeline pipeline(data_directory());
    const AlignedPair pair = pipeline.align_pages(input);
    TmxOptions tmx;
    tmx.source_language = pair.original.language;
    tmx.target_language = pair.translation.language;
    write_tmx(*output, pair.translation_units(), tmx);

    if (!parser.flag("quiet")) {
        fmt::print("wrote {} ({} units)\n", *output, pair.coverage.units);
        fmt::print("{}\n", pair.coverage.one_line("Korean", "English"));
    }
    if (pair.mismatched)
        fmt::print(stderr, "artalign: warning: {} does not look like the original of {} (alignment score {:.2f})\n",
                   pair.original.url, pair.translation.url, pair.alignment_score);
    return 0;
}

}  // namespace artalign::cli
