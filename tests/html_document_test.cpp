// Tests for HTML parsing and XPath helpers.
#include "artalign/html_document.hpp"

#include "artalign/error.hpp"
#include "test_support.hpp"

using namespace artalign;

TEST_CASE("broken HTML parses leniently and XPath finds its text") {
    const HtmlDocument page("<html><body><div class=a><p>One &amp; <b>two</b><p>three</div>", "broken.html");
    CHECK(page.select("//p").size() == 2);
    CHECK(page.select_text("//div[@class='a']") == "One & twothree");
    CHECK(page.select_text("//p[1]") == "One & two");
    CHECK(page.select_text("//nothing") == "");
}

TEST_CASE("node_text leaves out scripts and styles and keeps <br> as a space") {
    const HtmlDocument page("<div id=x>a<script>var s = 1;</script><style>p{}</style>b<br>c</div>", "t.html");
    CHECK(page.select_text("//div[@id='x']") == "ab c");
}

TEST_CASE("attribute values come back as text") {
    const HtmlDocument page("<a href=' /x.html '>x</a>", "t.html");
    CHECK(page.select_text("//a/@href") == "/x.html");
}

TEST_CASE("empty input and invalid XPath are errors naming the page") {
    CHECK_THROWS_WITH_AS(HtmlDocument(" \n ", "empty.html"), "empty.html: the page is empty", InputError);
    const HtmlDocument page("<p>x</p>", "t.html");
    CHECK_THROWS_WITH_AS(page.select("//p["), "t.html: invalid XPath expression: //p[", ParseError);
}

TEST_CASE("nesting beyond libxml2's depth limit: what came before is kept, and a warning says so") {
    std::string html = "<html><body><p>Kept text.</p>";
    for (int k = 0; k < 1000; ++k) html += "<div>";
    html += "lost text";
    const HtmlDocument page(html, "deep.html");
    CHECK(page.select_text("//p") == "Kept text.");
    CHECK(page.select("//div").size() < 300);
    REQUIRE(page.warnings().size() == 1);
    CHECK(page.warnings()[0] ==
          "the page nests elements more than 256 deep (libxml2's limit); the parser stopped there, so the rest of "
          "the page is missing");
    CHECK(HtmlDocument("<div><div>fine</div></div>", "t.html").warnings().empty());
}
