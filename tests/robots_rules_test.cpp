// Tests for robots.txt parsing and matching (RFC 9309): group choice, longest match, Allow on a
// tie, wildcards, escapes, Crawl-delay, and input that is not a robots.txt at all.
#include "read/robots_rules.hpp"

#include "test_support.hpp"

using namespace artalign;
using namespace std::chrono_literals;

TEST_CASE("robots: the group naming our product token wins over '*', case-insensitively") {
    const char* const text =
        "User-agent: *\n"
        "Disallow: /\n"
        "\n"
        "User-agent: OtherBot\n"
        "Disallow: /other/\n"
        "\n"
        "user-AGENT: ArtAlign/1.0\n"
        "disallow: /private/\n";
    const RobotsRules rules = RobotsRules::parse(text, "artalign");
    CHECK(rules.allows("/arti/1.html"));
    CHECK(rules.allows("/other/1.html"));
    CHECK_FALSE(rules.allows("/private/1.html"));

    const RobotsRules someone_else = RobotsRules::parse(text, "nobody");
    CHECK_FALSE(someone_else.allows("/arti/1.html"));
    // A product token is matched whole, not as a prefix.
    CHECK_FALSE(RobotsRules::parse(text, "art").allows("/arti/1.html"));
}

TEST_CASE("robots: groups for one agent are merged; consecutive User-agent lines share a group") {
    const RobotsRules rules = RobotsRules::parse(
        "User-agent: a\nUser-agent: artalign\nDisallow: /one/\n"
        "User-agent: b\nDisallow: /two/\n"
        "User-agent: artalign\nDisallow: /three/\n",
        "artalign");
    CHECK_FALSE(rules.allows("/one/x"));
    CHECK(rules.allows("/two/x"));
    CHECK_FALSE(rules.allows("/three/x"));
}

TEST_CASE("robots: the longest match decides, Allow wins a tie, no match allows") {
    const RobotsRules rules = RobotsRules::parse(
        "User-agent: *\n"
        "Disallow: /arti/\n"
        "Allow: /arti/english_edition/\n"
        "Disallow: /arti/english_edition/private\n"
        "Disallow: /tie\n"
        "Allow: /tie\n",
        "artalign");
    CHECK(rules.allows("/"));
    CHECK(rules.allows("/index.html"));
    CHECK_FALSE(rules.allows("/arti/society/1.html"));
    CHECK(rules.allows("/arti/english_edition/1.html"));
    CHECK_FALSE(rules.allows("/arti/english_edition/private.html"));
    CHECK(rules.allows("/tie/1.html"));
    CHECK(rules.allows("/ARTI/society/1.html"));  // paths are case-sensitive
}

TEST_CASE("robots: '*' matches any run, a final '$' anchors the end, queries take part") {
    const RobotsRules rules = RobotsRules::parse(
        "User-agent: artalign\n"
        "Disallow: /*.pdf$\n"
        "Disallow: /search*q=\n"
        "Disallow: /*/print\n"
        "Disallow: /exact$\n",
        "artalign");
    CHECK_FALSE(rules.allows("/files/report.pdf"));
    CHECK(rules.allows("/files/report.pdf?download=1"));
    CHECK(rules.allows("/files/report.pdfx"));
    CHECK_FALSE(rules.allows("/search?lang=en&q=korea"));
    CHECK(rules.allows("/search?lang=en"));
    CHECK_FALSE(rules.allows("/arti/1/print.html"));
    CHECK_FALSE(rules.allows("/exact"));
    CHECK(rules.allows("/exact/more"));
    // Many stars against a long path stays quick (no exponential backtracking).
    const RobotsRules stars = RobotsRules::parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*b$\n", "artalign");
    CHECK(stars.allows("/" + std::string(5000, 'a')));
}

TEST_CASE("robots: escapes are compared as RFC 9309 says, raw UTF-8 equals its escapes") {
    const RobotsRules rules = RobotsRules::parse(
        "User-agent: *\n"
        "Disallow: /%7euser/\n"
        "Disallow: /기사/\n"
        "Disallow: /a%2fb\n",
        "artalign");
    CHECK_FALSE(rules.allows("/~user/page"));
    CHECK_FALSE(rules.allows("/%7Euser/page"));
    CHECK_FALSE(rules.allows("/%EA%B8%B0%EC%82%AC/1.html"));
    CHECK_FALSE(rules.allows("/%ea%b8%b0%ec%82%ac/1.html"));
    CHECK_FALSE(rules.allows("/a%2Fb"));
    CHECK(rules.allows("/a/b"));  // an escaped '/' is not a '/'
}

TEST_CASE("robots: comments, blank and broken lines, CR line ends, a BOM, rules outside a group") {
    const RobotsRules rules = RobotsRules::parse(
        "\xEF\xBB\xBF"
        "Disallow: /before-any-group/\r\n"
        "# a comment line\r"
        "User-agent: * # everyone\r\n"
        "this line has no colon\n"
        "Sitemap: https://example.com/sitemap.xml\n"
        "Disallow: /private/ # not for robots\n"
        "Disallow:\n"
        "Unknown-field: /x\n",
        "artalign");
    CHECK(rules.allows("/before-any-group/1.html"));
    CHECK_FALSE(rules.allows("/private/1.html"));
    CHECK(rules.allows("/x"));
    CHECK(rules.allows("/"));
}

TEST_CASE("robots: empty, whitespace and binary input allow everything and never throw") {
    CHECK(RobotsRules::parse("", "artalign").allows("/"));
    CHECK(RobotsRules::parse(" \n\t\n", "artalign").allows("/a"));
    CHECK(RobotsRules::parse(std::string("User-agent: *\0Disallow: /\n", 26), "artalign").allows("/a"));
    CHECK(RobotsRules::parse("<html><body>Not found</body></html>", "artalign").allows("/a"));
    CHECK(RobotsRules::parse("User-agent: *\nDisallow: /\n", "").allows("/a") == false);
}

TEST_CASE("robots: allow_all, disallow_all") {
    CHECK(RobotsRules::allow_all().allows("/anything"));
    CHECK_FALSE(RobotsRules::disallow_all().allows("/"));
    CHECK_FALSE(RobotsRules::disallow_all().allows("/arti/1.html?x=1"));
    CHECK_FALSE(RobotsRules::allow_all().crawl_delay());
}

TEST_CASE("robots: Crawl-delay of the chosen group, in seconds; invalid values ignored") {
    CHECK(RobotsRules::parse("User-agent: artalign\nCrawl-delay: 2\n", "artalign").crawl_delay() == 2000ms);
    CHECK(RobotsRules::parse("User-agent: *\ncrawl-delay: 0.5\n", "artalign").crawl_delay() == 500ms);
    CHECK_FALSE(RobotsRules::parse("User-agent: other\nCrawl-delay: 5\n", "artalign").crawl_delay());
    CHECK_FALSE(RobotsRules::parse("User-agent: *\nCrawl-delay: soon\n", "artalign").crawl_delay());
    CHECK_FALSE(RobotsRules::parse("User-agent: *\nCrawl-delay: -1\n", "artalign").crawl_delay());
    CHECK(RobotsRules::parse("User-agent: *\nCrawl-delay: 1e300\n", "artalign").crawl_delay() == 86'400'000ms);
}

TEST_CASE("robots: the product token of a User-Agent header") {
    CHECK(robots_product_token("artalign/1.2 (Korean-English translation memory builder)") == "artalign");
    CHECK(robots_product_token("My_Bot-2") == "My_Bot-");
    CHECK(robots_product_token("") == "");
}
