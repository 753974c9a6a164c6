// The batch journal: append + fsync per record; on resume, read it back and cut a torn tail.
#include "batch/journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "artalign/error.hpp"
#include "util/hash.hpp"
#include "util/json_writer.hpp"
#include "util/output_target.hpp"

namespace artalign {
namespace {

constexpr const char* kSchema = "artalign-journal/1";

// The journal's first line, {"schema":"artalign-journal/1"} (without its newline); resume
// compares it byte for byte.
const std::string& journal_header() {
    static const std::string header = JsonWriter().begin_object().key("schema").value(kSchema).end_object().str();
    return header;
}

std::string errno_text() { return std::strerror(errno); }

// fsync the directory so that a newly created journal survives a power loss.
void sync_directory(const std::filesystem::path& file) {
    std::filesystem::path directory = file.parent_path();
    if (directory.empty()) directory = ".";
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// A journal is a regular file: a device, FIFO or directory named as one is never written,
// truncated or removed.
void refuse_special_file(const std::filesystem::path& file) {
    const std::string kind = file_kind_name(file);
    if (kind != "missing" && kind != "a regular file")
        throw OutputError(file.string(), "is " + kind + ", not a journal (a journal is a regular file; give --journal FILE)");
}

// Whether the file holds nothing but the start of a journal header: what a crash between
// creating the journal and writing its header leaves. Such a file is ours to start again.
bool holds_only_a_torn_header(const std::filesystem::path& file) {
    const std::string header = journal_header() + "\n";
    std::ifstream in(file, std::ios::binary);
    std::string start(header.size() + 1, '\0');
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    start.resize(static_cast<std::size_t>(in.gcount()));
    return start.size() < header.size() && header.compare(0, start.size(), start) == 0;
}

}  // namespace

bool is_journal_header(const JsonValue& value) {
    const JsonValue* schema = value.is_object() ? value.find("schema") : nullptr;
    return schema != nullptr && value.members().size() == 1 && schema->is_string() && schema->as_string() == kSchema;
}

Journal::Journal(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}

Journal::Journal(Journal&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_), size_(other.size_), index_(std::move(other.index_)), sorted_(other.sorted_) {
    other.fd_ = -1;
}

Journal::~Journal() {
    if (fd_ >= 0) ::close(fd_);
}

Journal Journal::create(const std::filesystem::path& file) {
    refuse_special_file(file);
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0666);
    if (fd < 0) {
        if (errno == EEXIST)
            throw OutputError(file.string(), "a journal from an earlier run exists: add --resume to continue that run, or delete it");
        throw OutputError(file.string(), "cannot create the journal: " + errno_text());
    }
    Journal journal(file, fd);
    journal.write_all(journal_header() + "\n");
    journal.sync();
    sync_directory(file);
    return journal;
}

Journal Journal::resume(const std::filesystem::path& file) {
    std::error_code error;
    refuse_special_file(file);
    if (!std::filesystem::exists(file, error)) return create(file);
    // Checked before anything else: a file that is not a journal is left exactly as it was.
    const bool torn_header = holds_only_a_torn_header(file);

    // Line by line, so that resuming a long run does not hold its journal in memory.
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string(), "cannot read the journal");
    std::vector<Indexed> index;
    std::uint64_t good_end = 0;
    std::uint64_t start = 0;
    std::size_t line_number = 0;
    std::string line;
    bool torn = false;
    while (std::getline(in, line)) {
        ++line_number;
        const bool complete = !in.eof();  // getline stops at end of file only when the newline is missing
        const std::string where = file.string() + " line " + std::to_string(line_number);
        try {
            if (!complete) throw InputError(where, "torn record (no newline)");
            if (line_number == 1) {
                if (line != journal_header()) throw InputError(file.string(), "not an artalign journal (first line is not its header)");
            } else {
                const PairOutcome outcome = parse_pair_outcome(parse_json(line, where), where);
                index.push_back({hash_bytes(outcome.key), Entry{start, outcome.status}});
            }
        } catch (const InputError&) {
            // A torn last record is what a crash mid-append leaves: cut it off. Anything else is damage.
            if (line_number == 1 && complete) throw;
            if (complete && in.peek() != std::char_traits<char>::eof()) throw;
            torn = true;
            break;
        }
        start += line.size() + 1;
        good_end = start;
    }
    if (in.bad()) throw InputError(file.string(), "cannot read the journal");
    in.close();
    const std::uint64_t file_size = std::filesystem::file_size(file, error);
    if (good_end == 0 && !torn_header)
        throw InputError(file.string(), "not an artalign journal (its first line is not the journal header); left as it was");
    const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0) throw OutputError(file.string(), "cannot open the journal to continue it: " + errno_text());
    Journal journal(file, fd);
    if (good_end == 0) {
        // Not even a whole header made it to disk: start the journal again, in the same file.
        if (::ftruncate(fd, 0) != 0) throw OutputError(file.string(), "cannot start the journal again: " + errno_text());
        journal.write_all(journal_header() + "\n");
        journal.sync();
        return journal;
    }
    if ((torn || good_end < file_size) && ::ftruncate(fd, static_cast<off_t>(good_end)) != 0)
        throw OutputError(file.string(), "cannot cut off the torn last record: " + errno_text());
    journal.size_ = good_end;
    journal.index_ = std::move(index);
    journal.sorted_ = false;
    return journal;
}

void Journal::write_all(const std::string& bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t result = ::write(fd_, bytes.data() + written, bytes.size() - written);
        if (result < 0) {
            if (errno == EINTR) continue;
            throw OutputError(path_.string(), "cannot append to the journal: " + errno_text());
        }
        written += static_cast<std::size_t>(result);
    }
    size_ += bytes.size();
}

void Journal::sync() const {
    if (::fsync(fd_) != 0) throw OutputError(path_.string(), "cannot flush the journal to disk: " + errno_text());
}

void Journal::append(const PairOutcome& outcome) {
    write(outcome);
    sync();
}

void Journal::write(const PairOutcome& outcome) {
    const std::uint64_t offset = size_;
    write_all(pair_outcome_json(outcome) + "\n");
    index_.push_back({hash_bytes(outcome.key), Entry{offset, outcome.status}});
    sorted_ = false;
}

void Journal::sort_index() const {
    if (sorted_) return;
    std::sort(index_.begin(), index_.end(), [](const Indexed& a, const Indexed& b) {
        return a.hash != b.hash ? a.hash < b.hash : a.entry.offset < b.entry.offset;
    });
    sorted_ = true;
}

std::optional<Journal::Entry> Journal::find(const std::string& key) const {
    sort_index();
    const std::uint64_t hash = hash_bytes(key);
    // The last record of the key is the one furthest into the file.
    auto last = std::upper_bound(index_.begin(), index_.end(), hash, [](std::uint64_t h, const Indexed& item) { return h < item.hash; });
    if (last == index_.begin() || std::prev(last)->hash != hash) return std::nullopt;
    return std::prev(last)->entry;
}

std::size_t Journal::size() const {
    sort_index();
    std::size_t distinct = 0;
    for (std::size_t k = 0; k < index_.size(); ++k) distinct += (k == 0 || index_[k].hash != index_[k - 1].hash) ? 1 : 0;
    return distinct;
}

PairOutcome Journal::read(const std::string& key, const Entry& entry) const {
    const std::string where = path_.string() + " at byte " + std::to_string(entry.offset);
    std::ifstream in(path_, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(entry.offset));
    std::string line;
    if (!in || !std::getline(in, line)) throw InputError(where, "cannot read the journal record");
    PairOutcome outcome = parse_pair_outcome(parse_json(line, where), where);
    if (outcome.key != key)
        throw InputError(where, "expected the record of " + key + ", found " + outcome.key +
                                    " (their keys share a hash: delete the journal and run again)");
    return outcome;
}

}  // namespace artalign
