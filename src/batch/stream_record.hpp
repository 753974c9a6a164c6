// One line of `artalign stream` input: a JSON pair record read into a request, or, when the
// line is bad, the failed outcome that stands for it in the output.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "batch/pair_outcome.hpp"
#include "batch/pair_request.hpp"

namespace artalign {

/// Either `request` (to be aligned) or `failure` (a failed outcome with the reason).
struct StreamRecord {
    std::optional<PairRequest> request;
    PairOutcome failure;
};

/// Parses `line` (named `where` in messages, e.g. "stdin line 4") as a pair record; a record
/// that names no "mirror" gets `default_mirror` when set. Never throws for bad input: a line
/// that is not JSON, not an object, or not a valid record gives a failed outcome keyed by the
/// record's id (JSON text) when it has a scalar one, else by `where`, so each input line still
/// has its output line.
StreamRecord read_stream_record(std::string_view line, const std::string& where,
                                const std::optional<std::string>& default_mirror);

}  // namespace artalign
