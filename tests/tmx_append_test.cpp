// Tests for appending to an existing TMX: bytes kept, duplicates skipped (unless told not
// to), tuids continued, every bad memory refused and left byte-for-byte as it was.
#include "artalign/tmx_append.hpp"

#include <sys/resource.h>
#include <csignal>

#include "artalign/error.hpp"
#include "artalign/tmx_validator.hpp"
#include "test_support.hpp"

using namespace artalign;
using artalign::test::ScratchDirectory;

namespace {

const std::filesystem::path kDtd = tmx_dtd_path(test::kData);

TranslationUnit unit(std::string source, std::string target) {
    TranslationUnit u;
    u.source = std::move(source);
    u.target = std::move(target);
    u.bead_type = "1-1";
    u.score = 0.9;
    return u;
}

const std::string kExisting =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
    "<tmx version=\"1.4\">\n"
    "<header creationtool=\"OmegaT\" creationtoolversion=\"3.6\" segtype=\"sentence\" o-tmf=\"OmegaT TMX\" "
    "adminlang=\"EN-US\" srclang=\"ko\" datatype=\"plaintext\"/>\n"
    "<body>\n"
    "<!-- hand-made -->\n"
    "<tu tuid=\"41\"><tuv xml:lang=\"ko\"><seg>가  나</seg></tuv><tuv xml:lang=\"en\"><seg>A&#x20;B</seg></tuv></tu>\n"
    "<tu tuid=\"x7\"><tuv xml:lang=\"KO\"><seg>다</seg></tuv><tuv xml:lang=\"EN\"><seg>C</seg></tuv></tu>\n"
    "</body>\n"
    "</tmx>\n"
    "<!-- trailing: </body></tmx> -->\n";

}  // namespace

TEST_CASE("new units go before </body>, old bytes stay, duplicates are skipped, tuids continue") {
    ScratchDirectory scratch;
    const auto memory = scratch.path() / "memory.tmx";
    test::write_file(memory, kExisting);
    TmxOptions options;
    const AppendReport report =
        append_tmx(memory, {unit("가 나", "A B"), unit("다", "C"), unit("라", "D"), unit("", "E")}, options, kDtd);
    CHECK(report.existing_units == 2);
    CHECK(report.added == 1);
    CHECK(report.already_there == 2);
    CHECK(report.empty == 1);

    const std::string merged = test::read_file(memory);
    const std::string before_close = kExisting.substr(0, kExisting.find("</body>"));
    CHECK(merged.substr(0, before_close.size()) == before_close);
    const std::string after_close = kExisting.substr(kExisting.find("</body>"));
    CHECK(merged.substr(merged.size() - after_close.size()) == after_close);
    CHECK(merged.find("<tu tuid=\"42\"") != std::string::npos);
    CHECK(merged.find("<seg>라</seg>") != std::string::npos);
    const TmxReport check = validate_tmx(memory, kDtd);
    CHECK(check.valid());
    CHECK(check.units == 3);

    // Again: nothing new, the file is not rewritten.
    const auto written = std::filesystem::last_write_time(memory);
    const AppendReport again = append_tmx(memory, {unit("라", "D")}, options, kDtd);
    CHECK(again.added == 0);
    CHECK(again.already_there == 1);
    CHECK(std::filesystem::last_write_time(memory) == written);
}

TEST_CASE("without dedupe, units the memory already holds are added too") {
    ScratchDirectory scratch;
    const auto memory = scratch.path() / "memory.tmx";
    test::write_file(memory, kExisting);
    const AppendReport report = append_tmx(memory, {unit("가 나", "A B"), unit("다", "C"), unit("다", "C"), unit("", "E")},
                                           {}, kDtd, false);
    CHECK(report.added == 3);
    CHECK(report.already_there == 0);
    CHECK(report.empty == 1);
    const TmxReport check = validate_tmx(memory, kDtd);
    CHECK(check.valid());
    CHECK(check.units == 5);
}

TEST_CASE("a self-closing empty body is opened") {
    ScratchDirectory scratch;
    const auto memory = scratch.path() / "empty.tmx";
    std::string empty = kExisting.substr(0, kExisting.find("<body>")) + "<body/></tmx>";
    test::write_file(memory, empty);
    CHECK(append_tmx(memory, {unit("가", "a"), unit("나", "b")}, {}, kDtd).added == 2);
    const TmxReport check = validate_tmx(memory, kDtd);
    CHECK(check.valid());
    CHECK(check.units == 2);
}

TEST_CASE("what write_tmx wrote grows by append_tmx and stays valid") {
    ScratchDirectory scratch;
    const auto memory = scratch.path() / "m.tmx";
    write_tmx(memory, {unit("가", "a")});
    CHECK(append_tmx(memory, {unit("가", "a"), unit("나", "b")}, {}, kDtd).added == 1);
    const std::string text = test::read_file(memory);
    CHECK(text.find("    <tu tuid=\"2\"") != std::string::npos);  // same indentation as the writer's
    CHECK(validate_tmx(memory, kDtd).units == 2);
}

TEST_CASE("a memory larger than the chunks it is copied in, with a long tail after </body>, keeps its bytes") {
    ScratchDirectory scratch;
    const auto memory = scratch.path() / "m.tmx";
    std::vector<TranslationUnit> units;
    for (int k = 0; k < 6000; ++k) units.push_back(unit("문장 " + std::to_string(k), "sentence " + std::to_string(k)));
    write_tmx(memory, units);
    // Comments after the document longer than the 64 KiB first look at the file's tail.
    const std::string tail = "<!-- " + std::string(200000, '.') + " -->\n<!-- </body> -->\n";
    const std::string before = test::read_file(memory) + tail;
    REQUIRE(before.size() > (1u << 20) + 200000);
    test::write_file(memory, before);

    const AppendReport report = append_tmx(memory, {unit("문장 5", "sentence 5"), unit("새", "new")}, {}, kDtd);
    CHECK(report.existing_units == 6000);
    CHECK(report.already_there == 1);
    CHECK(report.added == 1);
    const std::string after = test::read_file(memory);
    const std::size_t close = before.rfind("  </body>");
    CHECK(after.substr(0, close) == before.substr(0, close));
    CHECK(after.substr(after.size() - (before.size() - close)) == before.substr(close));
    CHECK(after.find("<tu tuid=\"6001\"") != std::string::npos);
    CHECK(validate_tmx(memory, kDtd).units == 6001);
}

TEST_CASE("bad memories are refused with a message naming them, and left byte-for-byte") {
    ScratchDirectory scratch;
    const auto memory = scratch.path() / "bad.tmx";
    const auto refused = [&](const std::string& content, const std::string& expected_start, const TmxOptions& options) {
        test::write_file(memory, content);
        std::string message;
        try {
            append_tmx(memory, {unit("새", "new")}, options, kDtd);
        } catch (const InputError& error) {
            message = error.what();
        }
        INFO(message);
        CHECK(message.rfind(memory.string() + ": " + expected_start, 0) == 0);
        CHECK(test::read_file(memory) == content);
        CHECK(std::distance(std::filesystem::directory_iterator(scratch.path()), {}) == 1);  // no temporary left
    };
    refused("<tmx version=\"1.4\"><body>", "not well-formed XML (line 1:", {});
    refused("<html><body/></html>", "not a TMX memory (", {});
    refused("<tmx version=\"1.4\"><body/></tmx>", "not valid TMX 1.4b (", {});
    TmxOptions korean_kr;
    korean_kr.source_language = "ko-KR";
    refused(kExisting, "its srclang is 'ko' but this run's source language is 'ko-KR' (give --srclang ko or another memory)", korean_kr);
    refused("<?xml version=\"1.0\"?><!DOCTYPE tmx [<!ENTITY a \"aaaa\">]>" + kExisting.substr(kExisting.find("<tmx")),
            "its DOCTYPE declares entities", {});
    refused("\xFF\xFE<\0t\0", "is UTF-16", {});
    std::string latin1 = kExisting;
    latin1.replace(latin1.find("UTF-8"), 5, "ISO-8859-1");
    refused(latin1, "is encoded in ISO-8859-1", {});

    CHECK_THROWS_WITH_AS(append_tmx(scratch.path() / "none.tmx", {unit("가", "a")}, {}, kDtd),
                         ((scratch.path() / "none.tmx").string() +
                          ": no such file (--append merges into an existing memory; -o starts a new one)")
                             .c_str(), InputError);
}

TEST_CASE("a merged memory that cannot be written leaves the old one") {
    ScratchDirectory scratch;
    const auto memory = scratch.path() / "memory.tmx";
    test::write_file(memory, kExisting);
    // A file size limit just above the memory's size: writing the merged file fails (EFBIG,
    // with SIGXFSZ ignored), as on a full disk. Works as root too, unlike permissions.
    rlimit old_limit{};
    getrlimit(RLIMIT_FSIZE, &old_limit);
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = old_limit;
    limit.rlim_cur = kExisting.size() + 100;
    setrlimit(RLIMIT_FSIZE, &limit);
    std::vector<TranslationUnit> many;
    for (int k = 0; k < 50; ++k) many.push_back(unit("새 문장 " + std::to_string(k), "new sentence"));
    CHECK_THROWS_AS(append_tmx(memory, many, {}, kDtd), OutputError);
    setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);
    CHECK(test::read_file(memory) == kExisting);
    CHECK(std::distance(std::filesystem::directory_iterator(scratch.path()), {}) == 1);
}
