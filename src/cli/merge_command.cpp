// `artalign merge`: the JSON lines of artalign stream (or a batch journal) into one TMX.
#include <fmt/format.h>

#include <cstdio>
#include <optional>

#include "arguments.hpp"
#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "util/atomic_file.hpp"
#include "util/output_lock.hpp"
#include "util/output_target.hpp"
#include "batch/outcome_merge.hpp"
#include "batch/run_assembly.hpp"
#include "commands.hpp"
#include "progress.hpp"
#include "memory_options.hpp"
#include "output_checks.hpp"

namespace artalign::cli {

int run_merge(const std::vector<std::string>& arguments) {
    ArgumentParser parser("artalign merge FILE... -o OUT.tmx [options]",
                          "Merges the JSON lines of artalign stream (FILE '-' is standard input) into one TMX,\n"
                          "dropping exact repeats of a unit. Records are ordered by their \"id\": numbers first,\n"
                          "ascending, then strings, then records without id in input order; so the lines may\n"
                          "come in any order, as parallel workers write them. A pair that appears more than once\n"
                          "(a retried task) counts once, its first successful record kept. Records are sorted in\n"
                          "runs on disk ($TMPDIR), so memory does not grow with their number (but for 32-64 bytes a\n"
                          "distinct unit and pair). --outcomes writes the kept records as outcome lines again, for\n"
                          "merges of merges (--min-score, --srclang and --tgtlang shape the TMX only, as on align).\n"
                          "Exit code 1 when any record says its pair failed.");
    parser.add_option("output", 'o', "FILE", "the TMX (replaced atomically; required unless --outcomes is given)");
    add_stream_format_option(parser);
    add_memory_options(parser);
    parser.add_option("coverage", 0, "FILE", "write each aligned pair's coverage report as a JSON line to FILE");
    parser.add_option("index", 0, "FILE", "write the HTML coverage index of the pairs to FILE");
    parser.add_option("summary", 0, "FILE", "write the run summary as JSON to FILE");
    parser.add_option("outcomes", 0, "FILE", "write the kept records, in order, as outcome lines to FILE (the input of a further merge)");
    parser.add_flag("skip-bad-lines", 0, "report a line that is not an outcome (cut short, not JSON) on stderr and go on without it");
    add_lock_timeout_option(parser);
    parser.add_flag("quiet", 'q', "print nothing but errors");
    parser.parse(arguments, 1, static_cast<std::size_t>(-1));
    if (parser.print_help_if_asked()) return 0;
    const auto output = parser.option("output");
    const auto outcomes_output = parser.option("outcomes");
    if ((!output || output->empty()) && (!outcomes_output || outcomes_output->empty()))
        throw UsageError("missing -o/--output FILE for the TMX");
    // Checked against a Korean original and its English translation now, not after the reading.
    const LanguageRequest languages = language_request(parser);
    (void)memory_languages(languages, "ko", "en");
    const double min_score = min_score_option(parser);
    const std::string format = stream_format_option(parser);
    {
        std::vector<std::filesystem::path> outputs;
        for (const char* option : {"output", "coverage", "index", "summary", "outcomes"}) {
            if (const auto value = parser.option(option)) outputs.emplace_back(*value);
        }
        const std::vector<std::filesystem::path> inputs(parser.positional().begin(), parser.positional().end());
        check_outputs_apart(outputs, inputs);
    }
    // One merge at a time into a TMX: held from before the inputs are read to after the rename.
    OutputLock lock, outcomes_lock;
    if (output) lock = OutputLock::acquire(*output, lock_timeout(parser));
    if (outcomes_output) outcomes_lock = OutputLock::acquire(*outcomes_output, lock_timeout(parser));

    OutcomeMergeOptions options;
    options.run_bytes = merge_run_bytes();
    options.skip_bad_lines = parser.flag("skip-bad-lines");
    options.on_bad_line = [](const std::string& message) {
        fmt::print(stderr, "artalign: warning: {} (line skipped)\n", message);
    };
    OutcomeMerge merge(options);
    InputRules rules;
    rules.allow_pipe = true;  // the inputs are named on the command line
    rules.allow_stdin = true;
    for (const std::string& file : parser.positional()) {
        InputFile in(file, rules);
        merge.read(in);
    }
    const bool quiet = parser.flag("quiet");
    if (!quiet && merge.runs_on_disk() > 0)
        fmt::print(stderr, "artalign: {} records sorted in {} runs on disk in {}\n", merge.records(), merge.runs_on_disk(),
                   merge.run_directory().string());

    RunOutputs outputs;
    // Without -o (a merge whose outcomes go on to a further merge) the TMX is written to the
    // null device, so that the summary still counts units and repeats.
    outputs.tmx = output ? std::filesystem::path(*output) : std::filesystem::path("/dev/null");
    outputs.min_score = min_score;
    outputs.format = format;
    outputs.languages = languages;
    if (const auto value = parser.option("coverage")) outputs.coverage_jsonl = *value;
    if (const auto value = parser.option("index")) outputs.index_html = *value;
    if (const auto value = parser.option("summary")) outputs.summary_json = *value;
    RunAssembler assembler(outputs);
    std::optional<AtomicFile> outcomes_file;
    if (outcomes_output) outcomes_file.emplace(*outcomes_output);
    CountProgress progress(quiet, stderr, "pairs");  // on a terminal only
    merge.finish([&](const PairOutcome& outcome) {
        assembler.add(outcome);
        if (outcomes_file) outcomes_file->append(pair_outcome_json(outcome) + '\n');
        progress.add();
    });
    progress.finish();
    if (outcomes_file) outcomes_file->sync();
    const RunSummary summary = assembler.finish();
    if (outcomes_file) outcomes_file->commit();
    if (!quiet) {  // -o - or --outcomes -: standard output is taken
        const std::string written = output ? *output : *outcomes_output;
        const bool stdout_taken = (output && *output == "-") || (outcomes_output && *outcomes_output == "-");
        fmt::print(stdout_taken ? stderr : stdout, "wrote {}\n{}", output_display_name(written), summary.text());
    }
    return summary.failed > 0 ? 1 : 0;
}

}  // namespace artalign::cli
