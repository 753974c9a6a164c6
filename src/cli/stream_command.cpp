// `artalign stream`: one JSON pair record a line on stdin, one JSON outcome line per record on
// stdout, nothing kept between records: for Hadoop Streaming, Spark's RDD.pipe, GNU parallel.
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "arguments.hpp"
#include "util/data_directory.hpp"
#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "util/limits.hpp"
#include "batch/pair_outcome.hpp"
#include "util/stop_request.hpp"
#include "batch/stream_record.hpp"
#include "commands.hpp"
#include "progress.hpp"
#include "output_checks.hpp"
#include "ordered_workers.hpp"
#include "page_options.hpp"

namespace artalign::cli {
namespace {

// The outcome line for a record that could not be read, keyed by where it was.
PairOutcome failed_outcome(const std::string& where, const std::string& reason) {
    PairOutcome outcome;
    outcome.key = where;
    outcome.status = PairStatus::failed;
    outcome.reason = where + ": " + reason;
    return outcome;
}

}  // namespace

int run_stream(const std::vector<std::string>& arguments) {
    ArgumentParser parser("artalign stream [--mirror DIR] [--lexicon FILE] [--jobs N] < records.jsonl > outcomes.jsonl",
                          "Reads one JSON record a line, e.g.\n"
                          "  {\"id\": 1, \"translation\": \"en.html\", \"original\": \"ko.html\"}\n"
                          "  {\"id\": 2, \"translation\": \"https://host/page.html\", \"mirror\": \"mirror\"}\n"
                          "  {\"id\": 3, \"translation_html\": \"<html>...\", \"original_html\": \"<html>...\"}\n"
                          "and writes one JSON line per record (schema artalign-pair/1: status, units, coverage),\n"
                          "in input order, flushed as each is done. A bad record gives a line with status\n"
                          "\"failed\" and the reason; the exit code is 0 unless the output cannot be written.\n"
                          "artalign merge turns the lines into one TMX.");
    add_page_options(parser, Fetching::on_request, "mirror for records that name no \"mirror\" of their own");
    parser.add_option("lexicon", 0, "FILE", "extra lexicon TSV (e.g. from batch --save-lexicon or learn-lexicon)");
    parser.add_option("jobs", 'j', "N", "align N records at once, on N threads (default 1); output stays in input order");
    parser.parse(arguments, 0, 0);
    if (parser.print_help_if_asked()) return 0;
    const auto default_mirror = parser.option("mirror");
    const PipelineOptions options = page_options(parser);
    const unsigned jobs = parser.option("jobs") ? parse_jobs(*parser.option("jobs")) : 1;
    const auto resources = Resources::load(resource_options(parser));  // loaded once, shared by the workers
    std::vector<std::unique_ptr<Pipeline>> pipelines;  // one per worker: a Pipeline is not thread-safe
    for (unsigned k = 0; k < jobs; ++k) pipelines.push_back(std::make_unique<Pipeline>(resources, options));
    // Progress on a terminal only: standard output is for the outcome lines.
    CountProgress progress(false, stderr, "records");
    OrderedWorkers workers(std::move(pipelines), [&progress](const std::string& line) {
        write_standard_output(line + "\n");
        progress.add();
    });
    InputRules rules;
    rules.allow_stdin = true;
    InputFile input("-", rules);
    // A record line is never held whole past the limit: a longer one is a failed record.
    LineReader lines(input, record_line_limit(options.max_page_bytes));
    std::string line;
    for (LineReader::Status status; (status = lines.next(line)) != LineReader::Status::end;) {
        const std::string where = "stdin line " + std::to_string(lines.number());
        if (status == LineReader::Status::too_long) {
            // Through the workers, so that it keeps its place among the outcomes.
            const std::string failed = pair_outcome_json(failed_outcome(
                where, "the record line is over the " + describe_size(lines.max_line()) +
                           " limit (four times --max-page-size, and 1 MB); skipped"));
            workers.submit([failed](const Pipeline&) { return failed; });
            continue;
        }
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        StreamRecord record = read_stream_record(line, where, default_mirror);
        workers.submit([record = std::move(record)](const Pipeline& pipeline) mutable {
            const PairOutcome outcome = record.request ? process_pair(pipeline, *record.request) : std::move(record.failure);
            return pair_outcome_json(outcome);
        });
        throw_if_stop_requested();
    }
    workers.finish();
    progress.finish();
    return 0;
}

}  // namespace artalign::cli
