// Tests for the streaming TMX writer and the unit set used to deduplicate runs.
#include "write/tmx_stream_writer.hpp"

#include "artalign/error.hpp"
#include "util/unit_set.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

std::vector<TranslationUnit> some_units() {
    TranslationUnit first;
    first.source = "첫 문장입니다.";
    first.target = "The first  sentence.\x01";
    first.bead_type = "1-1";
    first.score = 0.6235;
    first.source_url = "http://www.hani.co.kr/a.html";
    first.target_url = "https://english.hani.co.kr/a.html";
    first.article_date = "2020-02-12T17:26:00+09:00";
    first.article_title = "A <title> & more";
    TranslationUnit empty = first;
    empty.target = " \x02 ";
    first.warning = "probably not a translation";
    TranslationUnit second = first;
    second.warning.clear();
    second.source = "두 번째.";
    second.target = "Second.";
    second.bead_type = "2-1";
    return {first, empty, second};
}

}  // namespace

TEST_CASE("unit by unit, the document is byte for byte what write_tmx writes") {
    test::ScratchDirectory scratch;
    TmxOptions options;
    options.created = std::chrono::system_clock::time_point(std::chrono::seconds(1581495960));
    options.source_language = "ko";
    options.target_language = "en";
    options.first_tuid = 41;
    const auto units = some_units();
    write_tmx(scratch.path() / "whole.tmx", units, options);

    TmxOptions other = options;
    other.source_language = "xx";
    TmxStreamWriter writer(scratch.path() / "stream.tmx", other);
    writer.set_languages("ko", "en");
    std::size_t added = 0;
    for (const auto& unit : units) added += writer.add(unit) ? 1 : 0;
    CHECK(added == 2);  // the unit with an empty side is left out, as write_tmx does
    CHECK_THROWS_AS(writer.set_languages("ko", "en"), std::logic_error);
    writer.commit();
    CHECK(test::read_file(scratch.path() / "stream.tmx") == test::read_file(scratch.path() / "whole.tmx"));
}

TEST_CASE("no commit, no file: an existing TMX is left as it was") {
    test::ScratchDirectory scratch;
    const auto target = scratch.path() / "out.tmx";
    test::write_file(target, "old");
    {
        TmxStreamWriter writer(target, {});
        writer.add(some_units()[0]);
    }
    CHECK(test::read_file(target) == "old");
    CHECK(std::distance(std::filesystem::directory_iterator(scratch.path()), {}) == 1);
    CHECK_THROWS_AS(TmxStreamWriter(scratch.path() / "missing/out.tmx", {}), OutputError);
}

TEST_CASE("finish completes the document but leaves the output until commit") {
    test::ScratchDirectory scratch;
    const auto target = scratch.path() / "out.tmx";
    test::write_file(target, "old");
    TmxStreamWriter writer(target, {});
    writer.add(some_units()[0]);
    writer.finish();
    CHECK(test::read_file(target) == "old");
    CHECK_THROWS_AS(writer.add(some_units()[2]), std::logic_error);
    writer.commit();
    const std::string text = test::read_file(target);
    CHECK(text.find("The first sentence.") != std::string::npos);
    CHECK(text.substr(text.size() - 7) == "</tmx>\n");
    CHECK(std::distance(std::filesystem::directory_iterator(scratch.path()), {}) == 1);
}

TEST_CASE("an empty run still writes a valid, empty TMX") {
    test::ScratchDirectory scratch;
    TmxStreamWriter writer(scratch.path() / "empty.tmx", {});
    writer.commit();
    const std::string text = test::read_file(scratch.path() / "empty.tmx");
    CHECK(text.find("<body/>") != std::string::npos);
    CHECK(writer.units_written() == 0);
}

TEST_CASE("the unit set tells exact repeats from new pairs, and sides do not run together") {
    UnitSet seen;
    CHECK(seen.insert("가", "a"));
    CHECK(!seen.insert("가", "a"));
    CHECK(seen.insert("가", "a "));
    CHECK(seen.insert("가a", ""));  // not the same as ("가", "a")
    CHECK(seen.insert("", "가a"));
    CHECK(seen.size() == 4);
}

TEST_CASE("a numbered unit set names the first number a repeat was inserted with, through growth") {
    UnitSet seen;
    CHECK(seen.insert("평문", "plain"));
    for (std::size_t k = 1; k <= 3000; ++k) CHECK(seen.insert_numbered("원문 " + std::to_string(k), "text", k) == 0);
    for (std::size_t k = 1; k <= 3000; k += 11) CHECK(seen.insert_numbered("원문 " + std::to_string(k), "text", 9999) == k);
    CHECK(seen.insert_numbered("평문", "plain", 5) == 0);  // inserted unnumbered
    CHECK(seen.size() == 3001);
    CHECK_FALSE(seen.insert("원문 7", "text"));
}

TEST_CASE("the unit set keeps every pair through its table's growth") {
    UnitSet seen;
    for (int k = 0; k < 5000; ++k) CHECK(seen.insert("원문 " + std::to_string(k), "text " + std::to_string(k)));
    for (int k = 0; k < 5000; k += 7) CHECK(!seen.insert("원문 " + std::to_string(k), "text " + std::to_string(k)));
    CHECK(seen.size() == 5000);
    CHECK(seen.contains("원문 4999", "text 4999"));
    CHECK_FALSE(seen.contains("원문 5000", "text 5000"));
    CHECK_FALSE(seen.contains("원문 1", "text 2"));
    CHECK_FALSE(UnitSet().contains("", ""));
}
