// The process-wide stop request and the error that carries it.
#include "util/stop_request.hpp"

#include <atomic>
#include <csignal>
#include <string>

namespace artalign {
namespace {

// Lock-free, so that a signal handler may store to them.
std::atomic<int> requested_signal{0};
std::atomic<bool> requested{false};
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<bool>::is_always_lock_free);

std::string signal_name(int signal_number) {
    if (signal_number == SIGTERM) return "SIGTERM";
    if (signal_number == SIGINT) return "SIGINT";
    return "signal " + std::to_string(signal_number);
}

}  // namespace

void request_stop(int signal_number) noexcept {
    int none = 0;
    requested_signal.compare_exchange_strong(none, signal_number);
    requested.store(true);
}

bool stop_requested() noexcept { return requested.load(); }

const std::atomic<bool>& stop_flag() noexcept { return requested; }

int stop_signal() noexcept { return requested_signal.load(); }

Interrupted::Interrupted(int signal_number)
    : Error("", "interrupted by " + signal_name(signal_number)), signal_number_(signal_number) {}

void throw_if_stop_requested() {
    if (const int signal_number = stop_signal(); signal_number != 0) throw Interrupted(signal_number);
}

}  // namespace artalign
