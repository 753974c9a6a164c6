// Fuzz target: stream mode's input, one JSON record a line, read as `artalign stream` reads it
// (and outcome lines, as `artalign merge` and the batch journal read them back). Offline: only
// records with inline HTML are aligned, and nothing is read from the file system on a
// record's behalf. Invariants: a bad line becomes exactly one failed outcome and never an
// exception; every outcome is one line of JSON that reads back to the same bytes; JSON that
// parses serialises to a fixed point.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "artalign/error.hpp"
#include "util/json_reader.hpp"
#include "batch/pair_outcome.hpp"
#include "artalign/pipeline.hpp"
#include "batch/stream_record.hpp"

namespace {

const std::string kDefaultMirror = "/nonexistent/fuzz-stream-mirror";

// Error messages are one line (artalign::Error's contract); reasons are error messages.
bool one_line(const std::string& text) { return text.find_first_of("\r\n") == std::string::npos; }

// An outcome line is one line, and reading it back and writing it again gives the same bytes.
void check_outcome_line(const artalign::PairOutcome& outcome) {
    const std::string line = artalign::pair_outcome_json(outcome);
    if (!one_line(line)) __builtin_trap();
    const artalign::PairOutcome back = artalign::parse_pair_outcome(artalign::parse_json(line, "outcome"), "outcome");
    if (artalign::pair_outcome_json(back) != line) __builtin_trap();
}

// parse(serialise(x)) serialises to the same bytes.
void check_json_fixed_point(std::string_view line) {
    try {
        const std::string once = artalign::json_serialize(artalign::parse_json(line, "line"));
        if (artalign::json_serialize(artalign::parse_json(once, "again")) != once) __builtin_trap();
    } catch (const artalign::InputError&) {
    }
}

// Lines that are themselves outcomes (merge and journal input) read back to a fixed point.
void check_outcome_input(std::string_view line) {
    try {
        const artalign::PairOutcome outcome = artalign::parse_pair_outcome(artalign::parse_json(line, "line"), "line");
        check_outcome_line(outcome);
    } catch (const artalign::InputError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const artalign::Pipeline pipeline = [] {
        setenv("TMPDIR", "/dev/shm", 0);  // inline pages go to a temporary directory each run
        return artalign::Pipeline(ARTALIGN_FUZZ_DATA);  // network off by default
    }();
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    for (int number = 1; !rest.empty() && number <= 8; ++number) {
        const std::string_view line = rest.substr(0, rest.find('\n'));
        rest.remove_prefix(std::min(line.size() + 1, rest.size()));
        check_json_fixed_point(line);
        check_outcome_input(line);

        const std::string where = "stdin line " + std::to_string(number);
        artalign::StreamRecord record = artalign::read_stream_record(line, where, kDefaultMirror);
        if (!record.request) {
            const artalign::PairOutcome& failure = record.failure;
            if (failure.status != artalign::PairStatus::failed || failure.key.empty() ||
                failure.reason.rfind(where + ": ", 0) != 0 || !one_line(failure.reason))
                __builtin_trap();
            check_outcome_line(failure);
            continue;
        }
        const artalign::PairRequest& request = *record.request;
        if (request.key.empty() || !request.input.mirror_root) __builtin_trap();
        if (request.id && request.key != artalign::json_serialize(*request.id)) __builtin_trap();
        if (!request.translation_html && request.input.translation_page.empty()) __builtin_trap();
        // Align only what touches no file on the record's behalf: inline pages, default mirror.
        const bool offline = request.translation_html && request.input.translation_page.empty() &&
                             !request.input.original_page && request.input.mirror_root == kDefaultMirror;
        if (offline) {
            const artalign::PairOutcome outcome = artalign::process_pair(pipeline, request);
            if (!one_line(outcome.reason)) __builtin_trap();
            check_outcome_line(outcome);
        }
    }
    return 0;
}
