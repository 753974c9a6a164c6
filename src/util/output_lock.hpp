// An advisory lock that makes writers which read, merge and replace an output (--append, batch,
// merge) run one after the other.
#pragma once

#include <chrono>
#include <filesystem>

namespace artalign {

/// How long a writer waits for another one by default (--lock-timeout): longer than appending
/// to a large memory takes (about 21 s for 500 MB: docs/outputs.md), short enough that a
/// forgotten run is noticed.
inline constexpr std::chrono::seconds kDefaultLockTimeout{60};

/// An exclusive flock(2) on a lock file beside the output, ".NAME.lock" (NAME after following
/// symlinks, so that two names of one file share a lock), held until destruction. The lock file
/// is locked, not the output, because the output's inode changes at every rename; it holds the
/// holder's pid and is removed on release. Locks are advisory: only artalign runs honour them.
class OutputLock {
public:
    /// Locks `output`. Standard output ("-") and special files (devices, FIFOs) are not locked
    /// (nothing is merged into them). Waits up to `timeout` while another process holds the
    /// lock, then throws OutputError naming `output` and the holder's pid when known; also
    /// when the lock file cannot be created.
    static OutputLock acquire(const std::filesystem::path& output, std::chrono::milliseconds timeout);

    OutputLock() = default;
    OutputLock(OutputLock&& other) noexcept;
    OutputLock& operator=(OutputLock&& other) noexcept;
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;
    ~OutputLock();

    /// Releases the lock now (removes the lock file); the destructor does the same.
    void release();
    bool held() const { return fd_ >= 0; }

private:
    std::filesystem::path lock_file_;
    int fd_ = -1;
};

}  // namespace artalign
