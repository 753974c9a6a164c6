// Internal: bytes read in chunks from a file or from memory, for parsers that stream (TMX).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace artalign {
class InputFile;
}

namespace artalign::detail {

/// A file read chunk by chunk (never whole: a 500 MB memory is read in fixed-size pieces), or
/// text already in memory. It can start over, for readers that pass over the bytes twice. A
/// pipe (a FIFO, "<(zcat memory.tmx.gz)") is read into memory once, when opened, up to
/// kMaxPipedTmxBytes; devices are refused (InputFile).
///
///     ByteSource bytes(path);          // or ByteSource bytes(text, "name")
///     char chunk[4096];
///     while (const std::size_t got = bytes.read(chunk, sizeof chunk)) use(chunk, got);
///     if (bytes.failed()) ...
class ByteSource {
public:
    /// Throws InputError naming `file` when it is missing, a directory, a device, or cannot be
    /// opened; a pipe over kMaxPipedTmxBytes or silent past pipe_wait().
    explicit ByteSource(const std::filesystem::path& file);
    /// `text` must outlive the source; `name` is used in messages.
    ByteSource(std::string_view text, std::string name);
    ~ByteSource();
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    const std::string& name() const { return name_; }
    /// The size in bytes (of a file when opened).
    std::uint64_t size() const { return size_; }

    /// Copies up to `length` next bytes into `buffer`; 0 at the end and after a read error.
    std::size_t read(char* buffer, std::size_t length);
    /// Reads `length` bytes from `offset` into `buffer`; fewer only at the end of the file.
    /// Throws InputError naming the file on a read error.
    std::size_t read_at(std::uint64_t offset, char* buffer, std::size_t length);
    /// Back to the first byte; clears a read error. Throws InputError when a file cannot seek.
    void rewind();
    /// True after a read error; error() says which.
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }

private:
    std::string name_;
    std::unique_ptr<InputFile> input_;  // the file, when streaming one
    int fd_ = -1;                       // its descriptor
    std::string slurped_;    // a file that cannot seek, read whole
    std::string_view text_;  // the bytes in memory (slurped_ or the caller's text)
    std::uint64_t size_ = 0;
    std::uint64_t position_ = 0;
    std::string error_;
};

}  // namespace artalign::detail
