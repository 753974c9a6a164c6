// Sorting more (key, value) entries than memory should hold: sorted runs spilled to temporary
// files, then merged k ways.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace artalign {

/// Entries are ordered by their key bytes (compared as unsigned bytes, as std::string does),
/// and entries with equal keys keep the order they were added in (a stable sort). Entries are
/// held in memory until they take about `run_bytes`; then they are sorted and written as one
/// run to an unlinked temporary file in `directory`, so nothing is left behind whatever ends
/// the process. Whenever kMergeWidth runs of one size have been written they are merged into
/// one bigger run, so that few files are open at once (at most kMergeWidth - 1 a size: 31 up
/// to 32 runs, 62 up to 1024...). drain() merges the runs and the entries still in memory.
/// Memory stays near `run_bytes` plus a read buffer a run, whatever the number of entries; an
/// entry is written to disk once, plus once each time its run is merged into a bigger one.
///
///     ExternalSorter sorter(64 << 20, std::filesystem::temp_directory_path());
///     for (...) sorter.add(order_key, payload);
///     sorter.drain([](std::string_view key, std::string_view value) { ... });
class ExternalSorter {
public:
    static constexpr std::size_t kMergeWidth = 32;

    ExternalSorter(std::size_t run_bytes, std::filesystem::path directory);
    ~ExternalSorter();
    ExternalSorter(const ExternalSorter&) = delete;
    ExternalSorter& operator=(const ExternalSorter&) = delete;

    /// Throws OutputError naming the directory when a run cannot be written (a full disk).
    void add(std::string key, std::string value);

    /// Calls `sink` with every entry in order, once; the sorter is empty afterwards. Throws
    /// OutputError or InputError when a run cannot be written or read back, and whatever
    /// `sink` throws.
    void drain(const std::function<void(std::string_view key, std::string_view value)>& sink);

    /// Entries added so far.
    std::uint64_t entries() const { return entries_; }
    /// Runs written to disk so far, merged ones included (0 when everything fitted in memory).
    std::size_t runs_written() const { return runs_written_; }
    const std::filesystem::path& directory() const { return directory_; }

private:
    class RunFile;
    struct Run {
        std::unique_ptr<RunFile> file;
        int level = 0;  ///< 0: spilled from memory; n + 1: merged from kMergeWidth runs of level n
    };
    void spill();
    /// Merges runs_[first, end) (then, with `with_memory`, the entries in memory) into `sink`.
    void merge(std::size_t first, bool with_memory, const std::function<void(std::string_view, std::string_view)>& sink);

    std::size_t run_bytes_;
    std::filesystem::path directory_;
    std::vector<std::pair<std::string, std::string>> memory_;
    std::size_t memory_bytes_ = 0;
    std::vector<Run> runs_;  // oldest first; levels never increase from one to the next
    std::uint64_t entries_ = 0;
    std::size_t runs_written_ = 0;
};

}  // namespace artalign
