// Writing a file so that readers see the old version or the complete new one, never a part.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace artalign {

/// A temporary file beside `target`; commit() flushes it to disk and renames it over `target`.
/// If commit() is never called (an error, an exception) the temporary is removed and `target`
/// stays as it was.
class AtomicFile {
public:
    /// Creates the temporary file. Throws OutputError naming `target` when its directory does
    /// not exist or is not writable.
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Where to write the content.
    const std::filesystem::path& temp_path() const { return temp_; }
    const std::filesystem::path& target() const { return target_; }

    /// Replaces the temporary's content with `content`. Throws OutputError naming the target
    /// when the write fails (disk full, file size limit).
    void write(std::string_view content);

    /// Adds `content` at the end of the temporary, for files written piece by piece. Throws
    /// OutputError naming the target when the write fails.
    void append(std::string_view content);

    /// fsyncs the temporary: commit() without the rename, for a caller replacing several files
    /// at once that wants every step that can fail done before any target changes. Throws
    /// OutputError when the fsync fails or the target has become a directory.
    void sync();

    /// fsyncs the temporary (unless sync() did since the last write() or append(); a write
    /// through temp_path() after sync() needs another sync()) and renames it to the target.
    /// Throws OutputError on failure.
    void commit();

    /// Removes what AtomicFiles for `target` left behind when their process was killed before
    /// commit() or cleanup (SIGKILL, power loss): the hidden temporaries ".NAME.tmp-XXXXXX"
    /// beside it. Only for a caller that knows no other process is writing `target`, such as a
    /// batch run resuming its own journal. Returns how many it removed; a file it cannot remove
    /// is left (a leftover is litter, not damage).
    static std::size_t remove_leftovers(const std::filesystem::path& target);

    /// remove_leftovers for every target in `directory` whose file name `is_target` accepts,
    /// in one pass over the directory: for the many outputs of one run that share a directory
    /// (a batch's per-pair report pages). The same caveat: only `directory`'s own writer may call it.
    static std::size_t remove_leftovers_in(const std::filesystem::path& directory,
                                           const std::function<bool(std::string_view)>& is_target);

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool synced_ = false;
    bool committed_ = false;
};

/// Writes `content` to `target` through an AtomicFile. Throws OutputError naming `target`.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

}  // namespace artalign
