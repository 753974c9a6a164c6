// Writing an output so that readers see the old version or the complete new one, never a part;
// standard output and special files (devices, FIFOs) written in place.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "util/output_target.hpp"

namespace artalign {

/// An output written by artalign's output policy (docs/outputs.md, "Output policy"); every
/// writer of the library and the command line goes through it.
///
/// - A regular file (new, or existing behind any number of symlinks): a temporary beside the
///   file (beside the symlink's target, so the link stays a link) is written, fsynced and
///   renamed over it by commit(), keeping the old file's mode and, where the process may, owner
///   and group. If commit() is never called (an error, an exception) the temporary is removed
///   and the file stays as it was.
/// - "-": standard output, written as it comes (stdio's buffer is flushed first).
/// - An existing device, FIFO or socket: opened at the first write and written in place; no
///   temporary, no rename. What was written before an error stays written.
class AtomicFile {
public:
    /// Resolves `target` (resolve_output) and, for a regular file, creates the temporary.
    /// Throws OutputError naming `target` when it is a directory, its directory does not exist,
    /// or the temporary cannot be created.
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();

    /// An AtomicFile for `target` holding `content`, written. When `target` is a regular file
    /// that already holds exactly `content`, it is kept rather than replaced: no temporary, no
    /// rename, its modification time set to now (as a rewrite would: make and the like see
    /// it renewed), its inode, links and owner untouched; sync() and commit() still make it
    /// durable. A file whose time this process may not set is replaced as usual. For outputs
    /// re-made by a run over the same inputs (a batch run again), where a replacement would
    /// cost an inode, a rename and the old file's removal. Throws as the constructor and
    /// write() do.
    static std::unique_ptr<AtomicFile> with_content(std::filesystem::path target, std::string_view content);

    /// True when with_content() found the file already holding its content.
    bool kept() const { return kept_; }
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// True when the output is written in place (standard output, a device, FIFO or socket).
    bool in_place() const { return kind_ != OutputKind::file; }

    /// The temporary file, for a writer that opens it by name; only when !in_place() (throws
    /// std::logic_error otherwise: such a writer should use write() and append()).
    const std::filesystem::path& temp_path() const;
    /// As given to the constructor.
    const std::filesystem::path& target() const { return target_; }
    /// The file that is replaced (symlinks followed), or the special file written to.
    const std::filesystem::path& resolved() const { return resolved_; }

    /// Replaces what was written with `content` (in place: writes it; only before any other
    /// write). Throws OutputError naming the target when the write fails (disk full, file size
    /// limit, a closed pipe).
    void write(std::string_view content);

    /// Adds `content` at the end, for files written piece by piece. Throws OutputError naming
    /// the target when the write fails.
    void append(std::string_view content);

    /// fsyncs the temporary: commit() without the rename, for a caller replacing several files
    /// at once that wants every step that can fail done before any target changes. Throws
    /// OutputError when the fsync fails or the target has become a directory. In place: nothing.
    void sync();

    /// Makes the temporary durable with the whole file system it is on (syncfs): for a caller
    /// finishing many files at once, where one syncfs costs what one fsync does. Returns the
    /// file system's device; a later file of the same device that was written before this call
    /// may be marked synced by the caller (mark_synced). Throws OutputError on failure. In
    /// place: nothing (returns 0).
    std::uint64_t sync_file_system();
    /// Records that the temporary is durable (see sync_file_system), so that commit() renames
    /// without an fsync of its own.
    void mark_synced() { synced_ = true; }
    /// The device of the file system holding the temporary (0 in place).
    std::uint64_t device() const;

    /// fsyncs the temporary (unless sync() did since the last write() or append(); a write
    /// through temp_path() after sync() needs another sync()), gives it the old file's mode
    /// and owner, and renames it over the target. In place: closes the special file. Throws
    /// OutputError on failure.
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
    explicit AtomicFile(const OutputTarget& resolved);
    struct Kept {};
    AtomicFile(const OutputTarget& resolved, int fd, Kept);  // a file kept by with_content, open at `fd`
    void open_in_place();
    void flush();  // fsyncs the temporary (sync() without its directory check)
    // Reads the temporary's (or kept file's) device, owner and group, once.
    void read_status() const;
    void write_all(std::string_view content);
    std::string name() const;  // for messages

    std::filesystem::path target_;
    std::filesystem::path resolved_;
    std::filesystem::path temp_;
    OutputKind kind_ = OutputKind::file;
    int fd_ = -1;
    bool written_ = false;
    bool synced_ = false;
    bool committed_ = false;
    bool kept_ = false;
    mutable bool named_ = false;  // temp_path() was asked: the temporary may hold what a writer put there
    // The temporary's (or kept file's) status, once read_status() has read it.
    mutable bool status_read_ = false;
    mutable std::uint64_t device_ = 0;
    mutable std::uint32_t owner_ = 0, group_ = 0;
};

/// Writes `content` to `target` through an AtomicFile. Throws OutputError naming `target`.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

}  // namespace artalign
