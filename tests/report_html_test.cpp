// Tests for the HTML coverage pages: escaping, states with text markers, the index.
#include "report/report_html.hpp"

#include "test_support.hpp"

using namespace artalign;

namespace {

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

AlignedPair pair_with_markup() {
    AlignedPair pair;
    pair.original.title = "<script>alert(1)</script> 제목";
    pair.original.language = "ko";
    pair.original.paragraphs = {"x"};
    pair.translation.title = "Title \"quoted\" & <b>bold</b>";
    pair.translation.language = "en";
    pair.translation.url = "https://example.com/a?x=1&y=\"2\"";
    pair.original_segments = {{"<script>alert(1)</script> 문장.", 1}, {"빠진 문장.", 1}};
    pair.translation_segments = {{"A sentence.", 1}, {"Added for readers.", 1}};
    Bead one;
    one.source = {0};
    one.target = {0};
    one.score = 0.9;
    Bead dropped;
    dropped.source = {1};
    Bead added;
    added.target = {1};
    pair.beads = {one, dropped, added};
    pair.coverage = compute_coverage(pair.original_segments, pair.beads);
    return pair;
}

}  // namespace

TEST_CASE("article text is escaped, never markup") {
    const AlignedPair pair = pair_with_markup();
    const std::string html = render_coverage_html(pair, build_coverage_report(pair));
    CHECK(count(html, "<script") == 2);  // the page's data and its editor, nothing from the article
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; 문장.") != std::string::npos);
    CHECK(html.find("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e 문장.") != std::string::npos);  // in the data
    CHECK(html.find("Title &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("href=\"https://example.com/a?x=1&amp;y=&quot;2&quot;\"") != std::string::npos);
}

TEST_CASE("every state has a row class and a text marker, one row per bead") {
    const AlignedPair pair = pair_with_markup();
    const std::string html = render_coverage_html(pair, build_coverage_report(pair));
    CHECK(count(html, "<tr class=\"bead") == 3);
    CHECK(count(html, "<tr class=\"bead untranslated") == 1);
    CHECK(count(html, "<tr class=\"bead addition") == 1);
    CHECK(html.find("✗ untranslated</span></td>") != std::string::npos);
    CHECK(html.find("+ translation only</span></td>") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    // Without the script the editor's controls stay hidden: the page reads as a plain report.
    CHECK(html.find("<section id=\"review-tools\" hidden") != std::string::npos);
    CHECK(html.find(".actions { display: none; }") != std::string::npos);
    for (auto at = html.find("http"); at != std::string::npos; at = html.find("http", at + 1))
        CHECK(html.compare(at, 19, "https://example.com") == 0);  // no other URL: nothing fetched
}

TEST_CASE("the index lists pairs, escapes titles and draws the histogram") {
    CoverageIndexEntry full;
    full.title = "Full <one>";
    full.href = "pairs/1.html";
    full.summary.source_chars = 100;
    full.summary.covered_chars = 100;
    CoverageIndexEntry half = full;
    half.title = "Half";
    half.href = "pairs/2.html";
    half.summary.covered_chars = 45;
    const std::string html = render_coverage_index_html({full, half}, "Corpus");
    CHECK(html.find("Full &lt;one&gt;") != std::string::npos);
    CHECK(html.find("href=\"pairs/2.html\"") != std::string::npos);
    CHECK(count(html, "<rect class=\"bin\"") == 10);
    CHECK(count(html, "data-count=\"1\"") == 2);
    CHECK(html.find("72.5% of the aligned originals' characters covered overall") != std::string::npos);
}

TEST_CASE("the index is a work queue: failed and skipped pairs with their reason, bins labelled, verdicts") {
    CoverageIndexEntry full;
    full.title = "Full";
    full.href = "pairs/000001.html";
    full.summary.source_chars = 100;
    full.summary.covered_chars = 100;
    full.reviewed_units = 3;
    CoverageIndexEntry half = full;
    half.summary.covered_chars = 55;
    half.reviewed_units = 0;
    CoverageIndexEntry failed;
    failed.status = "failed";
    failed.key = "a/<b>.html";
    failed.reason = "a/<b>.html: cannot read: No such file";
    CoverageIndexEntry skipped = failed;
    skipped.status = "skipped";
    skipped.reason = "no link to an original";
    const std::string html = render_coverage_index_html({full, half, failed, skipped}, "Corpus");
    CHECK(count(html, "<tr class=") == 4);
    CHECK(html.find("data-verdict=\"failed\"") != std::string::npos);
    CHECK(html.find("a/&lt;b&gt;.html: cannot read: No such file") != std::string::npos);
    CHECK(html.find("data-verdict=\"skipped\"") != std::string::npos);
    CHECK(html.find("data-verdict=\"full\" data-reviewed=\"reviewed\"") != std::string::npos);
    CHECK(html.find("data-verdict=\"abridged\" data-reviewed=\"not reviewed\"") != std::string::npos);
    CHECK(html.find(">50-60%</text>") != std::string::npos);
    CHECK(html.find(">90-100%</text>") != std::string::npos);
    CHECK(html.find("data-bin=\"50-60%\"") != std::string::npos);
    CHECK(html.find("4 pairs (2 aligned, 2 not)") != std::string::npos);
}

TEST_CASE("rows are labelled with their tuids; a pair that is not a translation shows every unit as doubtful") {
    AlignedPair pair = pair_with_markup();
    ReviewPageOptions review;
    review.tuids = {7, 0, 0};
    std::string html = render_coverage_html(pair, build_coverage_report(pair), review);
    CHECK(html.find("<th scope=\"row\" class=\"number\">7</th>") != std::string::npos);
    CHECK(count(html, "<th scope=\"row\" class=\"number\">–</th>") == 2);
    pair.mismatched = true;
    html = render_coverage_html(pair, build_coverage_report(pair), review);
    CHECK(html.find("<tr class=\"bead weak\"") != std::string::npos);
    CHECK(html.find("? doubtful 0.90") != std::string::npos);
}

TEST_CASE("a page of a memory other pairs fill too is labelled with its tuids once they are known") {
    AlignedPair pair = pair_with_markup();
    Bead second;
    second.source = {1};
    second.target = {1};
    second.score = 0.8;
    pair.beads = {pair.beads[0], second};
    const CoverageReport report = build_coverage_report(pair);
    ReviewPageOptions review;
    review.memory_labels = true;
    const std::string unlabelled = render_coverage_html(pair, report, review);
    CHECK(count(unlabelled, "<th scope=\"row\" class=\"number\">bead ") == 2);
    CHECK(unlabelled.find("memoryLabel(label, bead)") != std::string::npos);
    CHECK(unlabelled.find("\"bead \" + (b + 1)") == std::string::npos);

    const std::vector<MemoryPlace> places = {{"12", ""}, {"3", "another pair's unit"}};
    review.places = places;
    const std::string labelled = render_coverage_html(pair, report, review);
    CHECK(labelled.find("<th scope=\"row\" class=\"number\">12</th>") != std::string::npos);
    CHECK(labelled.find("<th scope=\"row\" class=\"number\" title=\"an exact repeat of another pair&#39;s unit: "
                        "the memory holds it once, as tuid 3\">= 3</th>") != std::string::npos);
    // Labelling a written page gives what rendering with the places gives, whatever its labels were.
    CHECK(label_memory_rows(unlabelled, places) == labelled);
    CHECK(label_memory_rows(labelled, places) == labelled);
    const std::string left_out = label_memory_rows(labelled, {{"", ""}, {"4", ""}});
    CHECK(left_out.find("<th scope=\"row\" class=\"number\">–</th>") != std::string::npos);
    CHECK(left_out.find("<th scope=\"row\" class=\"number\">4</th>") != std::string::npos);
    CHECK(left_out.find("= 3") == std::string::npos);
    // Not the pair's page: fewer or more units than places.
    CHECK_THROWS_AS(label_memory_rows(unlabelled, {{"1", ""}}), std::invalid_argument);
    CHECK_THROWS_AS(label_memory_rows(unlabelled, {{"1", ""}, {"2", ""}, {"3", ""}}), std::invalid_argument);
    // A page whose own TMX numbers it keeps the script that follows the changes.
    CHECK(render_coverage_html(pair, report).find("\"bead \" + (b + 1)") != std::string::npos);
}

TEST_CASE("rows that are no unit are labelled – on a memory page") {
    const AlignedPair pair = pair_with_markup();  // one unit, an untranslated and an added row
    const std::string page = label_memory_rows(render_coverage_html(pair, build_coverage_report(pair), [] {
        ReviewPageOptions review;
        review.memory_labels = true;
        return review;
    }()), {{"5", ""}});
    CHECK(page.find("<th scope=\"row\" class=\"number\">5</th>") != std::string::npos);
    CHECK(count(page, "<th scope=\"row\" class=\"number\">–</th>") == 2);
}
