// Progress of a batch on standard error: a bar on a terminal, plain log lines otherwise.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

#include "batch/batch_runner.hpp"

namespace artalign::cli {

/// Shows batch progress. On a terminal: one redrawn line "[####    ] 120/1000 pairs  14.2
/// pairs/s  ETA 1:02", cut to the terminal's width, with failures printed above it. Elsewhere
/// (a log file, a pipe): one log line per finished pair, and every kRateInterval seconds a line
/// with the rate and the time left. Quiet: nothing.
class ProgressDisplay {
public:
    /// Seconds between two rate lines outside a terminal.
    static constexpr double kRateInterval = 30.0;

    ProgressDisplay(bool quiet, std::FILE* stream);
    void update(const BatchProgress& progress);
    /// Ends the bar's line, if one is drawn.
    void finish();

private:
    void draw_bar(const BatchProgress& progress, double rate);

    bool quiet_;
    bool terminal_;
    std::FILE* stream_;
    double last_draw_ = -1.0;
    double last_rate_line_ = 0.0;
    bool drawn_ = false;
};

/// Progress of a run whose total is unknown (stream reads records until its input ends, merge
/// reads outcome files): on a terminal, one redrawn line "1200 records  56.7 records/s", at
/// most ten times a second, cut to the terminal's width; nothing elsewhere or when quiet (the
/// output of stream is for programs, its log lines would only be noise).
class CountProgress {
public:
    CountProgress(bool quiet, std::FILE* stream, std::string noun);
    /// Counts `count` more done and redraws when due.
    void add(std::size_t count = 1);
    /// Redraws with the final count and ends the line, if one is drawn.
    void finish();

private:
    void draw();

    bool shown_;
    std::FILE* stream_;
    std::string noun_;
    std::size_t done_ = 0;
    double started_;
    double last_draw_ = -1.0;
    bool drawn_ = false;
};

/// The bar's line for `columns` columns of terminal: "[###   ] 120/1000 pairs  14.2 pairs/s
/// ETA 1:02", the bar narrowed, then dropped, then the line cut, so that it never wraps (a
/// wrapped line scrolls the terminal at every redraw). At most columns - 1 characters.
std::string progress_line(std::size_t done, std::size_t total, double rate, std::size_t columns);

}  // namespace artalign::cli
