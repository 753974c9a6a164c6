// Outcome lines from any number of stream workers (or batch journals), in any order, into the
// ordered, one-per-pair sequence a run's outputs are made from; in bounded memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "batch/pair_outcome.hpp"
#include "read/input_file.hpp"

namespace artalign {

/// Outcome lines held in memory before they are sorted and written to a run on disk.
inline constexpr std::size_t kDefaultMergeRunBytes = std::size_t{16} << 20;

struct OutcomeMergeOptions {
    std::size_t run_bytes = kDefaultMergeRunBytes;
    /// Where the runs go (unlinked temporary files); empty: $TMPDIR, else /tmp.
    std::filesystem::path run_directory;
    /// A bad line (not JSON, not an outcome, cut short, over the line limit) is passed to
    /// `on_bad_line` with its message ("FILE line N: what is wrong") and skipped, instead of
    /// refusing the input.
    bool skip_bad_lines = false;
    std::function<void(const std::string& message)> on_bad_line;
};

/// ARTALIGN_MERGE_RUN_BYTES when that environment variable holds a positive number (tests force
/// several runs with it), else `fallback`.
std::size_t merge_run_bytes(std::size_t fallback = kDefaultMergeRunBytes);

/// Orders outcomes by their "id" (numbers ascending, then strings bytewise, then records
/// without id in input order; equal ids in input order) and keeps one record a pair key: the
/// first in that order that did not fail, else the first. Failed records without id (lines
/// stream could not read, keyed "stdin line N", which repeats across workers) are all kept.
///
/// Lines are checked as they are read and held as sorted runs on disk (ExternalSorter); what
/// stays in memory is one run and two sets of 128-bit hashes of pair keys (32-64 bytes each a
/// distinct pair): those that have a record that did not fail, and those already passed on.
///
///     OutcomeMerge merge(options);
///     for (InputFile& in : inputs) merge.read(in);
///     merge.finish([&](const PairOutcome& outcome) { assembler.add(outcome); });
class OutcomeMerge {
public:
    explicit OutcomeMerge(OutcomeMergeOptions options);
    ~OutcomeMerge();
    OutcomeMerge(const OutcomeMerge&) = delete;
    OutcomeMerge& operator=(const OutcomeMerge&) = delete;

    /// Reads every line of `in`: outcome lines (a missing final newline is fine; records that a
    /// `cat` of files without final newlines ran together on one line are read apart), blank
    /// lines and a journal's header line, which are ignored. Throws InputError "FILE line N:
    /// what is wrong" for a bad line (unless skip_bad_lines), and always for XML before any
    /// record (a TMX given by mistake). Throws OutputError when a run cannot be written.
    void read(InputFile& in);

    /// Passes the kept outcomes to `emit` in order, once.
    void finish(const std::function<void(const PairOutcome&)>& emit);

    /// Outcome records read (bad lines and headers not counted).
    std::uint64_t records() const;
    /// Bad lines skipped.
    std::uint64_t skipped_lines() const { return skipped_lines_; }
    /// Runs written to disk (0 when the records fitted in one run in memory).
    std::size_t runs_on_disk() const;
    const std::filesystem::path& run_directory() const { return options_.run_directory; }

private:
    struct State;
    void add_line(std::string_view line, const std::string& where);
    void add_record(std::string_view text, const JsonValue& value, const std::string& where);

    OutcomeMergeOptions options_;
    std::unique_ptr<State> state_;
    std::uint64_t skipped_lines_ = 0;
};

}  // namespace artalign
