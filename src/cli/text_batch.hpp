// `align-text --batch`: a list of text pairs aligned in one process, like hunalign's -batch.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "util/atomic_file.hpp"

namespace artalign::cli {

/// One line of a batch list: SOURCE<TAB>TARGET<TAB>OUTPUT.
struct TextJob {
    std::size_t line = 0;  // 1-based line of the list, for messages
    std::string source;
    std::string target;
    std::string output;
};

/// The jobs of a batch list: `list` is a file, or "-" for standard input. Blank lines and
/// lines starting with '#' are skipped. Throws InputError naming the list (and line) when it
/// cannot be read or a line is not three tab-separated, non-empty paths.
std::vector<TextJob> read_text_jobs(const std::string& list);

/// Refuses a list that would lose a file, before anything is written: an output that is an
/// input of any pair or the run's `lexicon`, or two pairs writing one file.
/// Files are told apart as the system does (st_dev and st_ino, following symlinks and hard
/// links; a file not there yet by its directory's identity and its name). Devices and FIFOs
/// may be written by several pairs. Throws InputError naming the list and the lines.
void check_text_jobs_apart(const std::vector<TextJob>& jobs, const std::string& list,
                           const std::optional<std::string>& lexicon);

/// What aligning one job leaves to do: its output file, written but not yet committed (none
/// when the output is already written: standard output, a TMX), and the line to print on
/// standard error once the output is in place (may be empty).
struct FinishedPair {
    std::unique_ptr<AtomicFile> output;
    std::string summary;
};

/// Runs `align` on every job with `threads` worker threads; `make_worker` is called once per
/// thread and gives that thread's `align` (so that each owns what is not thread-safe). Each
/// thread commits its finished outputs in groups (OutputGroup: up to 64 files, or what
/// finished within a second), each made durable before it is renamed into place, and prints a
/// pair's summary once its output is in place. A job that throws, or whose output cannot be
/// committed, is reported on standard error, one line naming the pair, and the others go on.
/// Returns how many jobs failed.
using TextJobRunner = std::function<FinishedPair(const TextJob&)>;
std::size_t run_text_jobs(const std::vector<TextJob>& jobs, unsigned threads,
                          const std::function<TextJobRunner()>& make_worker);

}  // namespace artalign::cli
