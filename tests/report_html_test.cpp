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
