// Tests for reading WARC records (plain and gzipped per record), the HTTP messages in them, and
// the web archive index: versions, folded headers, offsets, the refusals and their messages.
#include "read/warc_reader.hpp"

#include <zlib.h>

#include <cstdio>
#include <functional>

#include "artalign/error.hpp"
#include "read/web_archive.hpp"
#include "test_support.hpp"

using namespace artalign;
using namespace artalign::test;

namespace {

std::string record(const std::string& version, const std::string& fields, const std::string& block) {
    return version + "\r\n" + fields + "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string response(const std::string& uri, const std::string& http) {
    return record("WARC/1.1", "WARC-Type: response\r\nWARC-Target-URI: " + uri +
                                  "\r\nContent-Type: application/http;msgtype=response\r\n",
                  http);
}

// One gzip member holding `data`, as crawlers compress each record.
std::string gzip_member(const std::string& data) {
    z_stream stream{};
    REQUIRE(deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
    out.resize(out.size() - stream.avail_out);
    deflateEnd(&stream);
    return out;
}

std::string fmt_hex(std::size_t number) {
    char text[32];
    std::snprintf(text, sizeof text, "%zx", number);
    return text;
}

std::string error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const InputError& error) {
        return error.what();
    }
    return "(no error)";
}

const std::string kPage = "<html><body><p>Hello.</p></body></html>";
const std::string kHttp = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=EUC-KR\r\n\r\n" + kPage;

}  // namespace

TEST_CASE("WarcReader reads WARC/1.0 and 1.1 records in order, with folded fields and their offsets") {
    const ScratchDirectory dir;
    const std::string first = record("WARC/1.0", "WARC-Type: warcinfo\r\nX-Long: one\r\n  two\r\n", "software: test");
    const std::string second = response("http://a.example/p.html", kHttp);
    write_file(dir.path() / "a.warc", first + "\r\n" + second);  // a stray blank line between records
    WarcReader reader(dir.path() / "a.warc");
    const auto one = reader.next();
    REQUIRE(one);
    CHECK(one->version == "WARC/1.0");
    CHECK(one->type() == "warcinfo");
    CHECK(one->field("x-long") == "one two");
    CHECK(one->block == "software: test");
    CHECK(one->offset == 0);
    const auto two = reader.next();
    REQUIRE(two);
    CHECK(two->version == "WARC/1.1");
    CHECK(two->offset == first.size() + 2);
    CHECK(two->block == kHttp);
    CHECK_FALSE(reader.next());
    CHECK(read_warc_record(dir.path() / "a.warc", two->offset).block == kHttp);
}

TEST_CASE("WarcReader reads a .warc.gz gzipped per record, at each member's offset, and refuses a whole-file gzip") {
    const ScratchDirectory dir;
    const std::string first = gzip_member(response("http://a.example/1.html", kHttp));
    const std::string second = gzip_member(response("http://a.example/2.html", kHttp));
    write_file(dir.path() / "a.warc.gz", first + second);
    WarcReader reader(dir.path() / "a.warc.gz");
    REQUIRE(reader.next());
    const auto two = reader.next();
    REQUIRE(two);
    CHECK(two->offset == first.size());
    CHECK(two->field("WARC-Target-URI") == "http://a.example/2.html");
    CHECK_FALSE(reader.next());
    CHECK(read_warc_record(dir.path() / "a.warc.gz", first.size()).field("WARC-Target-URI") == "http://a.example/2.html");

    write_file(dir.path() / "whole.warc.gz",
               gzip_member(response("http://a.example/1.html", kHttp) + response("http://a.example/2.html", kHttp)));
    const std::filesystem::path whole = dir.path() / "whole.warc.gz";
    CHECK(error_of([&] {
              WarcReader all(whole);
              while (all.next()) {
              }
          }).find(whole.string() + ": a record at offset 0 shares its gzip member with the one before") == 0);
}

TEST_CASE("WarcReader refuses what is not a WARC record, naming the file and offset") {
    const ScratchDirectory dir;
    const auto first_error = [&](const std::string& name, const std::string& content) {
        write_file(dir.path() / name, content);
        return error_of([&] {
            WarcReader reader(dir.path() / name);
            while (reader.next()) {
            }
        });
    };
    const std::string at0 = (dir.path() / "x.warc").string() + " at offset 0: ";
    CHECK(first_error("x.warc", "<html></html>") == at0 + "not a WARC file (it does not start with \"WARC/\")");
    CHECK(first_error("x.warc", record("WARC/0.17", "", "x")) ==
          at0 + "unsupported version \"WARC/0.17\" (WARC/1.0 and WARC/1.1 are read)");
    CHECK(first_error("x.warc", "WARC/1.0\r\nWARC-Type: resource\r\n\r\nabc") == at0 + "the record has no Content-Length");
    CHECK(first_error("x.warc", "WARC/1.0\r\nContent-Length: -3\r\n\r\n") == at0 + "bad Content-Length \"-3\"");
    CHECK(first_error("x.warc", "WARC/1.0\r\nContent-Length: 50\r\n\r\nshort") ==
          at0 + "the record's block is cut short (truncated file?)");
    CHECK(first_error("x.warc", "WARC/1.0\r\nContent-Length: 2\r\n\r\nabcdef\r\n\r\n") ==
          at0 + "the block does not end where Content-Length says");
    CHECK(first_error("x.warc", "WARC/1.0\r\nno colon here\r\n\r\n") == at0 + "a header line has no ':'");
    const std::string gz = gzip_member(response("http://a.example/1.html", kHttp));
    CHECK(first_error("cut.warc.gz", gz.substr(0, gz.size() / 2)) ==
          (dir.path() / "cut.warc.gz").string() + ": the gzip member at offset 0 is cut short (truncated file?)");
    CHECK(first_error("empty.warc", "") == "(no error)");  // no records: none, and no error
}

TEST_CASE("WarcReader skips a block over its limit and goes on") {
    const ScratchDirectory dir;
    write_file(dir.path() / "a.warc", record("WARC/1.0", "WARC-Type: resource\r\n", std::string(5000, 'x')) +
                                          record("WARC/1.0", "WARC-Type: resource\r\n", "small"));
    WarcReader reader(dir.path() / "a.warc", 1000);
    const auto big = reader.next();
    REQUIRE(big);
    CHECK_FALSE(big->block_complete);
    CHECK(big->block.empty());
    CHECK(big->content_length == 5000);
    const auto small = reader.next();
    REQUIRE(small);
    CHECK(small->block == "small");
}

TEST_CASE("parse_http_response undoes chunked transfer and gzip content codings") {
    const std::string body = gzip_member(kPage);
    std::string chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n";
    chunked += fmt_hex(body.size());
    const HttpMessage message = parse_http_response(chunked + "\r\n" + body + "\r\n0\r\n\r\n", "w");
    CHECK(message.status == 200);
    CHECK(message.body == kPage);
    CHECK(parse_http_response(kHttp, "w").field("content-type") == "text/html; charset=EUC-KR");
    CHECK(error_of([] { parse_http_response("GET / HTTP/1.1\r\n\r\n", "w"); }) ==
          "w: not an HTTP response (the record's block starts \"GET / HTTP/1.1\")");
    CHECK(error_of([] { parse_http_response("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx", "w"); }) ==
          "w: Content-Encoding \"br\" is not supported (gzip and deflate are)");
}

TEST_CASE("WebArchive follows redirects, resolves revisits and says what it cannot read") {
    const ScratchDirectory dir;
    const std::string page = response("http://a.example/p.html", kHttp);
    const std::string moved = response("http://a.example/old", "HTTP/1.1 301 Moved\r\nLocation: /p.html\r\n\r\n");
    const std::string revisit = record("WARC/1.0",
                                       "WARC-Type: revisit\r\nWARC-Target-URI: http://a.example/again.html\r\n"
                                       "WARC-Refers-To-Target-URI: http://a.example/p.html\r\n",
                                       "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
    const std::string orphan = record("WARC/1.0",
                                      "WARC-Type: revisit\r\nWARC-Target-URI: http://a.example/gone.html\r\n"
                                      "WARC-Refers-To: <urn:uuid:nowhere>\r\n",
                                      "");
    write_file(dir.path() / "a.warc", page + moved + revisit + orphan);
    const WebArchive archive({dir.path() / "a.warc"});
    CHECK(archive.holds("https://a.example/p.html"));  // http and https alike, as in a mirror
    const Page followed = archive.page("http://a.example/old");
    CHECK(followed.url == "http://a.example/p.html");
    CHECK(followed.content == kPage);
    CHECK(followed.content_type == "text/html; charset=EUC-KR");
    CHECK(archive.page("http://a.example/again.html").content == kPage);
    CHECK_THROWS_AS(archive.page("http://a.example/gone.html"), UnresolvedRevisitError);
    CHECK(error_of([&] { archive.page("http://a.example/none.html"); }) ==
          "http://a.example/none.html: not in the WARC files (" + (dir.path() / "a.warc").string() + ")");
    std::vector<std::string> urls;
    for (const ArchivedPage& candidate : archive.html_pages()) urls.push_back(candidate.url);
    CHECK(urls == std::vector<std::string>{"http://a.example/p.html", "http://a.example/again.html",
                                           "http://a.example/gone.html"});
}
