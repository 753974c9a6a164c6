// Atomic replacement of output files: write a temporary beside the target, fsync, rename.
#include "artalign/atomic_file.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
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

void AtomicFile::write(std::string_view content) { write_all(temp_, O_WRONLY | O_TRUNC, content, target_); }

void AtomicFile::append(std::string_view content) { write_all(temp_, O_WRONLY | O_APPEND, content, target_); }

void AtomicFile::commit() {
    const int fd = ::open(temp_.c_str(), O_RDONLY);
    if (fd < 0 || ::fsync(fd) != 0) {
        const std::string reason = std::strerror(errno);
        if (fd >= 0) ::close(fd);
        throw OutputError(target_.string(), "cannot flush to disk: " + reason);
    }
    ::close(fd);
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

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
    AtomicFile file(target);
    {
        std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.close();
        if (!out) throw OutputError(target.string(), "write failed (disk full or file not writable?)");
    }
    file.commit();
}

}  // namespace artalign
