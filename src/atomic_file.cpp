// Atomic replacement of output files: write a temporary beside the target, fsync, rename.
#include "artalign/atomic_file.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "artalign/error.hpp"

namespace artalign {

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
    std::filesystem::path directory = target_.parent_path();
    if (directory.empty()) directory = ".";
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error))
        throw OutputError(target_.string(), "directory " + directory.string() + " does not exist");
    if (std::filesystem::is_directory(target_, error)) throw OutputError(target_.string(), "is a directory");

    std::string hidden_name = ".";  // built step by step: GCC 12 -O3 warns (-Wrestrict) on "." + string
    hidden_name += target_.filename().string();
    hidden_name += ".tmp-XXXXXX";
    const std::string pattern = (directory / hidden_name).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = mkstemp(name.data());
    if (fd < 0) throw OutputError(target_.string(), std::string("cannot create a temporary file: ") + std::strerror(errno));
    ::close(fd);
    temp_ = name.data();
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        std::error_code ignored;
        std::filesystem::remove(temp_, ignored);
    }
}

namespace {

// Writes all of `content` to the file at `path` opened with `flags`; a failure names `target`.
void write_all(const std::filesystem::path& path, int flags, std::string_view content, const std::filesystem::path& target) {
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0) throw OutputError(target.string(), std::string("cannot write the temporary file: ") + std::strerror(errno));
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t written = ::write(fd, content.data() + done, content.size() - done);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            const std::string reason = written < 0 ? std::strerror(errno) : "nothing written";
            ::close(fd);
            throw OutputError(target.string(), "write failed: " + reason);
        }
        done += static_cast<std::size_t>(written);
    }
    if (::close(fd) != 0) throw OutputError(target.string(), std::string("write failed: ") + std::strerror(errno));
}

}  // namespace

void AtomicFile::write(std::string_view content) {
    synced_ = false;
    write_all(temp_, O_WRONLY | O_TRUNC, content, target_);
}

void AtomicFile::append(std::string_view content) {
    synced_ = false;
    write_all(temp_, O_WRONLY | O_APPEND, content, target_);
}

void AtomicFile::sync() {
    const int fd = ::open(temp_.c_str(), O_RDONLY);
    if (fd < 0 || ::fsync(fd) != 0) {
        const std::string reason = std::strerror(errno);
        if (fd >= 0) ::close(fd);
        throw OutputError(target_.string(), "cannot flush to disk: " + reason);
    }
    ::close(fd);
    // The rename would fail on it: say so now, while nothing has been replaced.
    std::error_code error;
    if (std::filesystem::is_directory(target_, error)) throw OutputError(target_.string(), "is a directory");
    synced_ = true;
}

void AtomicFile::commit() {
    if (!synced_) sync();
    // Keep the permissions an existing file had; a new file gets the usual 0666 & ~umask.
    std::error_code error;
    if (std::filesystem::exists(target_, error)) {
        std::filesystem::permissions(temp_, std::filesystem::status(target_, error).permissions(), error);
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        std::filesystem::permissions(temp_, static_cast<std::filesystem::perms>(0666 & ~mask), error);
    }
    if (std::rename(temp_.c_str(), target_.c_str()) != 0)
        throw OutputError(target_.string(), std::string("cannot rename the finished file into place: ") + std::strerror(errno));
    committed_ = true;
}

std::size_t AtomicFile::remove_leftovers(const std::filesystem::path& target) {
    std::filesystem::path directory = target.parent_path();
    if (directory.empty()) directory = ".";
    const std::string target_name = target.filename().string();
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
