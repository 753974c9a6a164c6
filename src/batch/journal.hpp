// The journal of a batch run: one JSON line a finished pair, appended and fsynced as each pair
// finishes, so that an interrupted run resumes without losing or repeating work.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch/pair_outcome.hpp"

namespace artalign {

/// Whether `value` is the header line a journal starts with ({"schema":"artalign-journal/1"}),
/// which holds no pair (a reader of the pair lines, such as merge, passes over it).
bool is_journal_header(const JsonValue& value);

/// An append-only file: a header line {"schema":"artalign-journal/1"} and then one
/// pair_outcome_json line per finished pair, in the order pairs finished. A pair may appear
/// more than once (a failed pair retried on resume); its last record counts. Each append is
/// written whole and fsynced before append() returns, so after a crash or power loss the
/// journal holds every pair whose append returned, plus at most one torn last line, which
/// open() cuts off. Not thread-safe: callers serialise append().
class Journal {
public:
    struct Entry {
        std::uint64_t offset = 0;  ///< byte offset of the record's line
        PairStatus status = PairStatus::failed;
    };

    /// Starts a new journal at `file`. Throws OutputError naming it when it exists already
    /// (an earlier run to resume or delete), is not a regular file, or cannot be created.
    static Journal create(const std::filesystem::path& file);

    /// Opens an existing journal to continue it (a missing one is created). Reads every
    /// record, cuts off a torn last line, and throws InputError naming the file and line when
    /// any other line is damaged or the file is not a journal; a file that holds only the start
    /// of a header (a crash right after creating it) is started again. A file that is not a
    /// journal, or not a regular file (OutputError), is never changed or removed.
    static Journal resume(const std::filesystem::path& file);

    Journal(Journal&& other) noexcept;
    Journal& operator=(Journal&&) = delete;
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;
    ~Journal();

    /// Appends the outcome's record and fsyncs. Throws OutputError naming the file.
    void append(const PairOutcome& outcome);

    /// append() in two steps, so that threads need not wait for each other's fsync: write()
    /// appends the record (callers serialise it), sync() fsyncs everything written so far and
    /// may run in any thread, alongside write(). A record is durable once a sync() begun after
    /// its write() returns. Both throw OutputError naming the file.
    void write(const PairOutcome& outcome);
    void sync() const;

    /// Where the last record of `key` is, if the journal has one. Records are indexed by a
    /// 64-bit hash of their key (24 bytes a record in memory): read() checks the key.
    std::optional<Entry> find(const std::string& key) const;

    /// Number of distinct pairs recorded.
    std::size_t size() const;

    /// Reads back the record of `key` at `entry`. Throws InputError when it cannot be read or
    /// is another pair's (two keys with one hash: delete the journal and run again).
    PairOutcome read(const std::string& key, const Entry& entry) const;

    const std::filesystem::path& path() const { return path_; }

private:
    Journal(std::filesystem::path path, int fd);
    void write_all(const std::string& bytes);  // no fsync

    std::filesystem::path path_;
    int fd_ = -1;
    std::uint64_t size_ = 0;
    struct Indexed {
        std::uint64_t hash;
        Entry entry;
    };
    void sort_index() const;

    // Appended in journal order; sorted by (hash, offset) on the first lookup after an append.
    mutable std::vector<Indexed> index_;
    mutable bool sorted_ = true;
};

}  // namespace artalign
