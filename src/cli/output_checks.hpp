// Command-line side of the output policy: outputs that are inputs, --lock-timeout, and writes to
// standard output that fail loudly.
#pragma once

#include <chrono>
#include <filesystem>
#include <string_view>
#include <vector>

#include "arguments.hpp"

namespace artalign::cli {

/// Throws UsageError when an output is one of the inputs (the same file after following
/// symlinks and hard links: st_dev and st_ino), or two outputs are one file. Missing files and
/// "-" match nothing.
void check_outputs_apart(const std::vector<std::filesystem::path>& outputs,
                         const std::vector<std::filesystem::path>& inputs);

/// Declares --lock-timeout SECONDS.
void add_lock_timeout_option(ArgumentParser& parser);
/// Its value (default kDefaultLockTimeout). Throws UsageError when it is not a number of
/// seconds from 0 to 86400.
std::chrono::milliseconds lock_timeout(const ArgumentParser& parser);

/// Writes `text` to standard output and flushes it. Throws OutputError ("standard output: write
/// failed: REASON") when it cannot (a full disk, a closed pipe: SIGPIPE is ignored).
void write_standard_output(std::string_view text);

}  // namespace artalign::cli
