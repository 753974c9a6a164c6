// `artalign merge`: the JSON lines of artalign stream (or a batch journal) into one TMX.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "arguments.hpp"
#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "util/json_reader.hpp"
#include "util/output_lock.hpp"
#include "util/output_target.hpp"
#include "util/limits.hpp"
#include "batch/journal.hpp"
#include "batch/run_assembly.hpp"
#include "commands.hpp"
#include "output_checks.hpp"

namespace artalign::cli {
namespace {

struct Record {
    int rank = 0;            // 0: numeric id, 1: string id, 2: no id
    double number = 0.0;
    std::string text;
    std::size_t sequence = 0;
    PairOutcome outcome;
};

void read_records(InputFile& in, std::vector<Record>& records) {
    LineReader lines(in, record_line_limit());
    std::string line;
    for (LineReader::Status status; (status = lines.next(line)) != LineReader::Status::end;) {
        const std::string where = in.name() + " line " + std::to_string(lines.number());
        if (status == LineReader::Status::too_long)
            throw InputError(where, "the line is over the " + describe_size(lines.max_line()) + " limit for one record");
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        // A TMX given by mistake is named as such, and never parsed as XML (no entity is expanded).
        const std::size_t first = line.find_first_not_of(" \t\r\xEF\xBB\xBF");  // a byte-order mark too
        if (records.empty() && first != std::string::npos && line[first] == '<')
            throw InputError(where, "this is XML (a TMX memory?), not the JSON lines of artalign stream that merge reads");
        const JsonValue value = parse_json(line, where);
        if (is_journal_header(value)) continue;  // a batch journal's first line is not a pair
        Record record;
        record.outcome = parse_pair_outcome(value, where);
        record.sequence = records.size();
        if (record.outcome.id && record.outcome.id->is_number()) {
            record.number = record.outcome.id->as_number();
        } else if (record.outcome.id && record.outcome.id->is_string()) {
            record.rank = 1;
            record.text = record.outcome.id->as_string();
        } else {
            record.rank = 2;
        }
        records.push_back(std::move(record));
    }
}

}  // namespace

int run_merge(const std::vector<std::string>& arguments) {
    ArgumentParser parser("artalign merge FILE... -o OUT.tmx [options]",
                          "Merges the JSON lines of artalign stream (FILE '-' is standard input) into one TMX,\n"
                          "dropping exact repeats of a unit. Records are ordered by their \"id\": numbers first,\n"
                          "ascending, then strings, then records without id in input order; so the lines may\n"
                          "come in any order, as parallel workers write them. A pair that appears more than once\n"
                          "(a retried task) counts once, its first successful record kept. Records are held in memory.\n"
                          "Exit code 1 when any record says its pair failed.");
    parser.add_option("output", 'o', "FILE", "the TMX (required; replaced atomically)");
    parser.add_option("coverage", 0, "FILE", "write each aligned pair's coverage report as a JSON line to FILE");
    parser.add_option("index", 0, "FILE", "write the HTML coverage index of the pairs to FILE");
    parser.add_option("summary", 0, "FILE", "write the run summary as JSON to FILE");
    add_lock_timeout_option(parser);
    parser.add_flag("quiet", 'q', "print nothing but errors");
    parser.parse(arguments, 1, static_cast<std::size_t>(-1));
    if (parser.print_help_if_asked()) return 0;
    const auto output = parser.option("output");
    if (!output || output->empty()) throw UsageError("missing -o/--output FILE for the TMX");
    {
        std::vector<std::filesystem::path> outputs{*output};
        for (const char* option : {"coverage", "index", "summary"}) {
            if (const auto value = parser.option(option)) outputs.emplace_back(*value);
        }
        const std::vector<std::filesystem::path> inputs(parser.positional().begin(), parser.positional().end());
        check_outputs_apart(outputs, inputs);
    }
    // One merge at a time into a TMX: held from before the inputs are read to after the rename.
    const OutputLock lock = OutputLock::acquire(*output, lock_timeout(parser));

    std::vector<Record> records;
    InputRules rules;
    rules.allow_pipe = true;  // the inputs are named on the command line
    rules.allow_stdin = true;
    for (const std::string& file : parser.positional()) {
        InputFile in(file, rules);
        read_records(in, records);
    }
    std::stable_sort(records.begin(), records.end(), [](const Record& a, const Record& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        if (a.rank == 0) return a.number < b.number;
        if (a.rank == 1) return a.text < b.text;
        return false;
    });
    // One record per pair: the first that did not fail, else the first. Records stream could
    // not read (no id; keyed "stdin line N", which repeats across workers) are all kept.
    const auto unread = [](const PairOutcome& outcome) { return outcome.status == PairStatus::failed && !outcome.id; };
    std::unordered_map<std::string, std::size_t> chosen;
    for (std::size_t k = 0; k < records.size(); ++k) {
        if (unread(records[k].outcome)) continue;
        const auto [found, inserted] = chosen.emplace(records[k].outcome.key, k);
        if (!inserted && records[found->second].outcome.status == PairStatus::failed &&
            records[k].outcome.status != PairStatus::failed)
            found->second = k;
    }

    RunOutputs outputs;
    outputs.tmx = *output;
    if (const auto value = parser.option("coverage")) outputs.coverage_jsonl = *value;
    if (const auto value = parser.option("index")) outputs.index_html = *value;
    if (const auto value = parser.option("summary")) outputs.summary_json = *value;
    RunAssembler assembler(outputs);
    for (std::size_t k = 0; k < records.size(); ++k) {
        if (unread(records[k].outcome) || chosen.at(records[k].outcome.key) == k) assembler.add(records[k].outcome);
    }
    const RunSummary summary = assembler.finish();
    if (!parser.flag("quiet"))  // -o -: the TMX has standard output
        fmt::print(*output == "-" ? stderr : stdout, "wrote {}\n{}", output_display_name(*output), summary.text());
    return summary.failed > 0 ? 1 : 0;
}

}  // namespace artalign::cli
