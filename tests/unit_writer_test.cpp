// Tests for the output formats behind UnitWriter: TSV, Moses, JSONL (TMX: tmx_writer_test).
#include "write/unit_writer.hpp"

#include <unistd.h>

#include "artalign/error.hpp"
#include "test_support.hpp"

using namespace artalign;
using artalign::test::ScratchDirectory;

namespace {

TranslationUnit unit(std::string source, std::string target) {
    TranslationUnit u;
    u.source = std::move(source);
    u.target = std::move(target);
    u.bead_type = "1-1";
    u.score = 0.5;
    u.source_url = "http://www.hani.co.kr/arti/1.html";
    u.target_url = "https://english.hani.co.kr/arti/2.html";
    u.article_date = "2020-02-12T17:26:00+09:00";
    u.article_title = "A \"quoted\" \\ title";
    return u;
}

OutputOptions options() {
    OutputOptions o;
    o.created = std::chrono::system_clock::from_time_t(1581495960);  // 2020-02-12T08:26:00Z
    return o;
}

}  // namespace

TEST_CASE("every listed format has a writer; an unknown one has none") {
    CHECK(unit_formats() == std::vector<std::string>{"tmx", "tsv", "moses", "jsonl"});
    for (const std::string& format : unit_formats()) CHECK(make_unit_writer(format) != nullptr);
    CHECK(make_unit_writer("xliff") == nullptr);
    CHECK(make_unit_writer("") == nullptr);
}

TEST_CASE("tsv: one unit a line, one tab, cleaned text, empty units left out") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "out.tsv";
    const auto writer = make_unit_writer("tsv");
    CHECK(writer->write(file, {unit("가\t나", "A\nB"), unit("  ", "orphan"), unit("다.", "C.")}, options()) == 2);
    CHECK(test::read_file(file) == "가 나\tA B\n다.\tC.\n");
    CHECK(writer->files(file, options()) == std::vector<std::filesystem::path>{file});
}

TEST_CASE("moses: two line-aligned files named after the language codes") {
    ScratchDirectory scratch;
    const auto prefix = scratch.path() / "corpus";
    OutputOptions o = options();
    o.source_language = "ko-KR";
    o.target_language = "en-US";
    const auto writer = make_unit_writer("moses");
    const auto files = writer->files(prefix, o);
    REQUIRE(files.size() == 2);
    CHECK(files[0] == scratch.path() / "corpus.ko-KR");
    CHECK(files[1] == scratch.path() / "corpus.en-US");
    CHECK(writer->write(prefix, {unit("가.", "A."), unit("", "x"), unit("나.", "B.")}, o) == 2);
    CHECK(test::read_file(files[0]) == "가.\n나.\n");
    CHECK(test::read_file(files[1]) == "A.\nB.\n");
}

TEST_CASE("jsonl: one object a line with the TMX props' metadata, JSON-escaped") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "out.jsonl";
    CHECK(make_unit_writer("jsonl")->write(file, {unit("가 \"나\"", "A \\ B")}, options()) == 1);
    CHECK(test::read_file(file) ==
          "{\"tuid\":1,\"creationdate\":\"20200212T082600Z\",\"source_lang\":\"ko\",\"target_lang\":\"en\","
          "\"source\":\"가 \\\"나\\\"\",\"target\":\"A \\\\ B\","
          "\"source_url\":\"http://www.hani.co.kr/arti/1.html\",\"target_url\":\"https://english.hani.co.kr/arti/2.html\","
          "\"article_date\":\"2020-02-12T17:26:00+09:00\",\"article_title\":\"A \\\"quoted\\\" \\\\ title\","
          "\"bead\":\"1-1\",\"score\":0.500}\n");
}

TEST_CASE("no units: an empty but complete file") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "out.tsv";
    CHECK(make_unit_writer("tsv")->write(file, {}, options()) == 0);
    CHECK(std::filesystem::exists(file));
    CHECK(test::read_file(file).empty());
}

TEST_CASE("a failed write leaves every previous file as it was") {
    ScratchDirectory scratch;
    for (const std::string& format : unit_formats()) {
        const auto writer = make_unit_writer(format);
        CHECK_THROWS_AS(writer->write(scratch.path() / "missing/out", {unit("가", "a")}, options()), OutputError);
    }
    const auto prefix = scratch.path() / "corpus";
    test::write_file(scratch.path() / "corpus.ko", "old ko");
    test::write_file(scratch.path() / "corpus.en", "old en");
    std::filesystem::create_directory(scratch.path() / "corpus.en.blocked");
    // A directory where the target file should be: the second file cannot be renamed into place,
    // and the first must not have been replaced either.
    std::filesystem::remove(scratch.path() / "corpus.en");
    std::filesystem::rename(scratch.path() / "corpus.en.blocked", scratch.path() / "corpus.en");
    CHECK_THROWS_AS(make_unit_writer("moses")->write(prefix, {unit("가", "a")}, options()), OutputError);
    CHECK(test::read_file(scratch.path() / "corpus.ko") == "old ko");
}
