// Outcome lines into their merged order through sorted runs on disk, one record kept a pair.
#include "batch/outcome_merge.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "artalign/error.hpp"
#include "batch/journal.hpp"
#include "util/external_sort.hpp"
#include "util/json_reader.hpp"
#include "util/limits.hpp"
#include "util/unit_set.hpp"

namespace artalign {

namespace {

void append_big_endian(std::string& out, std::uint64_t value) {
    for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

// The bytes of a double, ordered as the numbers are (negative ones with every bit flipped,
// others with the sign bit set). -0 and 0 compare equal, so they get the same bytes.
void append_ordered_number(std::string& out, double number) {
    if (number == 0.0) number = 0.0;
    std::uint64_t bits = 0;
    static_assert(sizeof bits == sizeof number);
    std::memcpy(&bits, &number, sizeof bits);
    bits = (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
    append_big_endian(out, bits);
}

// Text whose bytes compare as the text does even with more bytes after it: 0x00 escaped as
// 00 01, then 00 00 to end it.
void append_ordered_text(std::string& out, std::string_view text) {
    for (const char c : text) {
        out.push_back(c);
        if (c == '\0') out.push_back('\x01');
    }
    out.append(2, '\0');
}

// The sort key of an outcome: its id's rank (number, string, none), the id, then the input
// position, so that bytewise order is merge's order and no two keys are equal.
std::string order_key(const PairOutcome& outcome, std::uint64_t sequence) {
    std::string key;
    if (outcome.id && outcome.id->is_number()) {
        key.push_back('\0');
        append_ordered_number(key, outcome.id->as_number());
    } else if (outcome.id && outcome.id->is_string()) {
        key.push_back('\x01');
        append_ordered_text(key, outcome.id->as_string());
    } else {
        key.push_back('\x02');
    }
    append_big_endian(key, sequence);
    return key;
}

// The JSON objects of a line on which several were run together ("{...}{...}": files without a
// final newline joined by cat), or nothing when the line is not that. Only finds where each
// object ends (strings and nesting followed); parse_json judges each piece.
std::vector<std::string_view> split_joined_objects(std::string_view line) {
    std::vector<std::string_view> pieces;
    const auto skip_space = [&](std::size_t at) {
        while (at < line.size() && (line[at] == ' ' || line[at] == '\t' || line[at] == '\r')) ++at;
        return at;
    };
    std::size_t start = skip_space(0);
    int depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t at = start; at < line.size(); ++at) {
        const char c = line[at];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (at == start && c != '{') return {};
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') ++depth;
        else if ((c == '}' || c == ']') && --depth == 0) {
            pieces.push_back(line.substr(start, at + 1 - start));
            start = skip_space(at + 1);
            if (start == line.size()) break;
            at = start - 1;
        } else if (depth <= 0) {
            return {};
        }
    }
    if (start != line.size() || pieces.size() < 2) return {};
    return pieces;
}

}  // namespace

std::size_t merge_run_bytes(std::size_t fallback) {
    const char* text = std::getenv("ARTALIGN_MERGE_RUN_BYTES");
    if (text == nullptr || *text == '\0') return fallback;
    char* end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0' || value == 0) return fallback;
    return static_cast<std::size_t>(value);
}

struct OutcomeMerge::State {
    explicit State(const OutcomeMergeOptions& options) : sorter(options.run_bytes, options.run_directory) {}

    ExternalSorter sorter;   // order key -> the record's JSON text
    UnitSet succeeded;       // pair keys with a record that did not fail (key, "")
    std::uint64_t records = 0;
};

OutcomeMerge::OutcomeMerge(OutcomeMergeOptions options) : options_(std::move(options)) {
    if (options_.run_directory.empty()) {
        std::error_code error;  // TMPDIR naming no directory: the runs say so when they fail
        options_.run_directory = std::filesystem::temp_directory_path(error);
        if (error) options_.run_directory = std::getenv("TMPDIR") != nullptr ? std::getenv("TMPDIR") : "/tmp";
    }
    state_ = std::make_unique<State>(options_);
}

OutcomeMerge::~OutcomeMerge() = default;

std::uint64_t OutcomeMerge::records() const { return state_->records; }

std::size_t OutcomeMerge::runs_on_disk() const { return state_->sorter.runs_written(); }

void OutcomeMerge::read(InputFile& in) {
    LineReader lines(in, record_line_limit());
    std::string line;
    for (LineReader::Status status; (status = lines.next(line)) != LineReader::Status::end;) {
        const std::string where = in.name() + " line " + std::to_string(lines.number());
        if (status == LineReader::Status::line) {
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            // A TMX given by mistake is named as such, and never parsed as XML (no entity is
            // expanded); never skipped as a bad line, as every line of it would be.
            const std::size_t first = line.find_first_not_of(" \t\r\xEF\xBB\xBF");  // a byte-order mark too
            if (state_->records == 0 && first != std::string::npos && line[first] == '<')
                throw InputError(where, "this is XML (a TMX memory?), not the JSON lines of artalign stream that merge reads");
        }
        try {
            if (status == LineReader::Status::too_long)
                throw InputError(where, "the line is over the " + describe_size(lines.max_line()) + " limit for one record");
            add_line(line, where);
        } catch (const InputError& error) {
            if (!options_.skip_bad_lines) throw;
            ++skipped_lines_;
            if (options_.on_bad_line) options_.on_bad_line(error.what());
        }
    }
}

void OutcomeMerge::add_line(std::string_view line, const std::string& where) {
    JsonValue value;
    try {
        value = parse_json(line, where);
    } catch (const InputError&) {
        const std::vector<std::string_view> pieces = split_joined_objects(line);
        if (pieces.empty()) throw;
        std::vector<JsonValue> values;  // a piece's error is reported: it is what is wrong
        for (const std::string_view piece : pieces) values.push_back(parse_json(piece, where));
        for (std::size_t k = 0; k < pieces.size(); ++k) add_record(pieces[k], values[k], where);
        return;
    }
    add_record(line, value, where);
}

void OutcomeMerge::add_record(std::string_view text, const JsonValue& value, const std::string& where) {
    // A batch journal's header line is not a pair.
    if (is_journal_header(value)) return;
    const PairOutcome outcome = parse_pair_outcome(value, where);
    if (outcome.status != PairStatus::failed) state_->succeeded.insert(outcome.key, {});
    state_->sorter.add(order_key(outcome, state_->records), std::string(text));
    ++state_->records;
}

void OutcomeMerge::finish(const std::function<void(const PairOutcome&)>& emit) {
    // In order, a pair's record is kept when it is the first that did not fail, or, for a pair
    // none of whose records did, the first.
    UnitSet passed_on;
    state_->sorter.drain([&](std::string_view, std::string_view text) {
        const PairOutcome outcome = parse_pair_outcome(parse_json(text, "a sorted merge run"), "a sorted merge run");
        const bool unread = outcome.status == PairStatus::failed && !outcome.id;
        if (!unread) {
            if (passed_on.contains(outcome.key, {})) return;
            if (outcome.status == PairStatus::failed && state_->succeeded.contains(outcome.key, {})) return;
            passed_on.insert(outcome.key, {});
        }
        emit(outcome);
    });
}

}  // namespace artalign
