// Tests for appending to an existing TMX: bytes kept, duplicates skipped (unless told not
// to), tuids continued, every bad memory refused and left byte-for-byte as it was.
#include "write/tmx_append.hpp"

#include <sys/resource.h>
#include <csignal>

#include "artalign/error.hpp"
#include "write/tmx_validator.hpp"
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
    refused("<tmx version=\"1.4\"><body/></tmx>", "not valid TMX 1.4 (", {});
    TmxOptions korean_kr;
    korean_kr.source_language = "ko-KR";
    refused(kExisting, "its srclang is 'ko' but this run's source language is 'ko-KR' (give --srclang ko or another memory)", korean_kr);
    refused("<?xml version=\"1.0\"?><!DOCTYPE tmx [<!ENTITY a \"aaaa\">]>" + kExisting.substr(kExisting.find("<tmx")),
            "its DOCTYPE declares entities", {});
    refused(std::string("\xFF\xFE<\0t\0", 6), "not well-formed XML (", {});
    TmxOptions japanese;
    japanese.source_language = "ja";
    refused(kExisting, "its srclang is 'ko' but this run's source language is 'ja' (this run's units are ja and en; "
                       "append them to a memory whose srclang is one of those or *all*)", japanese);

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

namespace {

// True when `after` is `before` with bytes inserted at one place: every old byte kept.
bool only_inserted(const std::string& before, const std::string& after) {
    std::size_t prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    return prefix + suffix == before.size() && after.size() > before.size();
}

std::string utf16le(const std::string& ascii) {
    std::string out = "\xFF\xFE";
    for (const char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

}  // namespace

TEST_CASE("tuids never collide: numbers of any size, leading zeros, strings") {
    ScratchDirectory scratch;
    const auto memory = scratch.path() / "memory.tmx";
    std::string content = kExisting;
    content.replace(content.find("tuid=\"41\""), 9, "tuid=\"18446744073709551615\"");
    content.replace(content.find("tuid=\"x7\""), 9, "tuid=\"0099999999999999999999\"");
    test::write_file(memory, content);
    append_tmx(memory, {unit("새", "new"), unit("또", "again")}, {}, kDtd);
    const std::string merged = test::read_file(memory);
    CHECK(only_inserted(content, merged));
    CHECK(merged.find("<tu tuid=\"100000000000000000000\"") != std::string::npos);
    CHECK(merged.find("<tu tuid=\"100000000000000000001\"") != std::string::npos);
    CHECK(validate_tmx(memory, kDtd).valid());
}

TEST_CASE("a memory in another encoding gets its new units in that encoding, characters it lacks as references") {
    ScratchDirectory scratch;
    const auto memory = scratch.path() / "latin1.tmx";
    const std::string latin1 =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<tmx version=\"1.4\">\n"
        "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" "
        "srclang=\"ko\" datatype=\"plaintext\"/>\n<body>\n"
        "<tu tuid=\"1\"><tuv xml:lang=\"ko\"><seg>&#xAC00;</seg></tuv><tuv xml:lang=\"en\"><seg>caf\xE9</seg></tuv></tu>\n"
        "</body>\n</tmx>\n";
    test::write_file(memory, latin1);
    append_tmx(memory, {unit("나", "d\xC3\xA9j\xC3\xA0")}, {}, kDtd);  // "déjà" in UTF-8
    const std::string merged = test::read_file(memory);
    CHECK(only_inserted(latin1, merged));
    CHECK(merged.find("<seg>&#45208;</seg>") != std::string::npos);  // 나 cannot be Latin-1
    CHECK(merged.find("<seg>d\xE9j\xE0</seg>") != std::string::npos);  // é and à can
    const TmxReport report = validate_tmx(memory, kDtd);
    CHECK(report.valid());
    CHECK(report.units == 2);
}

TEST_CASE("a UTF-16 memory with CR LF line ends gets UTF-16 units with CR LF") {
    ScratchDirectory scratch;
    const auto memory = scratch.path() / "utf16.tmx";
    const std::string content = utf16le(
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<tmx version=\"1.4\">\r\n"
        "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" "
        "srclang=\"ko\" datatype=\"plaintext\"/>\r\n<body>\r\n"
        "<tu tuid=\"1\"><tuv xml:lang=\"ko\"><seg>x</seg></tuv><tuv xml:lang=\"en\"><seg>y</seg></tuv></tu>\r\n"
        "</body>\r\n</tmx>\r\n");
    test::write_file(memory, content);
    append_tmx(memory, {unit("z", "w")}, {}, kDtd);
    const std::string merged = test::read_file(memory);
    CHECK(only_inserted(content, merged));
    CHECK(merged.find(utf16le("<seg>z</seg>\r\n").substr(2)) != std::string::npos);
    CHECK(merged.find(std::string("\n\0", 2)) == merged.find(std::string("\r\0\n\0", 4)) + 2);  // every LF after a CR
    const TmxReport report = validate_tmx(memory, kDtd);
    CHECK(report.valid());
    CHECK(report.units == 2);
}

TEST_CASE("a UTF-16 memory with a byte order mark and no encoding declaration (Trados Workbench) gets UTF-16 units") {
    ScratchDirectory scratch;
    const auto memory = scratch.path() / "workbench.tmx";
    const std::string content = utf16le(
        "<?xml version=\"1.0\" ?>\r\n<tmx version=\"1.4\">\r\n"
        "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" "
        "srclang=\"ko\" datatype=\"plaintext\"/>\r\n<body>\r\n"
        "<tu tuid=\"1\"><tuv xml:lang=\"ko\"><seg>x</seg></tuv><tuv xml:lang=\"en\"><seg>y</seg></tuv></tu>\r\n"
        "</body>\r\n</tmx>\r\n");
    test::write_file(memory, content);
    CHECK(validate_tmx(memory, kDtd).encoding == "UTF-16");
    append_tmx(memory, {unit("z", "w")}, {}, kDtd);
    const std::string merged = test::read_file(memory);
    CHECK(only_inserted(content, merged));
    CHECK(merged.find(utf16le("<seg>z</seg>\r\n").substr(2)) != std::string::npos);
    const TmxReport report = validate_tmx(memory, kDtd);
    CHECK(report.valid());
    CHECK(report.units == 2);
}

TEST_CASE("a TMX 1.1 memory keeps its version: new <tuv>s name their language with lang") {
    ScratchDirectory scratch;
    const auto memory = scratch.path() / "omegat.tmx";
    const std::string content =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx11.dtd\">\n<tmx version=\"1.1\">\n"
        "  <header creationtool=\"OmegaT\" o-tmf=\"OmegaT TMX\" adminlang=\"EN-US\" datatype=\"plaintext\" "
        "creationtoolversion=\"6.0.0\" segtype=\"sentence\" srclang=\"*all*\"/>\n  <body>\n"
        "    <tu>\n      <tuv lang=\"en\">\n        <seg>a</seg>\n      </tuv>\n"
        "      <tuv lang=\"ko\">\n        <seg>가</seg>\n      </tuv>\n    </tu>\n  </body>\n</tmx>\n";
    test::write_file(memory, content);
    append_tmx(memory, {unit("나", "b")}, {}, kDtd);  // srclang *all*: any source language
    const std::string merged = test::read_file(memory);
    CHECK(only_inserted(content, merged));
    CHECK(merged.find("<tuv lang=\"ko\">\n        <seg>나</seg>") != std::string::npos);
    CHECK(merged.find("xml:lang") == std::string::npos);
    const TmxReport report = validate_tmx(memory, kDtd);
    CHECK(report.valid());
    CHECK(report.version == "1.1");
}
