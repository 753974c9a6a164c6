// Tests for article extraction on the bundled sample pages: every field, exact paragraphs.
#include "artalign/article_extractor.hpp"

#include "artalign/error.hpp"
#include "artalign/html_document.hpp"
#include "artalign/site_profile.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

Article extract_sample(const std::filesystem::path& file) {
    static const auto registry = ProfileRegistry::load_directory(test::kData / "profiles");
    const HtmlDocument page(test::read_file(file), file.string());
    const SiteProfile* profile = registry.find(page, "");
    REQUIRE(profile != nullptr);
    return extract_article(page, *profile, page_url(page, file.string()));
}

}  // namespace

TEST_CASE("the English edition sample: metadata, and the body without caption, byline or footer") {
    const Article article = extract_sample(test::kEnglishSample);
    CHECK(article.url == "https://english.hani.co.kr/arti/english_edition/e_international/928034.html");
    CHECK(article.language == "en");
    CHECK(article.profile == "hani-english-desktop");
    CHECK(article.title ==
          "Trump says he won\u2019t hold summit with Kim Jong-un until after presidential election, CNN reports");
    CHECK(article.subtitle == "US president turns attention toward re-election campaign");
    CHECK(article.section == "International");
    CHECK(article.published == "2020-02-12T17:26:00+09:00");
    CHECK(article.modified == "2020-02-12T17:26:00+09:00");
    CHECK(article.byline == "By Jung E-gil, senior staff writer");
    REQUIRE(article.paragraphs.size() == 7);
    CHECK(article.paragraphs.front().rfind("US President Donald Trump told foreign policy advisers", 0) == 0);
    CHECK(article.paragraphs.back() ==
          "\u201cMy hope is that North Korea will come back to the table,\u201d O\u2019Brien said. But with no "
          "indication of preliminary measures from the US to resume negotiations, the message appeared intended "
          "to lay the blame for the current impasse at North Korea\u2019s feet.");
    for (const std::string& paragraph : article.paragraphs) {
        CHECK(paragraph.find("press conference at the World Economic Forum") == std::string::npos);  // caption
        CHECK(paragraph.find("Please direct comments") == std::string::npos);
        CHECK(paragraph.find("Related stories") == std::string::npos);
        CHECK(paragraph.find("button that move") == std::string::npos);
    }
}

TEST_CASE("the Korean sample: metadata and <br>-separated paragraphs without caption or byline") {
    const Article article = extract_sample(test::kKoreanSample);
    CHECK(article.url == "http://www.hani.co.kr/arti/international/america/927886.html");
    CHECK(article.language == "ko");
    CHECK(article.title == "트럼프 “대선 전엔 김정은과 정상회담 안 한다”");
    CHECK(article.subtitle == "CNN “트럼프, 외교정책 참모들에게 밝혀”\n북-미 협상 교착 속 재선 운동에 집중");
    CHECK(article.section == "미국·중남미");
    CHECK(article.published == "2020-02-11T10:37:00+09:00");
    CHECK(article.modified == "2020-02-11T19:49:00+09:00");
    CHECK(article.byline == "정의길 선임기자 egil@hani.co.kr");
    REQUIRE(article.paragraphs.size() == 8);
    CHECK(article.paragraphs[0].rfind("도널드 트럼프 미국 대통령이 오는 11월 대선 전까지는", 0) == 0);
    CHECK(article.paragraphs[5] == "북한은 지난해 말 노동당 전원회의에서 “새로운 전략무기”를 언급하며 미국에 대한 압박 수위를 높인 바 있다.");
    for (const std::string& paragraph : article.paragraphs) {
        CHECK(paragraph.find("다보스/로이터") == std::string::npos);
        CHECK(paragraph.find("관련기사") == std::string::npos);
    }
    const auto blocks = article.text_blocks();
    REQUIRE(blocks.size() == 11);  // title, two subtitle lines, eight paragraphs
    CHECK(blocks[1] == "CNN “트럼프, 외교정책 참모들에게 밝혀”");
}

TEST_CASE("a page whose profile body is empty is an error naming the page") {
    const auto registry = ProfileRegistry::load_directory(test::kData / "profiles");
    const HtmlDocument page(
        "<div class='article-text'><div class='text'><script>x()</script></div></div>", "hollow.html");
    const SiteProfile* profile = registry.find(page, "www.hani.co.kr");
    REQUIRE(profile != nullptr);
    CHECK_THROWS_WITH_AS(extract_article(page, *profile, "hollow.html"),
                         "hollow.html: the article body is empty (profile 'hani-korean')", ParseError);
}
