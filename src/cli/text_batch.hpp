// `align-text --batch`: a list of text pairs aligned in one process, like hunalign's -batch.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

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

/// Runs `align` on every job with `threads` worker threads; `make_worker` is called once per
/// thread and gives that thread's `align` (so that each owns what is not thread-safe). A job
/// that throws is reported on standard error, one line naming the pair, and the others go on.
/// Returns how many jobs failed.
using TextJobRunner = std::function<void(const TextJob&)>;
std::size_t run_text_jobs(const std::vector<TextJob>& jobs, unsigned threads,
                          const std::function<TextJobRunner()>& make_worker);

}  // namespace artalign::cli
