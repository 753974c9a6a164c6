// A whole file mapped read-only into memory: for the data files artalign itself builds and
// replaces atomically (the lexicon index), read at every start without a copy.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>

namespace artalign {

/// A regular file's bytes, mapped read-only and shared with the page cache: a start touches
/// only the pages it reads and copies none. Not for files others edit in place: one cut short
/// while it is mapped would fault on access (artalign's own data files are only ever replaced
/// by a rename, which leaves the mapped file whole).
class MappedFile {
public:
    /// The file's contents, or nullopt when it cannot be opened, is not a regular file, or
    /// cannot be mapped. An empty file gives an empty view.
    static std::optional<MappedFile> open(const std::filesystem::path& file);

    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    /// The first byte, aligned to a page: the bytes may be viewed as any fundamental type.
    const void* data() const { return data_; }
    std::size_t size() const { return size_; }

private:
    MappedFile(void* data, std::size_t size) : data_(data), size_(size) {}
    void* data_ = nullptr;  // nullptr for an empty file
    std::size_t size_ = 0;
};

}  // namespace artalign
