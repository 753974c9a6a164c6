// WARC records from plain and per-record-gzipped files, on zlib; HTTP messages inside them.
#include "read/warc_reader.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include "artalign/error.hpp"
#include "util/limits.hpp"

namespace artalign {
namespace {

constexpr std::size_t kChunk = std::size_t{64} << 10;
constexpr std::size_t kMaxHeaderLine = std::size_t{64} << 10;
constexpr std::size_t kMaxHeaderBytes = std::size_t{1} << 20;

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

std::optional<std::string> find_field(const std::vector<std::pair<std::string, std::string>>& fields,
                                      std::string_view name) {
    for (const auto& [key, value] : fields) {
        if (equal_ignoring_case(key, name)) return value;
    }
    return std::nullopt;
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return std::string(text.substr(first, last - first + 1));
}

// A whole, non-negative decimal number; nullopt for anything else (signs, spaces, overflow).
std::optional<std::uint64_t> parse_decimal(std::string_view text) {
    if (text.empty() || text.size() > 19) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

// Header lines "Name: value" (continuation lines folded in) into `fields`. Returns false for a
// line without a colon.
bool add_header_line(std::string_view line, std::vector<std::pair<std::string, std::string>>& fields) {
    if ((line.front() == ' ' || line.front() == '\t') && !fields.empty()) {
        fields.back().second += " " + trim(line);
        return true;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    fields.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
    return true;
}

// Inflates a whole gzip or zlib stream (window bits 15 + 32: either header) or, failing
// that, raw deflate data (what some servers send as "deflate").
std::string inflate_body(std::string_view data, const std::string& where, std::size_t max_bytes) {
    for (const int window_bits : {15 + 32, -15}) {
        z_stream stream{};
        if (inflateInit2(&stream, window_bits) != Z_OK) throw InputError(where, "cannot start zlib");
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        stream.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size(), std::numeric_limits<uInt>::max()));
        std::string out;
        int result = Z_OK;
        while (result == Z_OK) {
            const std::size_t old_size = out.size();
            out.resize(old_size + kChunk);
            stream.next_out = reinterpret_cast<Bytef*>(out.data() + old_size);
            stream.avail_out = static_cast<uInt>(kChunk);
            result = inflate(&stream, Z_NO_FLUSH);
            out.resize(old_size + kChunk - stream.avail_out);
            if (out.size() > max_bytes) {
                inflateEnd(&stream);
                throw InputError(where, "the decoded page is over the " + describe_size(max_bytes) + " limit (--max-page-size)");
            }
            if (result == Z_BUF_ERROR && stream.avail_in == 0) break;  // the data ends early
        }
        inflateEnd(&stream);
        if (result == Z_STREAM_END) return out;
    }
    throw InputError(where, "the page's gzip/deflate Content-Encoding does not decode");
}

std::string unchunk(std::string_view data, const std::string& where) {
    std::string out;
    std::size_t at = 0;
    while (true) {
        const auto line_end = data.find('\n', at);
        if (line_end == std::string_view::npos) throw InputError(where, "chunked body is cut short");
        std::string size_text = trim(data.substr(at, line_end - at));
        size_text = size_text.substr(0, size_text.find(';'));  // chunk extensions
        std::size_t size = 0;
        if (size_text.empty() || size_text.size() > 15 ||
            size_text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
            throw InputError(where, "bad chunk size in chunked body");
        size = std::stoull(size_text, nullptr, 16);
        at = line_end + 1;
        if (size == 0) return out;
        if (size > data.size() - at) throw InputError(where, "chunked body is cut short");
        out.append(data.substr(at, size));
        at += size;
        if (at < data.size() && data[at] == '\r') ++at;
        if (at < data.size() && data[at] == '\n') ++at;
    }
}

}  // namespace

std::optional<std::string> WarcRecord::field(std::string_view name) const { return find_field(fields, name); }
std::optional<std::string> HttpMessage::field(std::string_view name) const { return find_field(fields, name); }

// The file's bytes, inflated member by member for a gzip file. Tracks where each gzip member
// starts and how much of the current one has been consumed, so a record's offset is known.
class WarcReader::Input {
public:
    explicit Input(const std::filesystem::path& file) : name_(file.string()), buffer_(kChunk) {
        std::error_code error;
        if (std::filesystem::is_directory(file, error)) throw InputError(name_, "is a directory, not a WARC file");
        file_ = std::fopen(file.c_str(), "rb");
        if (file_ == nullptr) throw InputError(name_, std::string("cannot open: ") + std::strerror(errno));
        unsigned char magic[2] = {0, 0};
        gzip_ = std::fread(magic, 1, 2, file_) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file_size_ = std::filesystem::file_size(file, error);
        if (error) throw InputError(name_, "cannot read its size: " + error.message());
        if (gzip_ && inflateInit2(&stream_, 15 + 16) != Z_OK) throw InputError(name_, "cannot start zlib");
        seek(0);
    }
    ~Input() {
        if (gzip_) inflateEnd(&stream_);
        std::fclose(file_);
    }
    Input(const Input&) = delete;
    Input& operator=(const Input&) = delete;

    const std::string& name() const { return name_; }
    bool gzip() const { return gzip_; }

    void seek(std::uint64_t offset) {
        if (fseeko(file_, static_cast<off_t>(offset), SEEK_SET) != 0)
            throw InputError(name_, "cannot seek to offset " + std::to_string(offset));
        file_position_ = offset;
        member_start_ = offset;
        consumed_ = 0;
        begin_ = end_ = 0;
        member_ended_ = false;
        if (gzip_) {
            inflateReset(&stream_);
            stream_.avail_in = 0;
        }
    }

    /// Where the next record starts, when it starts a gzip member (always, for a plain file).
    std::optional<std::uint64_t> record_start() {
        if (!fill(true)) return member_start_ + consumed_;
        if (!gzip_) return member_start_ + consumed_;
        if (consumed_ != 0) return std::nullopt;
        return member_start_;
    }
    std::uint64_t position_for_messages() const { return gzip_ ? member_start_ : member_start_ + consumed_; }

    /// Makes at least one byte available; false at the end of the file (or, unless
    /// `next_member`, at the end of the current gzip member).
    bool fill(bool next_member) {
        if (begin_ < end_) return true;
        if (!gzip_) {
            end_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
            begin_ = 0;
            if (std::ferror(file_)) throw InputError(name_, "read error");
            return end_ > 0;
        }
        while (true) {
            if (member_ended_) {
                if (!next_member || !more_compressed()) return false;
                member_start_ = file_position_ - stream_.avail_in;
                consumed_ = 0;
                member_ended_ = false;
                inflateReset(&stream_);
            }
            if (stream_.avail_in == 0 && !more_compressed())
                throw InputError(name_, "the gzip member at offset " + std::to_string(member_start_) +
                                            " is cut short (truncated file?)");
            stream_.next_out = reinterpret_cast<Bytef*>(buffer_.data());
            stream_.avail_out = static_cast<uInt>(buffer_.size());
            const int result = inflate(&stream_, Z_NO_FLUSH);
            if (result == Z_STREAM_END) {
                member_ended_ = true;
            } else if (result != Z_OK && result != Z_BUF_ERROR) {
                throw InputError(name_, "bad gzip data in the member at offset " + std::to_string(member_start_) +
                                            (stream_.msg != nullptr ? std::string(" (") + stream_.msg + ")" : ""));
            }
            begin_ = 0;
            end_ = buffer_.size() - stream_.avail_out;
            if (end_ > 0) return true;
        }
    }

    char peek() const { return buffer_[begin_]; }
    char take() {
        ++consumed_;
        return buffer_[begin_++];
    }
    /// Appends (when `out`) or drops `count` bytes; false when the input ends first.
    bool read(std::uint64_t count, std::string* out) {
        if (out == nullptr && !gzip_ && count > end_ - begin_) {
            // A plain file's long block (a video in a crawl) is skipped by seeking, not read.
            const std::uint64_t target = member_start_ + consumed_ + count;
            if (target > file_size_) return false;
            if (fseeko(file_, static_cast<off_t>(target), SEEK_SET) != 0)
                throw InputError(name_, "cannot seek to offset " + std::to_string(target));
            consumed_ += count;
            begin_ = end_ = 0;
            return true;
        }
        while (count > 0) {
            if (!fill(false)) return false;
            const std::size_t take_now = static_cast<std::size_t>(std::min<std::uint64_t>(count, end_ - begin_));
            if (out != nullptr) out->append(buffer_.data() + begin_, take_now);
            begin_ += take_now;
            consumed_ += take_now;
            count -= take_now;
        }
        return true;
    }

private:
    bool more_compressed() {
        if (stream_.avail_in > 0) return true;
        const std::size_t got = std::fread(compressed_, 1, sizeof compressed_, file_);
        if (std::ferror(file_)) throw InputError(name_, "read error");
        file_position_ += got;
        stream_.next_in = compressed_;
        stream_.avail_in = static_cast<uInt>(got);
        return got > 0;
    }

    std::string name_;
    std::FILE* file_ = nullptr;
    bool gzip_ = false;
    z_stream stream_{};
    unsigned char compressed_[kChunk];
    std::uint64_t file_size_ = 0;
    std::uint64_t file_position_ = 0;  // of the next compressed byte fread would give
    std::uint64_t member_start_ = 0;   // of the current gzip member (plain file: where reading started)
    std::uint64_t consumed_ = 0;       // bytes handed out since member_start_
    bool member_ended_ = false;
    std::vector<char> buffer_;
    std::size_t begin_ = 0, end_ = 0;
};

WarcReader::WarcReader(std::filesystem::path file, std::size_t max_block_bytes)
    : file_(std::move(file)), max_block_bytes_(max_block_bytes), input_(std::make_unique<Input>(file_)) {}

WarcReader::~WarcReader() = default;

void WarcReader::seek(std::uint64_t offset) { input_->seek(offset); }

std::optional<WarcRecord> WarcReader::next() {
    Input& in = *input_;
    const std::optional<std::uint64_t> start = in.record_start();
    // Blank lines between records are tolerated.
    while (in.fill(true) && (in.peek() == '\r' || in.peek() == '\n')) in.take();
    if (!in.fill(true)) return std::nullopt;
    if (!start)
        throw InputError(in.name(), "a record at offset " + std::to_string(in.position_for_messages()) +
                                        " shares its gzip member with the one before: artalign reads .warc.gz files "
                                        "gzipped one record per member, as crawlers write them (recompress it, e.g. "
                                        "with `warcio recompress`)");
    WarcRecord record;
    record.offset = *start;
    const std::string where = in.name() + " at offset " + std::to_string(record.offset);

    std::size_t header_bytes = 0;
    std::string line;
    bool first = true;
    while (true) {
        line.clear();
        while (true) {
            if (!in.fill(false)) throw InputError(where, "the record's header is cut short (truncated file?)");
            const char c = in.take();
            if (c == '\n') break;
            line.push_back(c);
            if (line.size() > kMaxHeaderLine) throw InputError(where, "a header line is over 64 KB: not a WARC record");
            if (first && line.size() == 5 && line != "WARC/")
                throw InputError(where, record.offset == 0 ? "not a WARC file (it does not start with \"WARC/\")"
                                                           : "no WARC record starts here (bad Content-Length before?)");
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        header_bytes += line.size();
        if (header_bytes > kMaxHeaderBytes) throw InputError(where, "the record's header is over 1 MB");
        if (first) {
            if (line.rfind("WARC/", 0) != 0)
                throw InputError(where, record.offset == 0 ? "not a WARC file (it does not start with \"WARC/\")"
                                                           : "no WARC record starts here (bad Content-Length before?)");
            if (line != "WARC/1.0" && line != "WARC/1.1")
                throw InputError(where, "unsupported version \"" + line.substr(0, 20) + "\" (WARC/1.0 and WARC/1.1 are read)");
            record.version = line;
            first = false;
            continue;
        }
        if (line.empty()) break;
        if (!add_header_line(line, record.fields)) throw InputError(where, "a header line has no ':'");
    }
    const auto length_text = record.field("Content-Length");
    if (!length_text) throw InputError(where, "the record has no Content-Length");
    const auto length = parse_decimal(*length_text);
    if (!length) throw InputError(where, "bad Content-Length \"" + length_text->substr(0, 30) + "\"");
    record.content_length = *length;
    record.block_complete = *length <= max_block_bytes_;
    if (!in.read(*length, record.block_complete ? &record.block : nullptr))
        throw InputError(where, "the record's block is cut short (truncated file?)");
    // The record ends with a blank line (CRLF CRLF), inside its gzip member.
    if (in.fill(false) && in.peek() != '\r' && in.peek() != '\n')
        throw InputError(where, "the block does not end where Content-Length says");
    while (in.fill(false) && (in.peek() == '\r' || in.peek() == '\n')) in.take();
    return record;
}

WarcRecord read_warc_record(const std::filesystem::path& file, std::uint64_t offset, std::size_t max_block_bytes) {
    WarcReader reader(file, max_block_bytes);
    reader.seek(offset);
    auto record = reader.next();
    if (!record) throw InputError(file.string(), "no record at offset " + std::to_string(offset) + " (past the end)");
    return std::move(*record);
}

HttpMessage parse_http_response(std::string_view block, const std::string& where, bool headers_only,
                                std::size_t max_body_bytes) {
    HttpMessage message;
    std::size_t at = 0;
    bool first = true;
    while (true) {
        const auto end = block.find('\n', at);
        if (end == std::string_view::npos) {
            if (headers_only && !first) break;  // a revisit's headers may be truncated
            throw InputError(where, "the HTTP header is cut short");
        }
        std::string_view line = block.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        at = end + 1;
        if (first) {
            // "HTTP/1.1 200 OK"
            if (line.rfind("HTTP/", 0) != 0 || line.size() < 12 || line[8] != ' ')
                throw InputError(where, "not an HTTP response (the record's block starts \"" +
                                            std::string(line.substr(0, 20)) + "\")");
            const auto status = parse_decimal(line.substr(9, 3));
            if (!status || (line.size() > 12 && line[12] != ' ')) throw InputError(where, "bad HTTP status line");
            message.status = static_cast<int>(*status);
            first = false;
            continue;
        }
        if (line.empty()) break;
        if (!add_header_line(line, message.fields)) throw InputError(where, "a bad HTTP header line");
    }
    if (headers_only) return message;
    std::string_view body = at <= block.size() ? block.substr(at) : std::string_view();
    std::string decoded;
    const auto transfer = message.field("Transfer-Encoding");
    if (transfer && equal_ignoring_case(trim(*transfer), "chunked")) {
        decoded = unchunk(body, where);
        body = decoded;
    }
    const std::string coding = trim(message.field("Content-Encoding").value_or(""));
    if (coding.empty() || equal_ignoring_case(coding, "identity")) {
        if (body.size() > max_body_bytes) throw InputError(where, page_size_problem(body.size(), max_body_bytes));
        message.body = std::string(body);
    } else if (equal_ignoring_case(coding, "gzip") || equal_ignoring_case(coding, "x-gzip") ||
               equal_ignoring_case(coding, "deflate")) {
        message.body = inflate_body(body, where, max_body_bytes);
    } else {
        throw InputError(where, "Content-Encoding \"" + coding.substr(0, 30) + "\" is not supported (gzip and deflate are)");
    }
    return message;
}

}  // namespace artalign
