// Asking a run to stop (SIGINT, SIGTERM): one process-wide flag that blocking reads, stream and
// batch loops check, so a verb unwinds (removing its temporaries) instead of being killed.
#pragma once

#include <atomic>

#include "artalign/error.hpp"

namespace artalign {

/// Records that the run should stop because of `signal_number` (the first one given wins).
/// Async-signal-safe: meant to be called from a signal handler.
void request_stop(int signal_number) noexcept;

/// Whether request_stop was called.
bool stop_requested() noexcept;

/// The signal request_stop was given; 0 when none.
int stop_signal() noexcept;

/// The flag itself, for code that takes a cancel flag (BatchOptions::cancel).
const std::atomic<bool>& stop_flag() noexcept;

/// Thrown where a run notices stop_requested(): "interrupted by SIGTERM". Callers that own
/// temporaries remove them while it unwinds; the command line exits 128 + the signal number.
class Interrupted : public Error {
public:
    explicit Interrupted(int signal_number);
    int signal_number() const { return signal_number_; }

private:
    int signal_number_;
};

/// Throws Interrupted when stop_requested().
void throw_if_stop_requested();

}  // namespace artalign
