// The output policy: regular files replaced atomically (temporary beside the target, fsync,
// rename), standard output and special files written in place.
#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "artalign/error.hpp"

namespace artalign {

namespace {

std::string errno_text() { return std::strerror(errno); }

// The process's umask, read once (umask() can only be read by setting it, which another thread
// creating a file at that moment would notice).
mode_t process_umask() {
    static const mode_t mask = [] {
        const mode_t value = ::umask(0);
        ::umask(value);
        return value;
    }();
    return mask;
}

// An open descriptor of `file` when it is a regular file holding exactly `content` and this
// process may renew its modification time, which it then does; -1 otherwise.
int open_if_holding(const std::filesystem::path& file, std::string_view content) {
    // O_NONBLOCK: should the name have become a FIFO since it was resolved, do not wait on it.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) return -1;
    struct stat status {};
    bool same = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) &&
                static_cast<std::uint64_t>(status.st_size) == content.size();
    char buffer[1 << 14];
    for (std::size_t at = 0; same && at < content.size();) {
        const ssize_t got = ::pread(fd, buffer, std::min(sizeof buffer, content.size() - at), static_cast<off_t>(at));
        if (got < 0 && errno == EINTR) continue;
        same = got > 0 && std::memcmp(buffer, content.data() + at, static_cast<std::size_t>(got)) == 0;
        at += got > 0 ? static_cast<std::size_t>(got) : 0;
    }
    if (same) same = ::futimens(fd, nullptr) == 0;
    if (!same) {
        ::close(fd);
        return -1;
    }
    return fd;
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : AtomicFile(resolve_output(target)) {}

AtomicFile::AtomicFile(const OutputTarget& resolved)
    : target_(resolved.given), resolved_(resolved.path), kind_(resolved.kind) {
    if (in_place()) return;  // opened at the first write: a FIFO blocks until it has a reader
    std::filesystem::path directory = resolved_.parent_path();
    if (directory.empty()) directory = ".";
    std::string hidden_name = ".";  // built step by step: GCC 12 -O3 warns (-Wrestrict) on "." + string
    hidden_name += resolved_.filename().string();
    hidden_name += ".tmp-XXXXXX";
    const std::string pattern = (directory / hidden_name).string();
    std::vector<char> name_buffer(pattern.begin(), pattern.end());
    name_buffer.push_back('\0');
    fd_ = ::mkostemp(name_buffer.data(), O_APPEND | O_CLOEXEC);
    if (fd_ < 0) {
        const std::string why = errno_text();
        // Looked at only now: a stat of the directory up front would cost every output a call.
        std::error_code error;
        if (!std::filesystem::is_directory(directory, error))
            throw OutputError(name(), "directory " + directory.string() + " does not exist");
        throw OutputError(name(), "cannot create a temporary file: " + why);
    }
    temp_ = name_buffer.data();
}

AtomicFile::AtomicFile(const OutputTarget& resolved, int fd, Kept)
    : target_(resolved.given), resolved_(resolved.path), kind_(OutputKind::file), fd_(fd), written_(true), kept_(true) {}

std::unique_ptr<AtomicFile> AtomicFile::with_content(std::filesystem::path target, std::string_view content) {
    const OutputTarget resolved = resolve_output(target);
    if (resolved.kind == OutputKind::file && resolved.exists) {
        if (const int fd = open_if_holding(resolved.path, content); fd >= 0)
            return std::unique_ptr<AtomicFile>(new AtomicFile(resolved, fd, Kept{}));
    }
    std::unique_ptr<AtomicFile> file(new AtomicFile(resolved));
    file->write(content);
    return file;
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0 && kind_ != OutputKind::standard_output) ::close(fd_);
    if (!in_place() && !committed_ && !kept_) {
        std::error_code ignored;
        std::filesystem::remove(temp_, ignored);
    }
}

std::string AtomicFile::name() const { return output_display_name(target_); }

const std::filesystem::path& AtomicFile::temp_path() const {
    if (in_place()) throw std::logic_error("AtomicFile::temp_path for an output written in place");
    if (kept_) throw std::logic_error("AtomicFile::temp_path for a kept file");
    named_ = true;
    return temp_;
}

void AtomicFile::open_in_place() {
    if (fd_ >= 0) return;
    if (kind_ == OutputKind::standard_output) {
        std::fflush(stdout);  // what stdio holds goes first
        fd_ = STDOUT_FILENO;
        return;
    }
    fd_ = ::open(resolved_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0) throw OutputError(name(), "cannot open for writing: " + errno_text());
}

void AtomicFile::write_all(std::string_view content) {
    if (in_place()) open_in_place();
    synced_ = false;
    written_ = true;
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t written = ::write(fd_, content.data() + done, content.size() - done);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) throw OutputError(name(), "write failed: " + (written < 0 ? errno_text() : "nothing written"));
        done += static_cast<std::size_t>(written);
    }
}

void AtomicFile::write(std::string_view content) {
    if (in_place()) {
        if (written_) throw std::logic_error("AtomicFile::write after a write to an output written in place");
    } else if (kept_) {
        throw std::logic_error("AtomicFile::write to a kept file");
    } else if ((written_ || named_) && ::ftruncate(fd_, 0) != 0) {  // a new temporary is empty
        throw OutputError(name(), "write failed: " + errno_text());
    }
    write_all(content);
}

void AtomicFile::append(std::string_view content) {
    if (kept_) throw std::logic_error("AtomicFile::append to a kept file");
    write_all(content);
}

void AtomicFile::flush() {
    if (::fsync(fd_) != 0) throw OutputError(name(), "cannot flush to disk: " + errno_text());
    synced_ = true;
}

void AtomicFile::sync() {
    if (in_place()) return;
    flush();
    // The rename would fail on it: say so now, while nothing has been replaced.
    std::error_code error;
    if (std::filesystem::is_directory(resolved_, error)) throw OutputError(name(), "is a directory");
}

void AtomicFile::read_status() const {
    if (status_read_) return;
    struct stat status {};
    if (::fstat(fd_, &status) != 0) throw OutputError(name(), "cannot read the temporary's status: " + errno_text());
    device_ = static_cast<std::uint64_t>(status.st_dev);
    owner_ = status.st_uid;
    group_ = status.st_gid;
    status_read_ = true;
}

std::uint64_t AtomicFile::device() const {
    if (in_place()) return 0;
    read_status();
    return device_;
}

std::uint64_t AtomicFile::sync_file_system() {
    if (in_place()) return 0;
    // syncfs reports a failed writeback of any file of the file system since Linux 5.8.
    if (::syncfs(fd_) != 0) throw OutputError(name(), "cannot flush to disk: " + errno_text());
    synced_ = true;  // commit() still says so, before any rename, should the target be a directory now
    return device();
}

void AtomicFile::commit() {
    if (in_place()) {
        open_in_place();  // nothing written is still an (empty) output
        if (kind_ != OutputKind::standard_output) {
            const int fd = fd_;
            fd_ = -1;
            if (::close(fd) != 0) throw OutputError(name(), "write failed: " + errno_text());
        }
        committed_ = true;
        return;
    }
    if (kept_) {  // already in place; made durable here
        if (!synced_) sync();
        const int fd = fd_;
        fd_ = -1;
        ::close(fd);
        committed_ = true;
        return;
    }
    // Keep the mode an existing file had, and its owner and group where this process may set
    // them (owner first: chown clears set-user-ID bits); a new file gets 0666 & ~umask. The
    // temporary is 0600 and this process's: a call only for what differs.
    // The fsync alone: the stat below also says whether the target has become a directory.
    if (!synced_) flush();
    struct stat old {};
    const bool exists = ::stat(resolved_.c_str(), &old) == 0;
    if (exists && S_ISDIR(old.st_mode)) throw OutputError(name(), "is a directory");
    if (exists && S_ISREG(old.st_mode)) {
        read_status();
        if ((old.st_uid != owner_ || old.st_gid != group_) && ::fchown(fd_, old.st_uid, old.st_gid) != 0) {
            [[maybe_unused]] const int group_only = ::fchown(fd_, static_cast<uid_t>(-1), old.st_gid);
        }
        if ((old.st_mode & 07777) != 0600) ::fchmod(fd_, old.st_mode & 07777);
    } else {
        ::fchmod(fd_, 0666 & ~process_umask());
    }
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) throw OutputError(name(), "write failed: " + errno_text());
    if (std::rename(temp_.c_str(), resolved_.c_str()) != 0)
        throw OutputError(name(), "cannot rename the finished file into place: " + errno_text());
    committed_ = true;
}

std::size_t AtomicFile::remove_leftovers(const std::filesystem::path& target) {
    const OutputTarget resolved = resolve_output(target);
    if (resolved.kind != OutputKind::file) return 0;  // nothing is ever written beside those
    std::filesystem::path directory = resolved.path.parent_path();
    if (directory.empty()) directory = ".";
    const std::string target_name = resolved.path.filename().string();
    return remove_leftovers_in(directory, [&target_name](std::string_view name) { return name == target_name; });
}

std::size_t AtomicFile::remove_leftovers_in(const std::filesystem::path& directory,
                                            const std::function<bool(std::string_view)>& is_target) {
    constexpr std::string_view kInfix = ".tmp-";
    constexpr std::size_t kRandom = 6;  // mkstemp's six characters end the name, and nothing else
    std::size_t removed = 0;
    std::error_code error;
    for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        // ".NAME.tmp-XXXXXX", as the constructor makes it, NAME not empty.
        if (name.size() < 1 + 1 + kInfix.size() + kRandom || name.front() != '.') continue;
        const std::size_t infix_at = name.size() - kRandom - kInfix.size();
        if (std::string_view(name).substr(infix_at, kInfix.size()) != kInfix) continue;
        if (!is_target(std::string_view(name).substr(1, infix_at - 1))) continue;
        std::error_code ignored;
        if (it->is_regular_file(ignored) && std::filesystem::remove(it->path(), ignored)) ++removed;
    }
    return removed;
}

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
    AtomicFile file(target);
    file.write(content);
    file.commit();
}

}  // namespace artalign
