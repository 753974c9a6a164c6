// `artalign batch`: a whole mirror, page list or JSONL of pairs into one translation memory.
#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include "arguments.hpp"
#include "artalign/batch_runner.hpp"
#include "artalign/data_directory.hpp"
#include "artalign/lexicon_learning.hpp"
#include "artalign/pair_discovery.hpp"
#include "commands.hpp"
#include "page_options.hpp"
#include "progress.hpp"

namespace artalign::cli {
namespace {

constexpr const char* kUsage =
    "artalign batch (MIRROR_DIR | --list FILE | --records FILE.jsonl) -o OUT.tmx [options]";

std::atomic<bool> interrupted{false};

// The first Ctrl-C (or SIGTERM) asks the workers to stop after their current pair; a second
// one kills the process the usual way. Either way the journal keeps every finished pair.
extern "C" void on_interrupt(int signal_number) {
    interrupted.store(true);
    std::signal(signal_number, SIG_DFL);
}

unsigned parse_jobs(const std::string& text) {
    std::size_t used = 0;
    unsigned long value = 0;
    try {
        value = std::stoul(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || value == 0 || value > 1024)
        throw UsageError("--jobs wants a whole number from 1 to 1024, not '" + text + "'");
    return static_cast<unsigned>(value);
}

// Removes `path` (when set) when it goes out of scope.
struct RemovedFile {
    std::optional<std::filesystem::path> path;
    RemovedFile() = default;
    RemovedFile(const RemovedFile&) = delete;
    RemovedFile& operator=(const RemovedFile&) = delete;
    ~RemovedFile() {
        std::error_code ignored;
        if (path) std::filesystem::remove(*path, ignored);
    }
};

}  // namespace

int run_batch(const std::vector<std::string>& arguments) {
    ArgumentParser parser(kUsage,
                          "Aligns many article pairs into one deduplicated TMX: every translated article page of\n"
                          "a site mirror (its original from the same mirror), the pages listed in a file, or the\n"
                          "pairs named by JSONL records (as artalign stream reads them). Finished pairs go to a\n"
                          "journal as they finish, so an interrupted run continues with --resume.\n"
                          "Exit code 1 when any pair failed (the summary says which and why).");
    parser.add_option("output", 'o', "FILE", "the TMX for the whole run (required; replaced atomically)");
    parser.add_option("list", 0, "FILE", "align the translation pages listed in FILE, one path a line");
    parser.add_option("records", 0, "FILE", "align the pairs named by the JSON records of FILE, one a line");
    add_page_options(parser, Fetching::on_request, "with --list: the mirror in which to find the pages and originals");
    parser.add_option("coverage", 0, "FILE", "write each aligned pair's coverage report as a JSON line to FILE");
    parser.add_option("report-dir", 0, "DIR", "write DIR/index.html and a coverage report page per pair");
    parser.add_option("summary", 0, "FILE", "write the run summary as JSON to FILE");
    parser.add_option("journal", 0, "FILE", "the run's journal (default: OUT.tmx.journal)");
    parser.add_flag("resume", 0, "continue an interrupted run from its journal");
    parser.add_option("jobs", 'j', "N", "worker threads (default: one per core)");
    parser.add_option("lexicon", 0, "FILE", "extra lexicon TSV (e.g. from --save-lexicon or learn-lexicon)");
    parser.add_flag("learn-lexicon", 0, "two passes: align, learn word translations from the confident beads, realign");
    parser.add_option("save-lexicon", 0, "FILE", "with --learn-lexicon: write the learned lexicon (before the second pass)");
    parser.add_flag("quiet", 'q', "print nothing but errors and failed pairs");
    parser.parse(arguments, 0, 1);
    if (parser.print_help_if_asked()) return 0;
    const auto output = parser.option("output");
    if (!output || output->empty()) throw UsageError("missing -o/--output FILE for the TMX");
    const auto list = parser.option("list");
    const auto records = parser.option("records");
    const int sources = (parser.positional().empty() ? 0 : 1) + (list ? 1 : 0) + (records ? 1 : 0);
    if (sources != 1) throw UsageError(std::string("give exactly one of MIRROR_DIR, --list, --records; usage: ") + kUsage);
    if (parser.option("mirror") && !list) throw UsageError("--mirror goes with --list (a MIRROR_DIR is its own mirror)");

    const std::filesystem::path data_dir = data_directory();
    std::unique_ptr<PairSource> requests;
    if (list) {
        std::optional<std::filesystem::path> mirror;
        if (const auto value = parser.option("mirror")) mirror = *value;
        requests = std::make_unique<PageList>(read_page_list(*list, mirror));
    } else if (records) {
        requests = std::make_unique<RequestList>(read_pair_records(*records));
    } else {
        const ProfileRegistry profiles = ProfileRegistry::load_directory(data_dir / "profiles");
        requests = std::make_unique<PageList>(discover_mirror_pairs(parser.positional()[0], profiles));
    }

    BatchOutputs outputs;
    outputs.run.tmx = *output;
    if (const auto value = parser.option("coverage")) outputs.run.coverage_jsonl = *value;
    if (const auto value = parser.option("summary")) outputs.run.summary_json = *value;
    if (const auto value = parser.option("report-dir")) outputs.report_dir = *value;

    const bool quiet = parser.flag("quiet");
    ProgressDisplay display(quiet, stderr);
    BatchOptions options;
    options.data_dir = data_dir;
    options.pipeline = page_options(parser);
    if (const auto lexicon = parser.option("lexicon")) options.pipeline.lexicon_files.emplace_back(*lexicon);
    options.journal = parser.option("journal").value_or(*output + ".journal");
    options.resume = parser.flag("resume");
    if (const auto jobs = parser.option("jobs")) options.jobs = parse_jobs(*jobs);
    options.on_pair = [&display](const BatchProgress& progress) { display.update(progress); };
    options.cancel = &interrupted;
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);

    RemovedFile temporary_lexicon;  // the learned lexicon when not saved: read by pass 2, then removed
    const bool learn = parser.flag("learn-lexicon");
    const auto save_lexicon = parser.option("save-lexicon");
    if (save_lexicon && !learn) throw UsageError("--save-lexicon goes with --learn-lexicon");
    if (learn && options.resume)
        throw UsageError("--learn-lexicon cannot --resume (the learning needs every first-pass bead); resume the second "
                         "pass with --resume --lexicon FILE, FILE from --save-lexicon");
    if (learn) {
        // Pass 1: the same run to throw-away outputs; the learner sees every aligned pair's
        // units (on the runner's one syncer thread) and does not depend on their order.
        const Lexicon shipped = Lexicon::load_directory(data_dir / "lexicon");
        LexiconLearner learner(shipped);
        const LearningOptions learning;
        BatchOutputs first;
        first.run.tmx = *output + ".pass1.tmx";
        BatchOptions first_options = options;
        first_options.journal = options.journal.string() + ".pass1";
        ProgressDisplay first_display(quiet, stderr);
        first_options.on_pair = [&first_display, &learner, &learning](const BatchProgress& progress) {
            first_display.update(progress);
            if (progress.outcome == nullptr || progress.outcome->status != PairStatus::aligned) return;
            for (const TranslationUnit& unit : progress.outcome->units) {
                if (unit.bead_type == "1-1" && unit.warning.empty() && unit.score >= learning.min_bead_score)
                    learner.add_pair(unit.source, unit.target);
            }
        };
        if (!quiet) fmt::print(stderr, "artalign: pass 1 of 2: {} pairs to align\n", requests->size());
        const BatchResult pass1 = artalign::run_batch(*requests, first, first_options);
        first_display.finish();
        std::error_code ignored;
        std::filesystem::remove(first.run.tmx, ignored);
        std::filesystem::remove(first_options.journal, ignored);
        if (pass1.interrupted) {
            fmt::print(stderr, "artalign: interrupted in the first pass; nothing written\n");
            return 130;
        }
        const std::vector<LearnedEntry> entries = learner.learn();
        const std::filesystem::path lexicon_file =
            save_lexicon ? std::filesystem::path(*save_lexicon) : std::filesystem::path(*output + ".lexicon.tsv");
        save_learned_lexicon(lexicon_file, entries);
        options.pipeline.lexicon_files.push_back(lexicon_file);
        if (!quiet)
            fmt::print(stderr, "artalign: learned {} translations from {} confident beads{}\n", entries.size(),
                       learner.pairs(), save_lexicon ? ", saved to " + *save_lexicon : std::string());
        if (!save_lexicon) temporary_lexicon.path = lexicon_file;
    }
    if (!quiet) fmt::print(stderr, "artalign: {} pairs to align\n", requests->size());
    const BatchResult result = artalign::run_batch(*requests, outputs, options);
    display.finish();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (result.interrupted) {
        fmt::print(stderr, "artalign: interrupted; {} of {} pairs are in the journal {}: run again with --resume\n",
                   result.summary.resumed, result.summary.pairs, options.journal.string());
        return 130;
    }
    if (!quiet) {
        fmt::print("wrote {}\n{}", *output, result.summary.text());
    } else {
        // Quiet means no progress and no summary, never silence about what failed.
        for (const auto& failure : result.summary.failures) fmt::print(stderr, "artalign: failed: {}\n", failure.second);
    }
    return result.summary.failed > 0 ? 1 : 0;
}

}  // namespace artalign::cli
