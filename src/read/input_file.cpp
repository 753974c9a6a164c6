// Opening and reading inputs under InputRules: file types, size limits, silent pipes, stops.
#include "read/input_file.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "artalign/error.hpp"
#include "util/limits.hpp"
#include "util/parse_number.hpp"
#include "util/stop_request.hpp"

namespace artalign {
namespace {

constexpr std::size_t kChunk = std::size_t{64} << 10;
// How often a wait on a pipe looks at the stop request: short enough to feel immediate.
constexpr int kPollSliceMilliseconds = 100;

// The null device (Linux: character device 1, 3), the usual "empty input" on a command line.
bool is_null_device(const struct stat& status) {
    return S_ISCHR(status.st_mode) && major(status.st_rdev) == 1 && minor(status.st_rdev) == 3;
}

// Why a file of this type is not read, or empty when it may be.
std::string type_problem(const struct stat& status, const InputRules& rules) {
    const mode_t mode = status.st_mode;
    if (S_ISREG(mode)) return {};
    if (rules.allow_pipe && is_null_device(status)) return {};
    if (S_ISFIFO(mode))
        return rules.allow_pipe ? std::string()
                                : "is a named pipe, not a regular file (only a file named on the command line may be "
                                  "a pipe)";
    if (S_ISDIR(mode)) return "is a directory, not a " + rules.what;
    if (S_ISCHR(mode)) return "is a character device, not a regular file (devices are never read)";
    if (S_ISBLK(mode)) return "is a block device, not a regular file (devices are never read)";
    if (S_ISSOCK(mode)) return "is a socket, not a regular file";
    return "is not a regular file";
}

}  // namespace

std::chrono::milliseconds pipe_wait() {
    if (const char* text = std::getenv("ARTALIGN_INPUT_WAIT")) {
        const std::optional<double> seconds = read_decimal(text);  // anything else: the default
        if (seconds && *seconds > 0.0 && *seconds < 1e6)
            return std::chrono::milliseconds(static_cast<long long>(*seconds * 1000.0));
    }
    return std::chrono::seconds(60);
}

InputFile::InputFile(const std::filesystem::path& file, const InputRules& rules) : name_(file.string()) {
    struct stat status {};
    if (rules.allow_stdin && name_ == "-") {
        name_ = "standard input";
        fd_ = STDIN_FILENO;
        owned_ = false;
        regular_ = ::fstat(fd_, &status) == 0 && S_ISREG(status.st_mode);
        size_ = regular_ ? static_cast<std::uint64_t>(status.st_size) : 0;
        return;
    }
    // The type first, from the name: opening a device can have effects of its own.
    if (::stat(file.c_str(), &status) != 0)
        throw InputError(name_, errno == ENOENT ? std::string("no such file")
                                                : std::string("cannot read it: ") + std::strerror(errno));
    if (std::string problem = type_problem(status, rules); !problem.empty())
        throw InputError(name_, problem);
    // O_NONBLOCK: a FIFO with no writer opens at once, and read() waits in poll, where a stop
    // request and the pipe wait are seen.
    fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd_ < 0) throw InputError(name_, std::string("cannot open it: ") + std::strerror(errno));
    // What was opened, in case the name was replaced since the stat.
    if (::fstat(fd_, &status) != 0 || !type_problem(status, rules).empty()) {
        ::close(fd_);
        fd_ = -1;
        throw InputError(name_, "changed while it was opened; not read");
    }
    regular_ = S_ISREG(status.st_mode);
    size_ = regular_ ? static_cast<std::uint64_t>(status.st_size) : 0;
    timed_ = !regular_;
}

InputFile::~InputFile() {
    if (owned_ && fd_ >= 0) ::close(fd_);
}

std::size_t InputFile::read(char* buffer, std::size_t length) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + pipe_wait();
    for (;;) {
        throw_if_stop_requested();
        if (!regular_) {
            pollfd wanted{fd_, POLLIN, 0};
            const int ready = ::poll(&wanted, 1, kPollSliceMilliseconds);
            if (ready < 0 && errno != EINTR) throw InputError(name_, std::string("cannot wait for input: ") + std::strerror(errno));
            if (ready <= 0) {
                if (timed_ && Clock::now() >= deadline)
                    throw InputError(name_, fmt::format("nothing came through the pipe for {} s (is anything writing "
                                                        "to it?); ARTALIGN_INPUT_WAIT=SECONDS sets the wait",
                                                        std::chrono::duration<double>(pipe_wait()).count()));
                continue;
            }
        }
        const ssize_t got = ::read(fd_, buffer, length);
        if (got >= 0) return static_cast<std::size_t>(got);
        if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
        throw InputError(name_, std::string("read failed: ") + std::strerror(errno));
    }
}

std::string size_limit_problem(const InputRules& rules, std::optional<std::uint64_t> size) {
    const std::string option = rules.limit_option.empty() ? std::string() : " (" + rules.limit_option + ")";
    if (!size) return rules.what + " is over the " + describe_size(rules.max_bytes) + " limit" + option;
    return rules.what + " is " + describe_size(*size) + ", over the " + describe_size(rules.max_bytes) + " limit" + option;
}

std::string read_whole_input(const std::filesystem::path& file, const InputRules& rules) {
    InputFile in(file, rules);
    return read_whole_input(in, rules);
}

std::string read_whole_input(InputFile& in, const InputRules& rules) {
    if (in.is_regular() && in.size() > rules.max_bytes) throw InputError(in.name(), size_limit_problem(rules, in.size()));
    const std::uint64_t limit = rules.max_bytes;
    std::string content;
    // One read of the size the file has (a byte-at-a-time copy cost a batch run 5%), then
    // whatever follows in chunks: a file that grew, or a pipe, stops one byte past the limit.
    std::uint64_t wanted = in.is_regular() ? std::max<std::uint64_t>(in.size(), 1) : kChunk;
    content.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(wanted, limit) + 1));
    // After a regular file's size, one byte tells whether it grew: asking for a whole chunk
    // would first zero a chunk of memory for every file read.
    bool probed = !in.is_regular();
    while (content.size() <= limit) {
        const std::size_t old_size = content.size();
        // At least one byte: once the limit is reached, one more tells whether the file is over it.
        wanted = std::max<std::uint64_t>(std::min<std::uint64_t>(wanted, limit - old_size), 1);
        content.resize(old_size + static_cast<std::size_t>(wanted));
        const std::size_t got = in.read(content.data() + old_size, static_cast<std::size_t>(wanted));
        content.resize(old_size + got);
        if (got == 0) break;
        wanted = probed ? kChunk : 1;
        probed = true;
    }
    if (content.size() > limit) throw InputError(in.name(), size_limit_problem(rules, std::nullopt));
    return content;
}

std::optional<std::string> read_data_file(const std::filesystem::path& file) {
    InputRules rules;
    rules.what = "data file";
    rules.max_bytes = std::uint64_t{1} << 32;
    try {
        return read_whole_input(file, rules);
    } catch (const Error&) {
        return std::nullopt;
    }
}

LineReader::LineReader(InputFile& input, std::size_t max_line) : input_(input), max_line_(max_line) {}

bool LineReader::fill() {
    if (ended_) return false;
    // Drop what was consumed once it is most of the buffer, so memory stays near one line.
    if (start_ > 0 && start_ >= buffer_.size() / 2) {
        buffer_.erase(0, start_);
        scanned_ -= std::min(scanned_, start_);
        start_ = 0;
    }
    const std::size_t old_size = buffer_.size();
    buffer_.resize(old_size + kChunk);
    const std::size_t got = input_.read(buffer_.data() + old_size, kChunk);
    buffer_.resize(old_size + got);
    ended_ = got == 0;
    return got > 0;
}

LineReader::Status LineReader::next(std::string& line) {
    line.clear();
    bool skipping = false;  // inside a line over the limit, whose bytes are dropped as they come
    for (;;) {
        const std::size_t newline = buffer_.find('\n', std::max(start_, scanned_));
        if (newline != std::string::npos) {
            const std::size_t length = newline - start_;
            ++number_;
            const bool fits = !skipping && length <= max_line_;
            if (fits) line.assign(buffer_, start_, length);
            start_ = newline + 1;
            scanned_ = start_;
            return fits ? Status::line : Status::too_long;
        }
        scanned_ = buffer_.size();
        if (buffer_.size() - start_ > max_line_) {
            skipping = true;
            buffer_.clear();
            start_ = 0;
            scanned_ = 0;
        }
        if (!fill()) {
            if (!skipping && start_ == buffer_.size()) return Status::end;
            // A last line without its '\n'.
            ++number_;
            if (!skipping) line.assign(buffer_, start_, std::string::npos);
            buffer_.clear();
            start_ = 0;
            scanned_ = 0;
            return skipping ? Status::too_long : Status::line;
        }
    }
}

}  // namespace artalign
