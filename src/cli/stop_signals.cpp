// The command line's SIGINT and SIGTERM handlers.
#include "stop_signals.hpp"

#include <unistd.h>

#include <csignal>

#include "util/stop_request.hpp"

namespace artalign::cli {
namespace {

// The grace period is over: the stop signal again, with its default action.
extern "C" void on_grace_over(int) {
    const int signal_number = stop_signal();
    struct sigaction action {};
    action.sa_handler = SIG_DFL;
    sigaction(signal_number, &action, nullptr);
    raise(signal_number);
}

// Only async-signal-safe calls: an atomic store, sigaction, alarm.
extern "C" void on_stop_signal(int signal_number) {
    request_stop(signal_number);
    struct sigaction action {};
    action.sa_handler = SIG_DFL;
    sigaction(signal_number, &action, nullptr);  // a second one acts at once
    alarm(kStopGraceSeconds);
}

}  // namespace

void install_stop_handlers() {
    struct sigaction grace {};
    grace.sa_handler = on_grace_over;
    sigemptyset(&grace.sa_mask);
    sigaction(SIGALRM, &grace, nullptr);
    for (const int signal_number : {SIGINT, SIGTERM}) {
        struct sigaction action {};
        action.sa_handler = on_stop_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;  // no SA_RESTART: a blocking call returns EINTR and the stop is seen
        sigaction(signal_number, &action, nullptr);
    }
}

int stopped_exit_status(int signal_number) { return 128 + signal_number; }

}  // namespace artalign::cli
