// Chunked reading of files (POSIX read and pread) and of text in memory.
#include "read/byte_source.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "artalign/error.hpp"
#include "read/input_file.hpp"
#include "util/limits.hpp"

namespace artalign::detail {

ByteSource::ByteSource(const std::filesystem::path& file) : name_(file.string()) {
    InputRules rules;
    rules.allow_pipe = true;  // a TMX is named on the command line (validate, --append)
    rules.max_bytes = kMaxPipedTmxBytes;
    rules.what = "the piped input";
    auto input = std::make_unique<InputFile>(file, rules);
    if (input->is_regular()) {
        fd_ = input->descriptor();
        size_ = input->size();
        input_ = std::move(input);
        return;
    }
    // A pipe: read it whole now (it cannot be opened twice), within the limit, so that it can
    // be read again.
    slurped_ = read_whole_input(*input, rules);
    text_ = slurped_;
    size_ = text_.size();
}

ByteSource::ByteSource(std::string_view text, std::string name) : name_(std::move(name)), text_(text), size_(text.size()) {}

ByteSource::~ByteSource() = default;

std::size_t ByteSource::read(char* buffer, std::size_t length) {
    if (failed()) return 0;
    if (fd_ < 0) {
        const std::size_t count = std::min<std::uint64_t>(length, size_ - position_);
        std::memcpy(buffer, text_.data() + position_, count);
        position_ += count;
        return count;
    }
    for (;;) {
        const ssize_t got = ::read(fd_, buffer, length);
        if (got >= 0) {
            position_ += static_cast<std::uint64_t>(got);
            return static_cast<std::size_t>(got);
        }
        if (errno != EINTR) {
            error_ = std::string("read failed: ") + std::strerror(errno);
            return 0;
        }
    }
}

std::size_t ByteSource::read_at(std::uint64_t offset, char* buffer, std::size_t length) {
    if (fd_ < 0) {
        if (offset >= size_) return 0;
        const std::size_t count = std::min<std::uint64_t>(length, size_ - offset);
        std::memcpy(buffer, text_.data() + offset, count);
        return count;
    }
    std::size_t done = 0;
    while (done < length) {
        const ssize_t got = ::pread(fd_, buffer + done, length - done, static_cast<off_t>(offset + done));
        if (got == 0) break;
        if (got < 0) {
            if (errno == EINTR) continue;
            throw InputError(name_, std::string("read failed: ") + std::strerror(errno));
        }
        done += static_cast<std::size_t>(got);
    }
    return done;
}

void ByteSource::rewind() {
    error_.clear();
    position_ = 0;
    if (fd_ >= 0 && ::lseek(fd_, 0, SEEK_SET) != 0)
        throw InputError(name_, std::string("cannot read it again: ") + std::strerror(errno));
}

}  // namespace artalign::detail
