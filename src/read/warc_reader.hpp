// Reading WARC files (ISO 28500, WARC/1.0 and WARC/1.1), plain or gzipped one record per gzip
// member as crawlers write them (wget --warc-file, Heritrix, Common Crawl), record by record or
// one record at a known offset.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace artalign {

/// One WARC record: its header fields and (up to a limit) its block.
struct WarcRecord {
    std::string version;  ///< "WARC/1.0" or "WARC/1.1"
    std::vector<std::pair<std::string, std::string>> fields;  ///< header fields as written
    std::string block;                                        ///< the block (an HTTP message, for a response)
    std::uint64_t content_length = 0;                          ///< the block's declared length
    bool block_complete = true;  ///< false when the block was over the reader's limit and left unread
    std::uint64_t offset = 0;    ///< where the record (for .warc.gz: its gzip member) starts in the file

    /// The value of header field `name` (case-insensitive), or nullopt.
    std::optional<std::string> field(std::string_view name) const;
    /// WARC-Type, e.g. "response"; empty when missing.
    std::string type() const { return field("WARC-Type").value_or(""); }
};

/// Reads the records of one WARC file in order. A .warc.gz must hold one record per gzip
/// member (what crawlers write, so that a record can be read at its offset); a file gzipped as
/// a whole is refused with that explanation. Blocks longer than `max_block_bytes` are skipped
/// (WarcRecord::block_complete false), so one large video does not stop a scan.
///
///     WarcReader reader("crawl.warc.gz");
///     while (auto record = reader.next()) use(*record);
///
/// Every error is an InputError naming the file and the offset of the record concerned: not a
/// WARC file, an unsupported version, a malformed header, a record cut short, bad gzip data.
class WarcReader {
public:
    explicit WarcReader(std::filesystem::path file, std::size_t max_block_bytes = std::size_t{64} << 20);
    ~WarcReader();
    WarcReader(const WarcReader&) = delete;
    WarcReader& operator=(const WarcReader&) = delete;

    /// The next record, or nullopt at the end of the file.
    std::optional<WarcRecord> next();
    /// Continues reading at `offset`, which must be where a record (a gzip member) starts.
    void seek(std::uint64_t offset);
    const std::filesystem::path& file() const { return file_; }

private:
    class Input;
    std::filesystem::path file_;
    std::size_t max_block_bytes_;
    std::unique_ptr<Input> input_;
};

/// The record of `file` at `offset` (as WarcRecord::offset gave it). Throws InputError naming
/// the file and offset when there is no record there.
WarcRecord read_warc_record(const std::filesystem::path& file, std::uint64_t offset,
                            std::size_t max_block_bytes = std::size_t{64} << 20);

/// An HTTP message as a WARC response (or revisit) record holds it: status, header fields and
/// the body with its transfer coding (chunked) and content coding (gzip, deflate) undone.
struct HttpMessage {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> fields;
    std::string body;
    std::optional<std::string> field(std::string_view name) const;
};

/// Parses `block` as an HTTP/1.x response. With `headers_only`, the body is left empty (a
/// revisit record holds only the headers). Throws InputError naming `where` when it is not an
/// HTTP response or its body cannot be decoded, or the decoded body is over `max_body_bytes`.
HttpMessage parse_http_response(std::string_view block, const std::string& where, bool headers_only = false,
                                std::size_t max_body_bytes = std::size_t{64} << 20);

}  // namespace artalign
