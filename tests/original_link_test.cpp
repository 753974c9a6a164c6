// Tests for finding the link to the original.
#include "artalign/original_link.hpp"

#include "artalign/html_document.hpp"
#include "artalign/site_profile.hpp"
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
