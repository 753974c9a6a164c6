// Tests for TMX validation: the DTD, the srclang rule, and hostile DOCTYPEs refused.
#include "write/tmx_validator.hpp"

#include <sys/stat.h>

#include <thread>
#include <vector>

#include "artalign/error.hpp"
#include "write/tmx_writer.hpp"
#include "test_support.hpp"

using namespace artalign;
using artalign::test::ScratchDirectory;

namespace {

const std::filesystem::path kDtd = tmx_dtd_path(test::kData);

const std::string kHeader =
    "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" "
    "srclang=\"ko\" datatype=\"plaintext\"/>";

std::string tmx(const std::string& body, const std::string& prolog = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog + "<tmx version=\"1.4\">\n" + kHeader + "\n<body>\n" +
           body + "</body>\n</tmx>\n";
}

const std::string kGoodUnit =
    "<tu tuid=\"1\"><tuv xml:lang=\"ko\"><seg>가</seg></tuv><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n";

}  // namespace

TEST_CASE("what write_tmx writes is valid") {
    ScratchDirectory scratch;
    TranslationUnit unit;
    unit.source = "가 & <b>";
    unit.target = "a";
    for (const char* source_language : {"ko", "ko-KR"}) {
        TmxOptions options;
        options.source_language = source_language;
        write_tmx(scratch.path() / "out.tmx", {unit, unit}, options);
        const TmxReport report = validate_tmx(scratch.path() / "out.tmx", kDtd);
        CHECK(report.valid());
        CHECK(report.units == 2);
        CHECK(report.srclang == source_language);
        CHECK(report.encoding == "UTF-8");
    }
}

TEST_CASE("a DTD violation is reported with its line") {
    const TmxReport report = validate_tmx_text(tmx(kGoodUnit + "<tu><seg>no tuv</seg></tu>\n"), "x.tmx", kDtd);
    CHECK_FALSE(report.valid());
    CHECK(report.well_formed);
    CHECK(report.is_tmx);
    REQUIRE(!report.problems.empty());
    CHECK(report.problems.front().line == 6);
    CHECK(report.problems.front().message.find("tu") != std::string::npos);
}

TEST_CASE("the srclang rule: every tu needs a tuv in the header's srclang, case aside") {
    const std::string upper = "<tu tuid=\"2\"><tuv xml:lang=\"KO\"><seg>나</seg></tuv></tu>\n";
    const std::string missing = "<tu tuid=\"3\"><tuv xml:lang=\"ja\"><seg>x</seg></tuv><tuv xml:lang=\"en\"><seg>b</seg></tuv></tu>\n";
    const TmxReport report = validate_tmx_text(tmx(kGoodUnit + upper + missing), "x.tmx", kDtd);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].line == 7);
    CHECK(report.problems[0].message == "<tu tuid=\"3\"> has no <tuv> in its srclang 'ko' (the header's)");
    CHECK(report.units == 3);

    std::string all = tmx(missing);
    all.replace(all.find("srclang=\"ko\""), 12, "srclang=\"*all*\"");
    CHECK(validate_tmx_text(all, "x.tmx", kDtd).valid());
}

TEST_CASE("not XML, not TMX, empty") {
    const TmxReport garbage = validate_tmx_text("this is <not xml", "g.tmx", kDtd);
    CHECK_FALSE(garbage.well_formed);
    CHECK_FALSE(garbage.valid());
    CHECK(garbage.problems.front().line == 1);

    const TmxReport html = validate_tmx_text("<html><body/></html>", "h.tmx", kDtd);
    CHECK(html.well_formed);
    CHECK_FALSE(html.is_tmx);
    CHECK(html.problems.front().message == "the root element is <html>, not <tmx>: this is not a TMX file");

    CHECK_FALSE(validate_tmx_text("", "e.tmx", kDtd).valid());
}

TEST_CASE("a DOCTYPE declaring entities is refused before anything is expanded (billion laughs)") {
    std::string prolog = "<!DOCTYPE tmx [\n<!ENTITY lol0 \"lol\">\n";
    for (int k = 1; k < 10; ++k) {
        prolog += "<!ENTITY lol" + std::to_string(k) + " \"";
        for (int j = 0; j < 10; ++j) prolog += "&lol" + std::to_string(k - 1) + ";";
        prolog += "\">\n";
    }
    prolog += "]>\n";
    const std::string unit = "<tu><tuv xml:lang=\"ko\"><seg>&lol9;</seg></tuv></tu>\n";
    const TmxReport report = validate_tmx_text(tmx(unit, prolog), "lol.tmx", kDtd);
    CHECK(report.declares_entities);
    CHECK_FALSE(report.well_formed);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].line == 3);
    CHECK(report.problems[0].message.find("declares entities") != std::string::npos);
}

TEST_CASE("external entities and parameter entities are refused; nothing is read from the file system") {
    ScratchDirectory scratch;
    test::write_file(scratch.path() / "secret.txt", "secret");
    const std::string external =
        "<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file://" + (scratch.path() / "secret.txt").string() + "\">]>\n";
    const TmxReport report =
        validate_tmx_text(tmx("<tu><tuv xml:lang=\"ko\"><seg>&xxe;</seg></tuv></tu>\n", external), "xxe.tmx", kDtd);
    CHECK(report.declares_entities);

    const std::string parameter = "<!DOCTYPE tmx [<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/x.dtd\"> %remote;]>\n";
    CHECK(validate_tmx_text(tmx(kGoodUnit, parameter), "pe.tmx", kDtd).declares_entities);
}

TEST_CASE("a DOCTYPE naming an external DTD is accepted, the DTD is not loaded, ours is used") {
    ScratchDirectory scratch;
    // A DTD that would declare an entity and allow anything, were it loaded.
    test::write_file(scratch.path() / "evil.dtd", "<!ENTITY boom \"BOOM\"><!ELEMENT tmx ANY>");
    const std::string doctype = "<!DOCTYPE tmx SYSTEM \"file://" + (scratch.path() / "evil.dtd").string() + "\">\n";
    const TmxReport report = validate_tmx_text(tmx(kGoodUnit, doctype), "ext.tmx", kDtd);
    CHECK(report.valid());
    const TmxReport remote = validate_tmx_text(tmx(kGoodUnit, "<!DOCTYPE tmx SYSTEM \"http://127.0.0.1:9/tmx14.dtd\">\n"),
                                               "remote.tmx", kDtd);
    CHECK(remote.valid());
}

TEST_CASE("files are read in chunks: a prolog longer than a chunk is still checked, a pipe is read too") {
    ScratchDirectory scratch;
    // An entity declared after 100 KB of comments in the internal subset is still refused.
    const std::string padding = "<!-- " + std::string(100000, 'x') + " -->\n";
    const auto late = scratch.path() / "late.tmx";
    test::write_file(late, tmx(kGoodUnit, "<!DOCTYPE tmx [\n" + padding + "<!ENTITY a \"b\">\n]>\n"));
    const TmxReport refused = validate_tmx(late, kDtd);
    CHECK(refused.declares_entities);
    REQUIRE(refused.problems.size() == 1);
    CHECK(refused.problems[0].line == 4);

    // Many units, several times the chunk size, with a problem near the end.
    std::string body;
    for (int k = 0; k < 5000; ++k) body += kGoodUnit;
    body += "<tu><tuv xml:lang=\"en\"><seg>no source</seg></tuv></tu>\n";
    const auto large = scratch.path() / "large.tmx";
    test::write_file(large, tmx(body, padding));
    const TmxReport report = validate_tmx(large, kDtd);
    CHECK(report.units == 5001);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].line == 5006);

    // A file that cannot seek (read twice: the prolog, then the stream) is read whole first.
    const auto fifo = scratch.path() / "fifo.tmx";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] { test::write_file(fifo, tmx(kGoodUnit)); });
    const TmxReport piped = validate_tmx(fifo, kDtd);
    writer.join();
    CHECK(piped.valid());
    CHECK(piped.units == 1);
}

TEST_CASE("missing files and a missing DTD are errors naming them") {
    ScratchDirectory scratch;
    CHECK_THROWS_WITH_AS(validate_tmx(scratch.path() / "none.tmx", kDtd),
                         ((scratch.path() / "none.tmx").string() + ": no such file").c_str(), InputError);
    CHECK_THROWS_AS(validate_tmx(scratch.path(), kDtd), InputError);
    CHECK_THROWS_AS(validate_tmx_text(tmx(kGoodUnit), "x.tmx", scratch.path() / "no.dtd"), DataError);
}

TEST_CASE("every truncation of a valid memory is reported, none crashes") {
    ScratchDirectory scratch;
    TranslationUnit unit;
    unit.source = "가나다.";
    unit.target = "Abc.";
    unit.source_url = "http://ko/1";
    write_tmx(scratch.path() / "out.tmx", {unit, unit, unit});
    const std::string whole = test::read_file(scratch.path() / "out.tmx");
    REQUIRE(validate_tmx_text(whole, "out.tmx", kDtd).valid());
    std::size_t invalid = 0;
    std::size_t cuts = 0;
    for (std::size_t cut = 0; cut + 8 < whole.size(); cut += 7) {
        ++cuts;
        const TmxReport report = validate_tmx_text(std::string_view(whole).substr(0, cut), "cut.tmx", kDtd);
        if (!report.valid()) ++invalid;
    }
    CHECK(invalid == cuts);
}

TEST_CASE("bytes that are not XML at all are reported, not thrown") {
    std::string noise;
    for (int k = 0; k < 4096; ++k) noise.push_back(static_cast<char>((k * 7919 + 13) % 256));
    const TmxReport report = validate_tmx_text(noise, "noise.tmx", kDtd);
    CHECK_FALSE(report.well_formed);
    CHECK_FALSE(report.problems.empty());
}

TEST_CASE("TMX 1.1 and 1.2 are read by their own rules: lang on <tuv>, no <hi> in 1.1") {
    const auto document = [](const std::string& version, const std::string& seg, const std::string& language) {
        return "<?xml version=\"1.0\"?>\n<tmx version=\"" + version + "\">\n" + kHeader + "\n<body>\n<tu><tuv " +
               language + "=\"ko\"><seg>" + seg + "</seg></tuv></tu>\n</body>\n</tmx>\n";
    };
    for (const char* version : {"1.1", "1.2"}) {
        const TmxReport report = validate_tmx_text(document(version, "가", "lang"), "old.tmx", kDtd);
        CHECK(report.valid());
        CHECK(report.version == version);
    }
    CHECK(validate_tmx_text(document("1.2", "<hi>가</hi>", "lang"), "x.tmx", kDtd).valid());
    const TmxReport hi = validate_tmx_text(document("1.1", "<hi>가</hi>", "lang"), "x.tmx", kDtd);
    REQUIRE(hi.problems.size() == 1);
    CHECK(hi.problems[0].message == "<hi>: TMX 1.2 introduced <hi>; this memory says it is TMX 1.1");
    const TmxReport no_language = validate_tmx_text(document("1.1", "가", "creationid"), "x.tmx", kDtd);
    REQUIRE_FALSE(no_language.problems.empty());
    CHECK(no_language.problems[0].message.find("<tuv> has no lang attribute") == 0);
    const TmxReport deprecated = validate_tmx_text(document("1.4", "가", "lang"), "x.tmx", kDtd);
    REQUIRE(deprecated.problems.size() == 1);
    CHECK(deprecated.problems[0].message ==
          "<tuv lang=\"ko\"> has no xml:lang, which TMX 1.4 requires (lang is TMX 1.1 and 1.2's)");
    const TmxReport future = validate_tmx_text(document("2.0", "가", "xml:lang"), "x.tmx", kDtd);
    REQUIRE(future.problems.size() == 1);
    CHECK(future.problems[0].line == 2);
    CHECK(future.problems[0].message == "<tmx version=\"2.0\">: artalign reads TMX 1.1, 1.2, 1.3 and 1.4");
}

TEST_CASE("beyond the DTD: language tags, dates, inline codes, srclang overrides") {
    const auto problems = [](const std::string& units) {
        std::vector<std::string> messages;
        for (const TmxProblem& problem : validate_tmx_text(tmx(units), "x.tmx", kDtd).problems)
            messages.push_back(std::to_string(problem.line) + ": " + problem.message);
        return messages;
    };
    const auto one = [](const std::string& seg) {
        return "<tu><tuv xml:lang=\"ko\"><seg>" + seg + "</seg></tuv></tu>\n";
    };
    CHECK(problems(one("<bpt i=\"1\">b</bpt>x<ept i=\"1\">e</ept> <ph x=\"2\">p</ph>")).empty());
    CHECK(problems("<tu><tuv xml:lang=\"this is not a language\"><seg>a</seg></tuv></tu>\n") ==
          std::vector<std::string>{
              "5: <tuv xml:lang=\"this is not a language\">: not a BCP 47 language tag (such as en, ko-KR, zh-Hant)",
              "5: <tu> has no <tuv> in its srclang 'ko' (the header's)"});
    CHECK(problems("<tu creationdate=\"yesterday\"><tuv xml:lang=\"ko\" changedate=\"20240230T120000Z\"><seg>a</seg></tuv></tu>\n") ==
          std::vector<std::string>{
              "5: <tu creationdate=\"yesterday\">: not a TMX date (YYYYMMDDThhmmssZ, e.g. 20240131T235900Z)",
              "5: <tuv changedate=\"20240230T120000Z\">: not a TMX date (YYYYMMDDThhmmssZ, e.g. 20240131T235900Z)"});
    CHECK(problems(one("<ept i=\"1\">e</ept>")) ==
          std::vector<std::string>{"5: <ept i=\"1\">: no <bpt i=\"1\"> before it in its <seg>"});
    CHECK(problems(one("<bpt i=\"1\">b</bpt>")) ==
          std::vector<std::string>{"5: <bpt i=\"1\">: no <ept i=\"1\"> after it in its <seg>"});
    CHECK(problems(one("<bpt i=\"1\">b</bpt><ept i=\"1\">e</ept><bpt i=\"1\">b</bpt><ept i=\"1\">e</ept>")) ==
          std::vector<std::string>{"5: <bpt i=\"1\">: a second <bpt> with this i in one <seg>",
                                   "5: <ept i=\"1\">: no <bpt i=\"1\"> before it in its <seg>"});
    CHECK(problems(one("<ph x=\"a\">p</ph><ph x=\"2\">p</ph><ph x=\"2\">q</ph>")) ==
          std::vector<std::string>{"5: <ph x=\"a\">: x must be a number",
                                   "5: <ph x=\"2\">: a second inline code with this x in one <seg>"});
    // A <sub> is a segment of its own: its codes pair inside it.
    CHECK(problems(one("<ph x=\"1\">a<sub><bpt i=\"1\">b</bpt><ept i=\"1\">e</ept></sub></ph><bpt i=\"1\">b</bpt><ept i=\"1\">e</ept>"))
              .empty());
    // A unit's own srclang overrides the header's; *all* means any.
    CHECK(problems("<tu srclang=\"en\"><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n").empty());
    CHECK(problems("<tu srclang=\"*all*\"><tuv xml:lang=\"fr\"><seg>a</seg></tuv></tu>\n").empty());
    CHECK(problems("<tu srclang=\"en\"><tuv xml:lang=\"ko\"><seg>a</seg></tuv></tu>\n") ==
          std::vector<std::string>{"5: <tu> has no <tuv> in its srclang 'en' (its own srclang attribute)"});
}
