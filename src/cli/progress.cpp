// Batch progress: a redrawn bar with rate and ETA on a terminal, log lines in files and pipes.
#include "progress.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

namespace artalign::cli {
namespace {

std::string clock_text(double seconds) {
    const auto total = static_cast<long long>(seconds + 0.5);
    if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
    return fmt::format("{}:{:02}", total / 60, total % 60);
}

double remaining_seconds(std::size_t done, std::size_t total, double rate) {
    return rate > 0 && total > done ? static_cast<double>(total - done) / rate : 0.0;
}

// The terminal's width now (it may have been resized since the last redraw); 80 when unknown.
std::size_t terminal_columns(std::FILE* stream) {
    winsize size{};
    if (::ioctl(::fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

double monotonic_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

std::string progress_line(std::size_t done, std::size_t total, double rate, std::size_t columns) {
    constexpr std::size_t kWidestBar = 30;
    constexpr std::size_t kNarrowestBar = 10;
    const std::string figures = fmt::format("{}/{} pairs  {:.1f} pairs/s  ETA {}", done, total, rate,
                                            clock_text(remaining_seconds(done, total, rate)));
    const std::size_t room = columns > 0 ? columns - 1 : 0;  // the last column would wrap on some terminals
    // The figures are ASCII: their length is their width.
    if (room >= figures.size() + 3 + kNarrowestBar) {
        const std::size_t width = std::min(kWidestBar, room - figures.size() - 3);
        const std::size_t filled = total == 0 ? width : width * std::min(done, total) / total;
        return fmt::format("[{}{}] {}", std::string(filled, '#'), std::string(width - filled, ' '), figures);
    }
    return figures.substr(0, room);
}

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
        // A log read later (or tailed) still tells how fast the run goes and when it ends.
        if (progress.done != progress.total && progress.elapsed_seconds - last_rate_line_ >= kRateInterval) {
            last_rate_line_ = progress.elapsed_seconds;
            fmt::print(stream_, "artalign: {}/{} pairs in {}, {:.1f} pairs/s, about {} left\n", progress.done,
                       progress.total, clock_text(progress.elapsed_seconds), rate,
                       clock_text(remaining_seconds(progress.done, progress.total, rate)));
        }
        return;
    }
    if (outcome.status == PairStatus::failed) {
        fmt::print(stream_, "\r\033[Kartalign: failed: {}\n", outcome.reason);
        drawn_ = false;
    }
    // Redraw at most ten times a second, and always at the end.
    if (progress.done != progress.total && drawn_ && progress.elapsed_seconds - last_draw_ < 0.1) return;
    last_draw_ = progress.elapsed_seconds;
    draw_bar(progress, rate);
}

void ProgressDisplay::draw_bar(const BatchProgress& progress, double rate) {
    fmt::print(stream_, "\r\033[K{}", progress_line(progress.done, progress.total, rate, terminal_columns(stream_)));
    std::fflush(stream_);
    drawn_ = true;
}

void ProgressDisplay::finish() {
    if (quiet_ || !terminal_ || !drawn_) return;
    fmt::print(stream_, "\n");
    drawn_ = false;
}

CountProgress::CountProgress(bool quiet, std::FILE* stream, std::string noun)
    : shown_(!quiet && ::isatty(::fileno(stream)) == 1), stream_(stream), noun_(std::move(noun)),
      started_(monotonic_seconds()) {}

void CountProgress::add(std::size_t count) {
    done_ += count;
    if (!shown_) return;
    if (const double now = monotonic_seconds(); !drawn_ || now - last_draw_ >= 0.1) {
        last_draw_ = now;
        draw();
    }
}

void CountProgress::draw() {
    const double elapsed = monotonic_seconds() - started_;
    const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0.0;
    const std::string line = fmt::format("{} {}  {:.1f} {}/s", done_, noun_, rate, noun_);
    const std::size_t room = terminal_columns(stream_) - 1;
    fmt::print(stream_, "\r\033[K{}", line.substr(0, room));
    std::fflush(stream_);
    drawn_ = true;
}

void CountProgress::finish() {
    if (!shown_) return;
    draw();
    fmt::print(stream_, "\n");
    drawn_ = false;
}

}  // namespace artalign::cli
