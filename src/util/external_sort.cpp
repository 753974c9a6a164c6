// Sorted runs in unlinked temporary files and their k-way merge.
#include "util/external_sort.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <queue>

#include "artalign/error.hpp"

namespace artalign {

namespace {

constexpr std::size_t kFileBuffer = std::size_t{1} << 20;
// What an entry held in memory costs beyond its bytes: the pair of strings and their headers.
constexpr std::size_t kEntryOverhead = sizeof(std::pair<std::string, std::string>) + 16;

bool key_less(std::string_view a, std::string_view b) { return a < b; }

}  // namespace

// One run: entries written in order, then read back from the start. The file is unlinked as
// soon as it is created, so it goes with its descriptor.
class ExternalSorter::RunFile {
public:
    explicit RunFile(const std::filesystem::path& directory) {
        std::string pattern = (directory / "artalign-sort-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0)
            throw OutputError(directory.string(), std::string("cannot create a temporary file for sorting: ") +
                                                      std::strerror(errno) + " (set TMPDIR to a directory with room)");
        name_ = pattern;
        ::unlink(name_.c_str());
        file_ = ::fdopen(fd, "w+b");
        if (file_ == nullptr) {
            ::close(fd);
            throw OutputError(name_, "cannot open a temporary file for sorting");
        }
        std::setvbuf(file_, nullptr, _IOFBF, kFileBuffer);
    }
    ~RunFile() {
        if (file_ != nullptr) std::fclose(file_);
    }
    RunFile(const RunFile&) = delete;
    RunFile& operator=(const RunFile&) = delete;

    void write(std::string_view key, std::string_view value) {
        const std::uint64_t lengths[2] = {key.size(), value.size()};
        if (std::fwrite(lengths, sizeof lengths, 1, file_) != 1 || std::fwrite(key.data(), 1, key.size(), file_) != key.size() ||
            std::fwrite(value.data(), 1, value.size(), file_) != value.size())
            write_failed();
    }

    /// Ends writing; reading starts at the first entry.
    void rewind() {
        if (std::fflush(file_) != 0) write_failed();
        if (std::fseek(file_, 0, SEEK_SET) != 0) throw InputError(name_, std::string("cannot seek: ") + std::strerror(errno));
    }

    /// The next entry into key() and value(); false at the end.
    bool next() {
        std::uint64_t lengths[2];
        const std::size_t got = std::fread(lengths, 1, sizeof lengths, file_);
        if (got == 0 && std::feof(file_)) return false;
        if (got != sizeof lengths) read_failed();
        key_.resize(lengths[0]);
        value_.resize(lengths[1]);
        if (std::fread(key_.data(), 1, key_.size(), file_) != key_.size() ||
            std::fread(value_.data(), 1, value_.size(), file_) != value_.size())
            read_failed();
        return true;
    }
    const std::string& key() const { return key_; }
    const std::string& value() const { return value_; }

private:
    [[noreturn]] void write_failed() const {
        throw OutputError(name_, std::string("cannot write a sorted run: ") + std::strerror(errno) +
                                     " (set TMPDIR to a directory with room)");
    }
    [[noreturn]] void read_failed() const {
        throw InputError(name_, std::ferror(file_) ? std::string("cannot read a sorted run back: ") + std::strerror(errno)
                                                   : std::string("a sorted run ends early"));
    }

    std::string name_;
    std::FILE* file_ = nullptr;
    std::string key_, value_;
};

ExternalSorter::ExternalSorter(std::size_t run_bytes, std::filesystem::path directory)
    : run_bytes_(std::max<std::size_t>(run_bytes, 1)), directory_(std::move(directory)) {}

ExternalSorter::~ExternalSorter() = default;

void ExternalSorter::add(std::string key, std::string value) {
    memory_bytes_ += key.size() + value.size() + kEntryOverhead;
    memory_.emplace_back(std::move(key), std::move(value));
    ++entries_;
    if (memory_bytes_ >= run_bytes_) spill();
}

void ExternalSorter::spill() {
    std::stable_sort(memory_.begin(), memory_.end(), [](const auto& a, const auto& b) { return key_less(a.first, b.first); });
    auto run = std::make_unique<RunFile>(directory_);
    for (const auto& [key, value] : memory_) run->write(key, value);
    run->rewind();
    runs_.push_back(Run{std::move(run), 0});
    ++runs_written_;
    memory_.clear();
    memory_bytes_ = 0;
    // kMergeWidth runs of one level at the end become one of the next level (consecutive runs:
    // equal keys keep their order).
    while (runs_.size() >= kMergeWidth) {
        const std::size_t first = runs_.size() - kMergeWidth;
        if (runs_[first].level != runs_.back().level) break;
        auto merged = std::make_unique<RunFile>(directory_);
        merge(first, false, [&](std::string_view key, std::string_view value) { merged->write(key, value); });
        merged->rewind();
        const int level = runs_.back().level + 1;
        runs_.resize(first);
        runs_.push_back(Run{std::move(merged), level});
        ++runs_written_;
    }
}

void ExternalSorter::merge(std::size_t first, bool with_memory,
                           const std::function<void(std::string_view, std::string_view)>& sink) {
    // Source i < runs_.size() is a run; source runs_.size() is the memory. On equal keys the
    // lower source, which was added earlier, comes first: the merge is stable.
    const std::size_t memory_source = runs_.size();
    std::size_t memory_next = 0;
    const auto key_of = [&](std::size_t source) -> std::string_view {
        return source == memory_source ? std::string_view(memory_[memory_next].first) : std::string_view(runs_[source].file->key());
    };
    const auto later = [&](std::size_t a, std::size_t b) {
        const std::string_view key_a = key_of(a), key_b = key_of(b);
        if (key_a != key_b) return key_less(key_b, key_a);
        return a > b;
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heads(later);
    for (std::size_t k = first; k < runs_.size(); ++k) {
        if (runs_[k].file->next()) heads.push(k);
    }
    if (with_memory && !memory_.empty()) heads.push(memory_source);
    while (!heads.empty()) {
        const std::size_t source = heads.top();
        heads.pop();
        if (source == memory_source) {
            sink(memory_[memory_next].first, memory_[memory_next].second);
            if (++memory_next < memory_.size()) heads.push(source);
        } else {
            sink(runs_[source].file->key(), runs_[source].file->value());
            if (runs_[source].file->next()) heads.push(source);
        }
    }
}

void ExternalSorter::drain(const std::function<void(std::string_view key, std::string_view value)>& sink) {
    std::stable_sort(memory_.begin(), memory_.end(), [](const auto& a, const auto& b) { return key_less(a.first, b.first); });
    merge(0, true, sink);
    runs_.clear();
    memory_.clear();
    memory_bytes_ = 0;
}

}  // namespace artalign
