// Mapping a whole file read-only (mmap), unmapped with its owner.
#include "util/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace artalign {

std::optional<MappedFile> MappedFile::open(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return std::nullopt;
    struct stat status {};
    void* data = nullptr;
    bool usable = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size >= 0;
    const auto size = static_cast<std::size_t>(status.st_size);
    if (usable && size > 0) {
        data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        usable = data != MAP_FAILED;
    }
    ::close(fd);  // the mapping keeps the file
    if (!usable) return std::nullopt;
    return MappedFile(size > 0 ? data : nullptr, size);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        if (data_) ::munmap(data_, size_);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(data_, size_);
}

}  // namespace artalign
