// Tests for TMX writing: structure, escaping, forbidden characters, atomic replacement.
#include "write/tmx_writer.hpp"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <cstring>

#include "artalign/error.hpp"
#include "write/tmx_stream_writer.hpp"
#include "test_support.hpp"

using namespace artalign;
using artalign::test::ScratchDirectory;

namespace {

// Reads a written TMX back with libxml2 and evaluates XPath string expressions on it.
class TmxReader {
public:
    explicit TmxReader(const std::filesystem::path& file)
        : doc_(xmlReadFile(file.c_str(), nullptr, XML_PARSE_NONET)) {
        REQUIRE(doc_ != nullptr);
    }
    ~TmxReader() { xmlFreeDoc(doc_); }
    TmxReader(const TmxReader&) = delete;
    TmxReader& operator=(const TmxReader&) = delete;

    std::string string(const std::string& xpath) const {
        xmlXPathContext* context = xmlXPathNewContext(doc_);
        xmlXPathObject* result = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), context);
        xmlChar* text = xmlXPathCastToString(result);
        std::string out(reinterpret_cast<const char*>(text));
        xmlFree(text);
        xmlXPathFreeObject(result);
        xmlXPathFreeContext(context);
        return out;
    }

private:
    xmlDoc* doc_;
};

TranslationUnit unit(std::string source, std::string target) {
    TranslationUnit u;
    u.source = std::move(source);
    u.target = std::move(target);
    u.bead_type = "1-1";
    u.score = 0.87654;
    u.source_url = "http://www.hani.co.kr/arti/1.html";
    u.target_url = "https://english.hani.co.kr/arti/2.html";
    u.article_date = "2020-02-12T17:26:00+09:00";
    u.article_title = "A \"title\"";
    return u;
}

}  // namespace

TEST_CASE("the header and units carry what TMX 1.4b and CAT tools need") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "out.tmx";
    TmxOptions options;
    options.created = std::chrono::system_clock::from_time_t(1581495960);  // 2020-02-12T08:26:00Z
    write_tmx(file, {unit("첫 문장이다.", "The first sentence."), unit("둘째.", "Second.")}, options);

    const std::string text = test::read_file(file);
    CHECK(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);  // no BOM
    const TmxReader tmx(file);
    CHECK(tmx.string("/tmx/@version") == "1.4");
    CHECK(tmx.string("/tmx/header/@srclang") == "ko");
    CHECK(tmx.string("/tmx/header/@creationtool") == "artalign");
    CHECK(tmx.string("/tmx/header/@segtype") == "sentence");
    CHECK(tmx.string("/tmx/header/@datatype") == "plaintext");
    CHECK(tmx.string("/tmx/header/@creationdate") == "20200212T082600Z");
    CHECK(tmx.string("count(/tmx/body/tu)") == "2");
    CHECK(tmx.string("/tmx/body/tu[1]/@tuid") == "1");
    CHECK(tmx.string("/tmx/body/tu[1]/tuv[1]/@xml:lang") == "ko");
    CHECK(tmx.string("/tmx/body/tu[1]/tuv[1]/seg") == "첫 문장이다.");
    CHECK(tmx.string("/tmx/body/tu[1]/tuv[2]/@xml:lang") == "en");
    CHECK(tmx.string("/tmx/body/tu[2]/tuv[2]/seg") == "Second.");
    CHECK(tmx.string("/tmx/body/tu[1]/prop[@type='x-bead']") == "1-1");
    CHECK(tmx.string("/tmx/body/tu[1]/prop[@type='x-score']") == "0.877");
    CHECK(tmx.string("/tmx/body/tu[1]/prop[@type='x-source-url']") == "http://www.hani.co.kr/arti/1.html");
    CHECK(tmx.string("/tmx/body/tu[1]/prop[@type='x-article-title']") == "A \"title\"");
}

TEST_CASE("markup is escaped, forbidden characters are removed, empty units are skipped") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "out.tmx";
    write_tmx(file, {unit("<script>alert('x')</script> & \"q\"", "a\x01" "b\x0B" "c \xFF d"), unit("  ", "orphan")});
    const std::string text = test::read_file(file);
    CHECK(text.find("<script>") == std::string::npos);
    CHECK(text.find("&lt;script&gt;") != std::string::npos);
    const TmxReader tmx(file);
    CHECK(tmx.string("count(/tmx/body/tu)") == "1");
    CHECK(tmx.string("/tmx/body/tu[1]/tuv[1]/seg") == "<script>alert('x')</script> & \"q\"");
    CHECK(tmx.string("/tmx/body/tu[1]/tuv[2]/seg") == "a b c d");
}

TEST_CASE("clean_segment_text keeps what XML allows") {
    CHECK(clean_segment_text("tab\there") == "tab here");
    CHECK(clean_segment_text("\xEF\xBF\xBE") == "");  // U+FFFE
    CHECK(clean_segment_text("😀 ok") == "😀 ok");
}

TEST_CASE("a failed write leaves the previous memory as it was") {
    ScratchDirectory scratch;
    CHECK_THROWS_AS(write_tmx(scratch.path() / "missing-dir/out.tmx", {unit("가", "a")}), OutputError);
    const auto file = scratch.path() / "out.tmx";
    test::write_file(file, "previous memory");
    std::filesystem::permissions(scratch.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    const bool can_still_write = ::access(scratch.path().c_str(), W_OK) == 0;  // root ignores permissions
    if (!can_still_write) CHECK_THROWS_AS(write_tmx(file, {unit("가", "a")}), OutputError);
    std::filesystem::permissions(scratch.path(), std::filesystem::perms::owner_all);
    CHECK(test::read_file(file) == "previous memory");
}

TEST_CASE("a write cut short (file size limit, as a full disk) is one error saying why; the old file stays") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "out.tmx";
    test::write_file(file, "previous memory");
    std::vector<TranslationUnit> many;
    for (int k = 0; k < 200; ++k) many.push_back(unit("문장 " + std::to_string(k), "sentence"));
    // EFBIG with SIGXFSZ ignored: what tests/cli/disk_full.sh checks on a real full tmpfs, here
    // without the need to mount one.
    rlimit old_limit{};
    getrlimit(RLIMIT_FSIZE, &old_limit);
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = old_limit;
    limit.rlim_cur = 16384;
    setrlimit(RLIMIT_FSIZE, &limit);
    const std::string expected = file.string() + ": write failed: " + std::strerror(EFBIG);
    CHECK_THROWS_WITH_AS(write_tmx(file, many), expected.c_str(), OutputError);
    CHECK_THROWS_WITH_AS(
        [&] {
            TmxStreamWriter stream(file, {});
            for (const TranslationUnit& u : many) stream.add(u);
            stream.commit();
        }(),
        expected.c_str(), OutputError);
    setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);
    CHECK(test::read_file(file) == "previous memory");
    CHECK(std::distance(std::filesystem::directory_iterator(scratch.path()), {}) == 1);
}

TEST_CASE("tmx_document is what write_tmx writes; tuids start at first_tuid and skip nothing") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "out.tmx";
    TmxOptions options;
    options.created = std::chrono::system_clock::from_time_t(1581495960);
    options.first_tuid = 41;
    const std::vector<TranslationUnit> units = {unit("가.", "A."), unit("", "dropped"), unit("나.", "B.")};
    write_tmx(file, units, options);
    CHECK(tmx_document(units, options) == test::read_file(file));
    const TmxReader tmx(file);
    CHECK(tmx.string("/tmx/body/tu[1]/@tuid") == "41");
    CHECK(tmx.string("/tmx/body/tu[2]/@tuid") == "42");
    CHECK(tmx.string("count(/tmx/body/tu)") == "2");
}

TEST_CASE("regional language codes go to the header and the tuvs alike") {
    ScratchDirectory scratch;
    const auto file = scratch.path() / "out.tmx";
    TmxOptions options;
    options.source_language = "ko-KR";
    options.target_language = "en-US";
    write_tmx(file, {unit("가.", "A.")}, options);
    const TmxReader tmx(file);
    CHECK(tmx.string("/tmx/header/@srclang") == "ko-KR");
    CHECK(tmx.string("/tmx/body/tu[1]/tuv[1]/@xml:lang") == "ko-KR");
    CHECK(tmx.string("/tmx/body/tu[1]/tuv[2]/@xml:lang") == "en-US");
}
