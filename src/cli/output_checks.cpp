// Checks of a verb's outputs against its inputs and each other; --lock-timeout; stdout writes.
#include "output_checks.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "artalign/error.hpp"
#include "util/output_lock.hpp"
#include "util/output_target.hpp"

namespace artalign::cli {

void check_outputs_apart(const std::vector<std::filesystem::path>& outputs,
                         const std::vector<std::filesystem::path>& inputs) {
    for (std::size_t k = 0; k < outputs.size(); ++k) {
        for (const auto& input : inputs) {
            if (same_file(outputs[k], input))
                throw UsageError(fmt::format("output {} is the input {}; artalign never writes over its input",
                                             outputs[k].string(), input.string()));
        }
        for (std::size_t j = 0; j < k; ++j) {
            if (same_file(outputs[k], outputs[j]) || (outputs[k] != "-" && outputs[k] == outputs[j]))
                throw UsageError(fmt::format("outputs {} and {} are the same file", outputs[j].string(),
                                             outputs[k].string()));
        }
    }
}

void add_lock_timeout_option(ArgumentParser& parser) {
    parser.add_option("lock-timeout", 0, "SECONDS",
                      fmt::format("wait this long for another run writing the same file (default {})",
                                  kDefaultLockTimeout.count()));
}

std::chrono::milliseconds lock_timeout(const ArgumentParser& parser) {
    const auto text = parser.option("lock-timeout");
    if (!text) return kDefaultLockTimeout;
    const double seconds = parse_decimal_option("lock-timeout", *text, "a number of seconds", 0, 86400);
    return std::chrono::milliseconds(static_cast<long long>(std::llround(seconds * 1000)));
}

void write_standard_output(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
        throw OutputError("standard output", std::string("write failed: ") + std::strerror(errno));
}

}  // namespace artalign::cli
