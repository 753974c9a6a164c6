// `artalign align`: one article pair from HTML pages to a translation memory (TMX, or TSV,
// Moses, JSONL) and a coverage line; or merged into an existing TMX with --append.
#include "commands.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "arguments.hpp"
#include "report/corrections.hpp"
#include "report/coverage_report.hpp"
#include "report/memory_units.hpp"
#include "util/data_directory.hpp"
#include "util/output_target.hpp"
#include "artalign/pipeline.hpp"
#include "write/tmx_append.hpp"
#include "write/tmx_validator.hpp"
#include "write/tmx_writer.hpp"
#include "write/unit_selection.hpp"
#include "write/unit_writer.hpp"
#include "output_checks.hpp"
#include "memory_options.hpp"
#include "page_options.hpp"
#include "report_output.hpp"

namespace artalign::cli {
namespace {

std::string left_out_line(const SelectionReport& report, double min_score) {
    std::string line;
    const auto add = [&line](const std::string& part) { line += (line.empty() ? "left out: " : ", ") + part; };
    if (report.below_min_score > 0) add(fmt::format("{} below --min-score {}", report.below_min_score, min_score));
    if (report.duplicates > 0) add(fmt::format("{} duplicate{}", report.duplicates, report.duplicates == 1 ? "" : "s"));
    if (report.empty > 0) add(fmt::format("{} empty", report.empty));
    return line;
}

// The page's labels with --append: where the memory holds each of the pair's units (`given`,
// as select_units got them): the tuid append_tmx gave it, or the tuid of the unit it repeats
// (the memory's, or an earlier one of the pair's); none for a unit left out otherwise.
std::vector<MemoryPlace> memory_places(const std::vector<TranslationUnit>& given, const UnitSelection& selection,
                                       const SelectionReport& selected, const std::vector<AppendPlace>& appended) {
    constexpr const char* kInMemory = "a unit already in the memory";
    std::vector<MemoryPlace> places(given.size());
    std::vector<bool> kept(given.size(), false);
    std::map<std::string, std::size_t> kept_units;  // duplicate_key -> k, given[kept_positions[k]]
    for (std::size_t k = 0; k < selected.kept_positions.size() && k < appended.size(); ++k) {
        const std::size_t position = selected.kept_positions[k];
        kept[position] = true;
        places[position] = {appended[k].tuid, appended[k].already_there ? kInMemory : ""};
        kept_units.emplace(duplicate_key(clean_segment_text(given[position].source), clean_segment_text(given[position].target)), k);
    }
    for (std::size_t position = 0; position < given.size(); ++position) {
        const std::string source = clean_segment_text(given[position].source);
        const std::string target = clean_segment_text(given[position].target);
        // select_units leaves out empty units, then weak ones, then repeats of a kept unit.
        if (kept[position] || source.empty() || target.empty() || given[position].score < selection.min_score) continue;
        const auto earlier = kept_units.find(duplicate_key(source, target));
        if (earlier == kept_units.end()) continue;
        const AppendPlace& repeated = appended[earlier->second];
        places[position] = {repeated.tuid, repeated.already_there ? kInMemory : "an earlier unit of this pair"};
    }
    return places;
}

}  // namespace

int run_align(const std::vector<std::string>& arguments) {
    ArgumentParser parser("artalign align EN_PAGE [KO_PAGE] (-o OUT | --append MEMORY.tmx) [options]",
                          "Aligns a translated news page with its original and writes a translation memory:\n"
                          "TMX 1.4b by default. Pages are local files or http(s) URLs. Without KO_PAGE the\n"
                          "original is found from the page's link to it, inside the local mirror the page sits\n"
                          "in (or the one given with --mirror), else fetched (unless --offline).");
    parser.add_option("output", 'o', "FILE", "where to write (replaced atomically; moses: FILE.SRC and FILE.TGT)");
    parser.add_option("format", 0, "FORMAT", "tmx (default), tsv, moses or jsonl");
    parser.add_option("append", 0, "MEMORY", "merge into this existing TMX instead of writing -o");
    add_memory_options(parser);
    parser.add_flag("dedupe", 0, "leave out repeated source/target pairs (the default)");
    parser.add_flag("no-dedupe", 0, "keep repeated source/target pairs");
    parser.add_option("report", 0, "FILE", "also write the coverage report as FILE.html (a review page) or FILE.json");
    parser.add_option("corrections", 0, "FILE", "apply a reviewer's corrections (exported by the review page) first");
    add_page_options(parser);
    parser.add_option("lexicon", 0, "FILE", "extra lexicon TSV (e.g. from batch --save-lexicon or learn-lexicon)");
    add_lock_timeout_option(parser);
    parser.add_flag("quiet", 'q', "print nothing but errors");
    parser.parse(arguments, 0, 2);
    if (parser.print_help_if_asked()) return 0;
    const PairInput input = pair_input(parser, "artalign align EN_PAGE [KO_PAGE] -o OUT.tmx");
    const auto output = parser.option("output");
    const auto append = parser.option("append");
    if (output && append) throw UsageError("give -o/--output or --append, not both");
    if ((!output || output->empty()) && (!append || append->empty()))
        throw UsageError("missing -o/--output FILE for the TMX");
    const std::string format = parser.option("format").value_or("tmx");
    const auto writer = make_unit_writer(format);
    if (!writer) throw UsageError(fmt::format("unknown --format '{}' (known: {})", format, fmt::join(unit_formats(), ", ")));
    if (append && format != "tmx") throw UsageError("--append merges into a TMX memory; it cannot be used with --format " + format);
    if (parser.flag("dedupe") && parser.flag("no-dedupe")) throw UsageError("give --dedupe or --no-dedupe, not both");
    const LanguageRequest language_codes = language_request(parser);
    UnitSelection selection;
    selection.dedupe = !parser.flag("no-dedupe");
    selection.min_score = min_score_option(parser);
    const auto report_file = parser.option("report");
    if (report_file) check_report_file_name(*report_file);
    if (format == "moses" && output && *output == "-")
        throw UsageError("--format moses writes two files (OUT.SRC and OUT.TGT): give -o a file name, not -");
    {
        std::vector<std::filesystem::path> outputs;
        if (output) {
            OutputOptions languages;
            languages.source_language = parser.option("srclang").value_or("ko");
            languages.target_language =
                parser.option("tgtlang").value_or(primary_subtag(languages.source_language) == "en" ? "ko" : "en");
            for (const auto& file : writer->files(*output, languages)) outputs.push_back(file);
        }
        if (append) outputs.emplace_back(*append);
        if (report_file) outputs.emplace_back(*report_file);
        std::vector<std::filesystem::path> inputs{input.translation_page};
        if (input.original_page) inputs.push_back(*input.original_page);
        if (const auto lexicon = parser.option("lexicon")) inputs.emplace_back(*lexicon);
        check_outputs_apart(outputs, inputs);
    }
    const std::chrono::milliseconds wait_for_lock = lock_timeout(parser);

    const std::filesystem::path data_dir = data_directory();
    PipelineOptions pipeline_options = page_options(parser);
    pipeline_options.allow_page_pipes = true;  // the pages named on the command line
    const Pipeline pipeline(Resources::load(resource_options(parser)), pipeline_options);
    std::vector<Correction> corrections;
    const auto corrections_file = parser.option("corrections");
    if (corrections_file) corrections = read_corrections(*corrections_file);
    AlignedPair pair = pipeline.align_pages(input);
    print_page_warnings(pair);
    if (corrections_file) {
        // A correction that no longer fits the pages is said, one line each, and kept in the page's export.
        for (const std::string& line : apply_corrections(pair, corrections, *corrections_file))
            fmt::print(stderr, "artalign: warning: {}\n", line);
    }
    const MemoryLanguages languages = memory_languages(language_codes, pair.original.language, pair.translation.language);

    const CoverageReport coverage = build_coverage_report(pair);
    MemoryUnits pair_units = memory_units(pair, coverage);
    std::vector<TranslationUnit> units = std::move(pair_units.units);
    const std::vector<std::size_t>& unit_beads = pair_units.beads;  // unit k comes from bead unit_beads[k]
    if (languages.reversed) swap_sides(units);
    SelectionReport selected;
    const std::vector<TranslationUnit> pair_units_given = append && report_file ? units : std::vector<TranslationUnit>{};
    units = select_units(std::move(units), selection, &selected);

    const bool quiet = parser.flag("quiet");
    std::FILE* messages = output && *output == "-" ? stderr : stdout;  // -o -: the TMX has standard output
    std::vector<MemoryPlace> appended_places;  // the page's labels: where the memory holds each unit
    if (append) {
        TmxOptions tmx;
        tmx.source_language = languages.source;
        tmx.target_language = languages.target;
        const AppendReport report = append_tmx(*append, units, tmx, tmx_dtd_path(data_dir), selection.dedupe,
                                               AppendHints{"--srclang", true}, wait_for_lock);
        if (report_file) appended_places = memory_places(pair_units_given, selection, selected, report.places);
        if (!quiet)
            fmt::print("appended {} units to {} ({} were there, {} new units already in it)\n", report.added, *append,
                       report.existing_units, report.already_there);
    } else {
        OutputOptions options;
        options.source_language = languages.source;
        options.target_language = languages.target;
        const std::size_t written = writer->write(*output, units, options);
        if (!quiet) {
            std::vector<std::string> names;
            for (const auto& file : writer->files(*output, options)) names.push_back(output_display_name(file));
            fmt::print(messages, "wrote {} ({} units)\n", fmt::join(names, " and "), written);
        }
    }
    if (report_file) {
        ReviewPageOptions review;
        if (append) {  // the memory's tuids, which other runs gave too
            review.memory_labels = true;
            review.places = std::move(appended_places);
        } else if (format == "tmx") {
            review.tuids.assign(pair.beads.size(), 0);
            for (std::size_t k = 0; k < selected.kept_positions.size(); ++k)
                review.tuids[unit_beads[selected.kept_positions[k]]] = k + 1;
        }
        review.source_language = languages.source;
        review.target_language = languages.target;
        review.reversed = languages.reversed;
        review.min_score = selection.min_score;
        review.dedupe = selection.dedupe;
        review.corrections = corrections;
        write_report_file(*report_file, pair, coverage, review);
    }
    if (!quiet) {
        if (const std::string line = left_out_line(selected, selection.min_score); !line.empty())
            fmt::print(messages, "{}\n", line);
        fmt::print(messages, "{}\n", pair.coverage.one_line("Korean", "English"));
        if (report_file) fmt::print(messages, "wrote {} (coverage report)\n", *report_file);
    }
    for (const std::string& warning : coverage.warnings) fmt::print(stderr, "artalign: warning: {}\n", warning);
    return 0;
}

}  // namespace artalign::cli
