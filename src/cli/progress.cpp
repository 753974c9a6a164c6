// Batch progress: a redrawn bar with rate and ETA on a terminal, log lines in files and pipes.
#include "progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace artalign::cli {
namespace {

std::string clock_text(double seconds) {
    const auto total = static_cast<long long>(seconds + 0.5);
    if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
    return fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace

ProgressDisplay::ProgressDisplay(bool quiet, std::FILE* stream)
    : quiet_(quiet), terminal_(::isatty(::fileno(stream)) == 1), stream_(stream) {}

void ProgressDisplay::update(const BatchProgress& progress) {
    const PairOutcome& outcome = *progress.outcome;
    // Corrections that no longer apply are said even with --quiet: a human decision is never dropped unsaid.
    for (const std::string& note : outcome.notes) {
        fmt::print(stream_, "{}artalign: warning: {}\n", terminal_ && drawn_ ? "\r\033[K" : "", note);
        drawn_ = false;
    }
    if (quiet_) return;
    const double rate = progress.elapsed_seconds > 0 ? static_cast<double>(progress.done) / progress.elapsed_seconds : 0.0;
    if (!terminal_) {
        std::string line = fmt::format("artalign: [{}/{}] {} ", progress.done, progress.total, to_string(outcome.status));
        if (outcome.status == PairStatus::aligned) line += fmt::format("{} ({} units)", outcome.key, outcome.units.size());
        else line += outcome.reason;  // the reason names the page
        fmt::print(stream_, "{}\n", line);
        return;
    }
    if (outcome.status == PairStatus::failed) {
        fmt::print(stream_, "\r\033[Kartalign: failed: {}\n", outcome.reason);
        drawn_ = false;
    }
    // Redraw at most ten times a second, and always at the end.
    if (progress.done != progress.total && drawn_ && progress.elapsed_seconds - last_draw_ < 0.1) return;
    last_draw_ = progress.elapsed_seconds;
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = progress.total == 0 ? kWidth : kWidth * progress.done / progress.total;
    const double remaining = rate > 0 ? static_cast<double>(progress.total - progress.done) / rate : 0.0;
    fmt::print(stream_, "\r\033[K[{}{}] {}/{} pairs  {:.1f} pairs/s  ETA {}", std::string(filled, '#'),
               std::string(kWidth - filled, ' '), progress.done, progress.total, rate, clock_text(remaining));
    std::fflush(stream_);
    drawn_ = true;
}

void ProgressDisplay::finish() {
    if (quiet_ || !terminal_ || !drawn_) return;
    fmt::print(stream_, "\n");
    drawn_ = false;
}

}  // namespace artalign::cli
