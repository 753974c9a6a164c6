// Tests for reading pair records and for a pair's outcome line.
#include "batch/pair_request.hpp"

#include <cmath>
#include <limits>

#include "artalign/error.hpp"
#include "batch/pair_outcome.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

PairRequest request_from(const std::string& json) { return parse_pair_request(parse_json(json, "t"), "stdin line 2"); }

std::string error_of(const std::string& json) {
    try {
        request_from(json);
    } catch (const InputError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("records name pages by path, by URL in a mirror, or inline; the key is the id") {
    const PairRequest paths = request_from(R"({"id": 7, "translation": "en.html", "original": "ko.html"})");
    CHECK(paths.key == "7");
    CHECK(paths.input.translation_page == "en.html");
    CHECK(paths.input.original_page == std::filesystem::path("ko.html"));

    const std::string mirror = (test::kSamples / "mirror").string();
    const PairRequest url = request_from(
        R"({"translation": "https://english.hani.co.kr/arti/english_edition/e_international/928034.html", "mirror": ")" + mirror + "\"}");
    CHECK(url.key == "https://english.hani.co.kr/arti/english_edition/e_international/928034.html");
    CHECK(url.input.translation_page == "https://english.hani.co.kr/arti/english_edition/e_international/928034.html");
    CHECK(url.input.mirror_root == std::filesystem::path(mirror));

    const PairRequest inline_pages = request_from(R"({"id": "x", "translation_html": "<html/>", "original_html": "<p>"})");
    CHECK(inline_pages.key == "\"x\"");
    CHECK(inline_pages.translation_html == std::optional<std::string>("<html/>"));
}

TEST_CASE("records name a WARC record by file and offset; pair_request_json writes every request back the same") {
    const PairRequest warc =
        request_from(R"({"id": 3, "translation": "http://a/p.html", "warc": "b.warc.gz", "offset": 4500000152, "archive": ["a.warc.gz"]})");
    REQUIRE(warc.input.translation_record);
    CHECK(warc.input.translation_record->file == "b.warc.gz");
    CHECK(warc.input.translation_record->offset == 4500000152u);  // over 4 GB
    // The record's own file is looked in first.
    CHECK(warc.input.archive_files == std::vector<std::filesystem::path>{"b.warc.gz", "a.warc.gz"});
    CHECK(request_from(R"({"warc": "b.warc", "offset": 7})").key == "b.warc@7");

    for (const std::string json :
         {R"({"id":3,"translation":"http://a/p.html","warc":"b.warc.gz","offset":12,"archive":["b.warc.gz","a.warc.gz"]})",
          R"({"id":"x","translation":"en.html","original":"ko.html","mirror":"m"})",
          R"({"id":1,"translation_html":"\u003chtml/\u003e","original_html":"\u003cp\u003e"})"}) {
        CHECK(pair_request_json(request_from(json)) == json);
    }
}

TEST_CASE("bad records are InputErrors naming the record and the problem") {
    CHECK(error_of("[1]") == "stdin line 2: a record must be a JSON object");
    CHECK(error_of(R"({"id": 1})") ==
          "stdin line 2: a record needs \"translation\" (a path or URL), \"warc\" and \"offset\", or \"translation_html\"");
    CHECK(error_of(R"({"id": 1, "warc": "a.warc"})") == "stdin line 2: \"warc\" and \"offset\" go together");
    CHECK(error_of(R"({"id": 1, "warc": "a.warc", "offset": 1.5})") ==
          "stdin line 2: field \"offset\" must be a byte offset (a whole number from 0)");
    CHECK(error_of(R"({"id": 1, "warc": "a.warc", "offset": 0, "translation": "en.html"})") ==
          "stdin line 2: with \"warc\", \"translation\" is the page's URL, not \"en.html\"");
    CHECK(error_of(R"({"id": 1, "translation": "http://a/b", "archive": []})") ==
          "stdin line 2: field \"archive\" must be a list of WARC files");
    CHECK(error_of(R"({"translaton": "a.html"})").find("unknown field \"translaton\"") != std::string::npos);
    CHECK(error_of(R"({"a\nb": 1})").find("unknown field \"a\\nb\" (known:") != std::string::npos);  // one line
    CHECK(error_of(R"({"translation": 3})") == "stdin line 2: field \"translation\" must be a string");
    CHECK(error_of(R"({"translation": "ftp://x.org/a.html"})").find("only local paths and http(s) URLs") != std::string::npos);
    CHECK(error_of(R"({"translation_html": "<html/>"})") == "stdin line 2: a record with inline HTML needs an \"id\"");
    CHECK(error_of(R"({"id": 1, "original_html": "<html/>", "translation": "a.html"})").find("needs \"translation_html\"") !=
          std::string::npos);
    CHECK(error_of(R"({"id": [1], "translation": "a.html"})") == "stdin line 2: field \"id\" must be a string or a number");
}

TEST_CASE("process_pair: aligned inline pages, a skipped non-article, a failed missing page; never a throw") {
    const Pipeline pipeline(test::kData);
    PairRequest inline_pages;
    inline_pages.key = "1";
    inline_pages.id = JsonValue::make_number("1");
    inline_pages.translation_html = test::read_file(test::kEnglishSample);
    inline_pages.original_html = test::read_file(test::kKoreanSample);
    const PairOutcome aligned = process_pair(pipeline, inline_pages);
    REQUIRE(aligned.status == PairStatus::aligned);
    CHECK(aligned.units.size() == aligned.index.summary.units);
    CHECK(aligned.units.size() > 8);
    CHECK(aligned.source_language == "ko");
    CHECK(aligned.coverage_json.rfind("{\"schema\":\"artalign-coverage/1\"", 0) == 0);
    // The line reads back to the same line.
    const std::string line = pair_outcome_json(aligned);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(pair_outcome_json(parse_pair_outcome(parse_json(line, "t"), "t")) == line);

    PairRequest not_article = inline_pages;
    not_article.translation_html = "<html><body><p>Menu</p></body></html>";
    CHECK(process_pair(pipeline, not_article).status == PairStatus::skipped);

    const PairOutcome failed = process_pair(pipeline, page_request("/no/such/page.html"));
    CHECK(failed.status == PairStatus::failed);
    CHECK(failed.reason.rfind("/no/such/page.html: ", 0) == 0);
    CHECK(parse_pair_outcome(parse_json(pair_outcome_json(failed), "t"), "t").reason == failed.reason);
}

TEST_CASE("a line that is not a pair outcome is an InputError") {
    CHECK_THROWS_AS(parse_pair_outcome(parse_json(R"({"schema":"other"})", "t"), "f line 1"), InputError);
    CHECK_THROWS_AS(parse_pair_outcome(parse_json(R"({"schema":"artalign-pair/1","key":"a","status":"aligned"})", "t"), "f line 1"),
                    InputError);
    CHECK_THROWS_AS(parse_pair_outcome(parse_json(R"({"schema":"artalign-pair/1","key":1,"status":"failed"})", "t"), "f line 1"),
                    InputError);
}

TEST_CASE("a pair outcome missing a member or holding one of the wrong type names the record and the member") {
    const auto error_of_outcome = [](const std::string& json) {
        try {
            parse_pair_outcome(parse_json(json, "t"), "f line 1");
        } catch (const InputError& error) {
            return std::string(error.what());
        }
        return std::string("no error");
    };
    const std::string head = R"({"schema":"artalign-pair/1","key":"a","status":"aligned","source_language":"ko","target_language":"en",)";
    const std::string unit = R"({"source":"s","target":"t","bead":"1-1","score":0.5,"source_url":"","target_url":"","date":"","title":""})";
    const std::string index = R"({"title":"","original_title":"","href":"","omitted_paragraphs":0,"alignment_score":1,)"
                              R"("likely_not_translation":false,"summary":{"source_sentences":1,"covered_sentences":1,)"
                              R"("source_chars":1,"covered_chars":1,"untranslated":0,"additions":0,"units":1}})";
    const std::string whole = head + R"("units":[)" + unit + R"(],"index":)" + index + R"(,"coverage":{}})";
    CHECK(error_of_outcome(whole) == "no error");
    CHECK(parse_pair_outcome(parse_json(whole, "t"), "f").units.at(0).score == 0.5);

    // Lines of earlier versions call the unit's date and title "date" and "title"; today's
    // "article_date" and "article_title", as the JSONL output does. Both read; the new is written.
    std::string old_spelling = whole;
    old_spelling.replace(old_spelling.find(R"("date":"")"), 9, R"("date":"2020-02-12")");
    old_spelling.replace(old_spelling.find(R"("title":""})"), 11, R"("title":"Old"})");
    const PairOutcome old_outcome = parse_pair_outcome(parse_json(old_spelling, "t"), "f");
    CHECK(old_outcome.units.at(0).article_date == "2020-02-12");
    CHECK(old_outcome.units.at(0).article_title == "Old");
    const std::string rewritten = pair_outcome_json(old_outcome);
    CHECK(rewritten.find(R"("article_date":"2020-02-12","article_title":"Old")") != std::string::npos);
    CHECK(rewritten.find(R"("date")") == std::string::npos);
    CHECK(rewritten.find(R"("title":"Old")") == std::string::npos);
    const PairOutcome new_outcome = parse_pair_outcome(parse_json(rewritten, "t"), "f");
    CHECK(new_outcome.units.at(0).article_title == "Old");
    CHECK(pair_outcome_json(new_outcome) == rewritten);

    // A score that is not a number is written null, and null reads back as NaN.
    PairOutcome no_score = new_outcome;
    no_score.units.at(0).score = std::numeric_limits<double>::quiet_NaN();
    no_score.index.alignment_score = std::numeric_limits<double>::infinity();
    const std::string null_line = pair_outcome_json(no_score);
    CHECK(null_line.find(R"("score":null)") != std::string::npos);
    CHECK(null_line.find(R"("alignment_score":null)") != std::string::npos);
    const PairOutcome read_back = parse_pair_outcome(parse_json(null_line, "t"), "f");
    CHECK(std::isnan(read_back.units.at(0).score));
    CHECK(std::isnan(read_back.index.alignment_score));
    CHECK(pair_outcome_json(read_back) == null_line);

    std::string no_bead = whole;
    no_bead.replace(no_bead.find(R"("bead":"1-1",)"), 13, "");
    CHECK(error_of_outcome(no_bead) == "f line 1: not an artalign pair record: no \"bead\"");
    std::string no_units = whole;
    no_units.replace(no_units.find(R"("units":1})"), 10, R"("unit":1})");
    CHECK(error_of_outcome(no_units) == "f line 1: not an artalign pair record: no \"units\"");
    std::string text_score = whole;
    text_score.replace(text_score.find(R"("alignment_score":1)"), 19, R"("alignment_score":"1")");
    CHECK(error_of_outcome(text_score) == "f line 1: not an artalign pair record: expected a number, found a string");
}
