// SIGINT and SIGTERM for every verb: the first asks the run to stop (artalign::request_stop),
// so that it unwinds, removing its temporaries; a second signal, or a run still going after a
// grace period, ends the process the default way.
#pragma once

namespace artalign::cli {

/// How long a run may take to stop after the first SIGINT or SIGTERM before the signal is
/// delivered again with its default action (a long computation between two checks).
inline constexpr unsigned kStopGraceSeconds = 10;

/// Installs the handlers, also over a SIGINT inherited as ignored (a background job of a shell
/// script): `kill -INT` stops a batch run however it was started.
void install_stop_handlers();

/// The exit status for a run stopped by `signal_number`: 128 + the number (130 SIGINT, 143
/// SIGTERM), as a shell reports a process the signal killed.
int stopped_exit_status(int signal_number);

}  // namespace artalign::cli
