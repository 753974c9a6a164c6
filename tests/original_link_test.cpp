// Tests for finding the link to the original.
#include "parse/original_link.hpp"

#include "parse/html_document.hpp"
#include "parse/site_profile.hpp"
#include "test_support.hpp"

using namespace artalign;

TEST_CASE("the English edition's button leads to the Korean original") {
    const auto registry = ProfileRegistry::load_directory(test::kData / "profiles");
    const HtmlDocument page(test::read_file(test::kEnglishSample), "en.html");
    const auto link = find_original_link(page, registry.find(page, "english.hani.co.kr"),
                                         "https://english.hani.co.kr/arti/english_edition/e_international/928034.html");
    REQUIRE(link);
    CHECK(*link == "http://www.hani.co.kr/arti/international/america/927886.html");
}

TEST_CASE("generic signals work without a profile, relative to <base>") {
    const std::string base = "https://news.example.com/en/story/1.html";
    CHECK(find_original_link(HtmlDocument("<link rel=alternate hreflang=ko href='/ko/story/1.html'>", "t"), nullptr, base)
              .value() == "https://news.example.com/ko/story/1.html");
    CHECK(find_original_link(HtmlDocument("<p><a href='k.html'>원문 보기</a></p>", "t"), nullptr, base).value() ==
          "https://news.example.com/en/story/k.html");
    CHECK(find_original_link(HtmlDocument("<p><a href='k.html'>Read in Korean</a></p>", "t"), nullptr, base).value() ==
          "https://news.example.com/en/story/k.html");
    CHECK(find_original_link(HtmlDocument("<base href='https://ko.example.com/a/'><a href='b.html'>Korean original</a>", "t"),
                             nullptr, base)
              .value() == "https://ko.example.com/a/b.html");
}

TEST_CASE("links to other schemes are never followed, and no signal means no link") {
    const std::string base = "https://news.example.com/en/1.html";
    CHECK_FALSE(find_original_link(HtmlDocument("<a href='file:///etc/passwd'>원문</a>", "t"), nullptr, base));
    CHECK_FALSE(find_original_link(HtmlDocument("<a href='javascript:go()'>원문</a>", "t"), nullptr, base));
    CHECK_FALSE(find_original_link(HtmlDocument("<a href='/other.html'>Other story</a>", "t"), nullptr, base));
}

TEST_CASE("a link to another scheme is reported as refused; an http(s) link by a weaker signal still wins") {
    const std::string base = "https://news.example.com/en/1.html";
    for (const std::string href : {"file:///etc/passwd", "javascript:openOriginal(1)", "JavaScript:void(0)",
                                   "data:text/html;base64,PHA+aGk8L3A+", "ftp://example.com/ko/1.html",
                                   "mailto:desk@example.com", "vbscript:msgbox(1)", "tel:+82-2-710-0114"}) {
        const HtmlDocument page("<p><a href='" + href + "'>원문 보기</a></p>", "t");
        INFO(href);
        CHECK_FALSE(find_original_link(page, nullptr, base));
        CHECK(find_refused_original_link(page, nullptr).value_or("") == href);
    }
    const HtmlDocument both("<link rel=alternate hreflang=ko href='javascript:go()'><a href='/ko/1.html'>원문</a>", "t");
    CHECK(find_original_link(both, nullptr, base).value() == "https://news.example.com/ko/1.html");
    // Relative links and links without any signal are not refused ones.
    CHECK_FALSE(find_refused_original_link(HtmlDocument("<a href='ko/1.html'>원문</a>", "t"), nullptr));
    CHECK_FALSE(find_refused_original_link(HtmlDocument("<a href='javascript:go()'>Share</a>", "t"), nullptr));
}
