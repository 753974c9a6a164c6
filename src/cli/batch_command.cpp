// `artalign batch`: a whole mirror, page list or JSONL of pairs into one translation memory.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include "arguments.hpp"
#include "batch/batch_runner.hpp"
#include "util/data_directory.hpp"
#include "artalign/error.hpp"
#include "align/lexicon_learning.hpp"
#include "batch/lexicon_pass.hpp"
#include "util/output_target.hpp"
#include "batch/pair_discovery.hpp"
#include "util/stop_request.hpp"
#include "commands.hpp"
#include "memory_options.hpp"
#include "output_checks.hpp"
#include "ordered_workers.hpp"
#include "page_options.hpp"
#include "pair_inputs.hpp"
#include "progress.hpp"
#include "stop_signals.hpp"

namespace artalign::cli {
namespace {

constexpr const char* kUsage =
    "artalign batch (MIRROR_DIR | WARC... | --list FILE | --records FILE.jsonl) -o OUT.tmx [options]";

}  // namespace

int run_batch(const std::vector<std::string>& arguments) {
    ArgumentParser parser(kUsage,
                          "Aligns many article pairs into one deduplicated TMX: every translated article page of\n"
                          "a site mirror (its original from the same mirror) or of WARC files (.warc, .warc.gz),\n"
                          "the pages listed in a file, or the pairs named by JSONL records (as artalign stream\n"
                          "reads them; artalign discover writes them). Finished pairs go to a\n"
                          "journal as they finish, so an interrupted run continues with --resume.\n"
                          "--min-score, --srclang and --tgtlang shape the TMX as on align (not the journal).\n"
                          "Exit code 1 when any pair failed (the summary says which and why).");
    parser.add_option("output", 'o', "FILE", "the memory for the whole run (required; replaced atomically)");
    add_pair_input_options(parser, true);
    add_page_options(parser, Fetching::on_request, "with --list: the mirror in which to find the pages and originals");
    add_stream_format_option(parser);
    add_memory_options(parser);
    parser.add_option("coverage", 0, "FILE", "write each aligned pair's coverage report as a JSON line to FILE");
    parser.add_option("report-dir", 0, "DIR", "write DIR/index.html and a coverage report page per pair");
    parser.add_option("corrections-dir", 0, "DIR", "apply reviewers' corrections kept in DIR (one file a pair, as its page exports it)");
    parser.add_option("summary", 0, "FILE", "write the run summary as JSON to FILE");
    parser.add_option("journal", 0, "FILE", "the run's journal (default: OUT.tmx.journal; required when OUT is not a regular file)");
    parser.add_flag("resume", 0, "continue an interrupted run from its journal");
    parser.add_option("jobs", 'j', "N", "worker threads (default: one per core)");
    parser.add_option("lexicon", 0, "FILE", "extra lexicon TSV (e.g. from --save-lexicon or learn-lexicon)");
    parser.add_flag("learn-lexicon", 0, "two passes: align, learn word translations from the confident beads, realign");
    parser.add_option("save-lexicon", 0, "FILE", "with --learn-lexicon: write the learned lexicon (before the second pass)");
    add_lock_timeout_option(parser);
    parser.add_flag("quiet", 'q', "print nothing but errors and failed pairs");
    parser.parse(arguments, 0, 100000);
    if (parser.print_help_if_asked()) return 0;
    const auto output = parser.option("output");
    if (!output || output->empty()) throw UsageError("missing -o/--output FILE for the TMX");
    // Journals and temporaries go only beside regular files: never /dev/null.journal.
    const bool output_is_file = resolve_output(*output).kind == OutputKind::file;
    if (!output_is_file && !parser.option("journal"))
        throw UsageError(fmt::format("{} is not a regular file, so the run's journal cannot go beside it: give --journal FILE",
                                     output_display_name(*output)));
    const std::filesystem::path journal = parser.option("journal").value_or(*output + ".journal");
    // Checked against a Korean original and its English translation now, not after the work.
    const LanguageRequest languages = language_request(parser);
    (void)memory_languages(languages, "ko", "en");
    const double min_score = min_score_option(parser);
    const std::string format = stream_format_option(parser);
    {
        std::vector<std::filesystem::path> outputs{*output, journal};
        for (const char* option : {"coverage", "summary", "save-lexicon"}) {
            if (const auto value = parser.option(option)) outputs.emplace_back(*value);
        }
        if (const auto value = parser.option("report-dir")) outputs.push_back(std::filesystem::path(*value) / "index.html");
        std::vector<std::filesystem::path> inputs;
        for (const char* option : {"list", "records", "lexicon"}) {
            if (const auto value = parser.option(option)) inputs.emplace_back(*value);
        }
        check_outputs_apart(outputs, inputs);
    }

    // Loaded once, for discovery and every worker (--learn-lexicon's second pass loads them
    // again, with the learned lexicon).
    const ResourceOptions resources = resource_options(parser);
    BatchOptions options;
    options.resources = Resources::load(resources);
    const std::filesystem::path data_dir = options.resources->data_dir();
    const PipelineOptions pipeline_options = page_options(parser);
    const std::unique_ptr<PairSource> requests =
        open_pair_inputs(parser, *options.resources, kUsage, pipeline_options.max_page_bytes);

    BatchOutputs outputs;
    outputs.run.tmx = *output;
    outputs.run.min_score = min_score;
    outputs.run.format = format;
    outputs.run.languages = languages;
    if (const auto value = parser.option("coverage")) outputs.run.coverage_jsonl = *value;
    if (const auto value = parser.option("summary")) outputs.run.summary_json = *value;
    if (const auto value = parser.option("report-dir")) outputs.report_dir = *value;
    if (const auto value = parser.option("corrections-dir")) {
        if (!std::filesystem::is_directory(*value)) throw InputError(*value, "is not a directory (expected the corrections directory)");
        outputs.corrections_dir = *value;
    }

    const bool quiet = parser.flag("quiet");
    ProgressDisplay display(quiet, stderr);
    options.pipeline = pipeline_options;
    options.journal = journal;
    options.lock_timeout = lock_timeout(parser);
    options.resume = parser.flag("resume");
    if (const auto jobs = parser.option("jobs")) options.jobs = parse_jobs(*jobs);
    options.on_pair = [&display](const BatchProgress& progress) { display.update(progress); };
    // The first Ctrl-C (or SIGTERM) asks the workers to stop after their current pair (a pair
    // waiting on input stops at once); a second one kills the process the usual way
    // (stop_signals.hpp). Either way the journal keeps every finished pair.
    options.cancel = &stop_flag();

    const bool learn = parser.flag("learn-lexicon");
    const auto save_lexicon = parser.option("save-lexicon");
    if (save_lexicon && !learn) throw UsageError("--save-lexicon goes with --learn-lexicon");
    if (learn && options.resume)
        throw UsageError("--learn-lexicon cannot --resume (the learning needs every first-pass bead); resume the second "
                         "pass with --resume --lexicon FILE, FILE from --save-lexicon");
    if (learn) {
        ProgressDisplay first_display(quiet, stderr);
        BatchOptions first_options = options;
        first_options.on_pair = [&first_display](const BatchProgress& progress) { first_display.update(progress); };
        if (!quiet) fmt::print(stderr, "artalign: pass 1 of 2: {} pairs to align\n", requests->size());
        const LexiconPassResult pass1 = learn_lexicon_pass(*requests, first_options);
        first_display.finish();
        if (pass1.interrupted) {
            fmt::print(stderr, "artalign: interrupted in the first pass; nothing written\n");
            return stopped_exit_status(stop_signal());
        }
        if (save_lexicon) save_learned_lexicon(*save_lexicon, pass1.entries);
        ResourceOptions with_learned = resources;  // the second pass: the same, with the learned lexicon
        with_learned.data_dir = data_dir;
        with_learned.lexicon_entries = learned_lexicon_entries(pass1.entries);
        options.resources = Resources::load(with_learned);
        if (!quiet)
            fmt::print(stderr, "artalign: learned {} translations from {} confident beads{}\n", pass1.entries.size(),
                       pass1.beads, save_lexicon ? ", saved to " + *save_lexicon : std::string());
    }
    if (!quiet) fmt::print(stderr, "artalign: {} pairs to align\n", requests->size());
    const BatchResult result = artalign::run_batch(*requests, outputs, options);
    display.finish();
    if (result.interrupted) {
        fmt::print(stderr, "artalign: interrupted; {} of {} pairs are in the journal {}: run again with --resume\n",
                   result.summary.resumed, result.summary.pairs, escape_control_characters(options.journal.string()));
        return stopped_exit_status(stop_signal());
    }
    if (!quiet) {
        // -o -: the TMX has standard output
        fmt::print(*output == "-" ? stderr : stdout, "wrote {}\n{}", output_display_name(*output),
                   result.summary.text());
    } else {
        // Quiet means no progress and no summary, never silence about what failed.
        for (const auto& failure : result.summary.failures) fmt::print(stderr, "artalign: failed: {}\n", failure.second);
    }
    return result.summary.failed > 0 ? 1 : 0;
}

}  // namespace artalign::cli
