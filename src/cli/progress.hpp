// Progress of a batch on standard error: a bar on a terminal, plain log lines otherwise.
#pragma once

#include <cstdio>
#include <string>

#include "batch/batch_runner.hpp"

namespace artalign::cli {

/// Shows batch progress. On a terminal: one redrawn line "[####    ] 120/1000  14.2 pairs/s
/// ETA 1:02", with failures printed above it. Elsewhere: one log line per finished pair.
/// Quiet: nothing.
class ProgressDisplay {
public:
    ProgressDisplay(bool quiet, std::FILE* stream);
    void update(const BatchProgress& progress);
    /// Ends the bar's line, if one is drawn.
    void finish();

private:
    bool quiet_;
    bool terminal_;
    std::FILE* stream_;
    double last_draw_ = -1.0;
    bool drawn_ = false;
};

}  // namespace artalign::cli
