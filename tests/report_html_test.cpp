// Tests for the HTML coverage pages: escaping, states with text markers, the index.
#include "artalign/report_html.hpp"

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
    CHECK(html.find("<script") == std::string::npos);  // the pair page has no script at all
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; 문장.") != std::string::npos);
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
    CHECK(html.find("http") == html.find("https://example.com"));  // no other URL: nothing fetched
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
    CHECK(html.find("72.5% of the originals' characters covered overall") != std::string::npos);
}
