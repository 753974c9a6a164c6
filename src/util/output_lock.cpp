// OutputLock: flock on ".NAME.lock" beside an output, checked to be still linked after locking.
#include "util/output_lock.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <thread>

#include "artalign/error.hpp"
#include "util/output_target.hpp"

namespace artalign {
namespace {

// What the holder wrote into the lock file: "pid 1234", or empty.
std::string holder_of(int fd) {
    char buffer[64] = {};
    const ssize_t got = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string text = got > 0 ? std::string(buffer, static_cast<std::size_t>(got)) : std::string();
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text.find_first_not_of("0123456789pid ") == std::string::npos ? text : std::string();
}

// Whether `fd` is still the file named `path` (a releasing holder unlinks it before unlocking).
bool still_linked(int fd, const std::filesystem::path& path) {
    struct stat open_file {};
    struct stat named {};
    return ::fstat(fd, &open_file) == 0 && ::stat(path.c_str(), &named) == 0 && open_file.st_dev == named.st_dev &&
           open_file.st_ino == named.st_ino;
}

}  // namespace

OutputLock OutputLock::acquire(const std::filesystem::path& output, std::chrono::milliseconds timeout) {
    const OutputTarget target = resolve_output(output);
    OutputLock lock;
    if (target.kind != OutputKind::file) return lock;
    const std::string name = output.string();
    std::filesystem::path directory = target.path.parent_path();
    if (directory.empty()) directory = ".";
    std::string file_name = ".";  // built step by step: GCC 12 -O3 warns (-Wrestrict) on "." + string
    file_name += target.path.filename().string();
    file_name += ".lock";
    const std::filesystem::path lock_file = directory / file_name;

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto pause = std::chrono::milliseconds(5);
    int fd = -1;
    for (;;) {
        if (fd < 0) fd = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (fd < 0)
            throw OutputError(name, fmt::format("cannot create the lock file {}: {}", lock_file.string(), std::strerror(errno)));
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            if (still_linked(fd, lock_file)) break;
            ::close(fd);  // the holder removed it as we waited: lock the one there now
            fd = -1;
            continue;
        }
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const std::string reason = std::strerror(errno);
            ::close(fd);
            throw OutputError(name, fmt::format("cannot lock {}: {}", lock_file.string(), reason));
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            const std::string holder = holder_of(fd);
            ::close(fd);
            throw OutputError(name, fmt::format("another artalign run{} is writing it (lock file {}); gave up after "
                                                "waiting {} s (--lock-timeout)",
                                                holder.empty() ? "" : " (" + holder + ")", lock_file.string(),
                                                std::chrono::duration<double>(timeout).count()));
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(100));
    }
    const std::string holder = fmt::format("pid {}\n", ::getpid());
    if (::ftruncate(fd, 0) == 0) {
        [[maybe_unused]] const ssize_t written = ::pwrite(fd, holder.data(), holder.size(), 0);  // for messages only
    }
    lock.lock_file_ = lock_file;
    lock.fd_ = fd;
    return lock;
}

OutputLock::OutputLock(OutputLock&& other) noexcept : lock_file_(std::move(other.lock_file_)), fd_(other.fd_) {
    other.fd_ = -1;
}

OutputLock& OutputLock::operator=(OutputLock&& other) noexcept {
    if (this != &other) {
        release();
        lock_file_ = std::move(other.lock_file_);
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

OutputLock::~OutputLock() { release(); }

void OutputLock::release() {
    if (fd_ < 0) return;
    // Unlinked while still held: a waiter that then gets the old file sees it is gone and retries.
    ::unlink(lock_file_.c_str());
    ::close(fd_);
    fd_ = -1;
}

}  // namespace artalign
