// Tests for HTML parsing and XPath helpers.
#include "parse/html_document.hpp"

#include <libxml/xpath.h>

#include <ctime>
#include <fstream>
#include <iterator>
#include <regex>

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
    CHECK_THROWS_WITH_AS(page.select("//p["), "t.html: invalid XPath expression (libxml2: Invalid expression): //p[",
                         ParseError);
    CHECK(xpath_syntax_error("//p[") == "Invalid expression");
    CHECK(xpath_syntax_error("//p[1]") == "");
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

namespace {

// What libxml2 itself finds for `xpath` over the whole document: the reference the indexed
// shortcut in HtmlDocument::select must equal.
// What libxml2 alone finds; class prefixes (@class='Name__*') are written out as XPath 1.0 here,
// independently of the library's rewriting.
std::vector<xmlNode*> reference_select(const HtmlDocument& page, const std::string& xpath) {
    static const std::regex kClassPrefix("@class='([^' *]+)\\*'");
    const std::string plain =
        std::regex_replace(xpath, kClassPrefix, "contains(concat(' ', normalize-space(@class)), ' $1')");
    xmlXPathContext* context = xmlXPathNewContext(page.get());
    xmlXPathObject* result = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(plain.c_str()), context);
    std::vector<xmlNode*> nodes;
    if (result != nullptr && result->type == XPATH_NODESET && result->nodesetval != nullptr) {
        for (int i = 0; i < result->nodesetval->nodeNr; ++i) nodes.push_back(result->nodesetval->nodeTab[i]);
    }
    xmlXPathFreeObject(result);
    xmlXPathFreeContext(context);
    return nodes;
}

}  // namespace

TEST_CASE("a class prefix 'Name__*' matches CSS-module class names whatever their hash, and nothing longer") {
    const HtmlDocument page(
        "<html><body><div class='ArticleDetailView_articleBody__vEOsS other'><p>body</p></div>"
        "<div class='ArticleDetailView_articleBodyWrap__x1Y2z'><p>wrap</p></div>"
        "<div class='XArticleDetailView_articleBody__a'><p>x</p></div>"
        "<div class='ArticleDetailView_articleBody__b__c'><p>double</p></div></body></html>",
        "modules.html");
    std::vector<std::string> texts;
    for (xmlNode* node : page.select("//div[@class='ArticleDetailView_articleBody__*']/p")) texts.push_back(node_text(node));
    CHECK(texts == std::vector<std::string>{"body", "double"});
    CHECK(page.select_text("//div[@class='ArticleDetailView_articleBody__*']//p[2]") == "");
    CHECK(page.any("//body[count(div[@class='ArticleDetailView_articleBody__*']) = 2]"));
    CHECK(page.select("//div[@class='ArticleDetailView_articleBody__vEOsS']").empty());  // an exact value stays exact
}

TEST_CASE("select's element-index shortcut finds exactly what libxml2 finds") {
    // Nested elements of one class, attributes with entities, unions, positions, operators.
    const std::string html =
        "<html><head><link rel=canonical href='/c'><meta property='og:url' content='/o'></head><body>"
        "<div class=a id=top><p>1</p><div class=a><p>2</p><h3>t</h3></div><p>3</p></div>"
        "<div class='a b'><p>4</p></div><div class=&#97;><p>5</p><a href='/x'>x</a><a href='/y'>y</a></div>"
        "<div class=c><span class=a><p>6</p></span></div><p>7</p>"
        "<div class='x M_body__aB_1'><p class='M_x__k__q'>8</p></div><div class='M_bodyWrap__zz'><p>9</p></div>"
        "<div class='M_body__Q9'><div class='M_body__r2 M_body__r3'><p>10</p></div></div></body></html>";
    const std::vector<std::string> expressions = {
        "//div[@class='a']", "//div[@class='a']/p", "//div[@class='a']//p", "//div[@class='c']//p",
        "//div[@class='a']/a[last()]/@href", "//div[@class='a']/a[1]", "//p", "//p[1]", "//div[@id='top']/p",
        "//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content", "//div[@class='a b']/p",
        "//div[@class='a']/p | //h3", "//div[@class='a']/p[.='3'] | //p[.='7']", "//div[@class='zzz']//p",
        "//span[@class='a']/p", "//div[@class='a']/*", "//div[@class='a']//text()", "//body/div/..",
        "//div[@class=\"a\"]/p", "//div[@class='a'][2]/p", "//nothing", "//div[@class='a']/p = '1'",
        "//div[@class='M_body__*']/p", "//div[@class='M_body__*']//p", "//div[@class='M_b*']", "//p[@class='M_x__*']",
        "//div[@class='c']//span[@class='M_body__*']",
        "//div[@class='a']//*[@class='a']", "//div[@class='a']//p[1]", "//div[@class='a']/div//p", "//div[@class='a']/p/..",
        "//div[@class='a']//div/p", "//div[@class='a']//p/text()",
    };
    const HtmlDocument page(html, "t.html");
    for (const std::string& xpath : expressions) {
        CAPTURE(xpath);
        CHECK(page.select(xpath) == reference_select(page, xpath));
        CHECK(page.select(xpath) == reference_select(page, xpath));  // the kept result too
        CHECK(page.any(xpath) == !reference_select(page, xpath).empty());
    }
    // Every expression of every shipped profile, on every sample page.
    std::vector<std::string> profile_expressions;
    for (const auto& entry : std::filesystem::directory_iterator(test::kData / "profiles")) {
        if (entry.path().extension() != ".profile") continue;
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            const auto equals = line.find(" = ");
            if (equals != std::string::npos && line.compare(equals + 3, 2, "//") == 0)
                profile_expressions.push_back(line.substr(equals + 3));
        }
    }
    CHECK(profile_expressions.size() > 30);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(test::kSamples)) {
        if (entry.path().extension() != ".html") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const HtmlDocument sample(bytes, entry.path().string());
        for (const std::string& xpath : profile_expressions) {
            CAPTURE(xpath);
            CHECK(sample.select(xpath) == reference_select(sample, xpath));
        }
    }
}

namespace {

// Processor seconds one select() of `xpath` takes on a fresh parse of `html`, averaged over
// enough runs to last 50 ms (the parse is not counted).
double seconds_per_select(const std::string& html, const std::string& xpath) {
    double total = 0;
    int runs = 0;
    while (runs == 0 || total < 0.05) {
        const HtmlDocument page(html, "nested.html");
        const std::clock_t start = std::clock();
        (void)page.select(xpath);
        total += static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
        ++runs;
    }
    return total / runs;
}

}  // namespace

TEST_CASE("select from nested starts grows linearly with the page") {
    // An article block repeated with its caption <div> unclosed: each copy nests in the one
    // before, so "//div[@class='body']" finds starts inside starts. libxml2's own evaluation
    // of "...//*[...]" from those merges every inner start's results into the outer ones'
    // (quadratic and worse); 4 times the blocks must cost about 4 times as much. (Paths going
    // on with a child step are evaluated from every start: work up to the depth of the nesting,
    // which libxml2 caps at 256, times the page.)
    const auto page_of = [](int copies) {
        std::string html = "<html><body>";
        for (int k = 0; k < copies; ++k)
            html += "<div class='body'><div class='caption'><p class='desc'>A caption.</p><p>Some text, and more.</p>";
        return html + "</body></html>";
    };
    const std::string xpath = "//div[@class='body']//*[@class='desc']";
    const double small = seconds_per_select(page_of(30), xpath);
    const double large = seconds_per_select(page_of(120), xpath);
    CHECK(large < 10 * small);
    const HtmlDocument page(page_of(120), "nested.html");
    for (const std::string& expression : {xpath, std::string("//div[@class='body']/div//p")}) {
        CAPTURE(expression);
        CHECK(page.select(expression) == reference_select(page, expression));
    }
}
