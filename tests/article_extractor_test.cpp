// Tests for article extraction on the bundled sample pages: every field, exact paragraphs.
#include "artalign/article_extractor.hpp"

#include "artalign/charset.hpp"
#include "artalign/error.hpp"
#include "artalign/html_document.hpp"
#include "artalign/site_profile.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

Article extract_sample(const std::filesystem::path& file) {
    static const auto registry = ProfileRegistry::load_directory(test::kData / "profiles");
    const DecodedPage decoded = decode_page(test::read_file(file), "", file.string());
    const HtmlDocument page(decoded.text, file.string(), "UTF-8");
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

TEST_CASE("the English mobile layout: h2#titleapp, div.headline-data, div#bodyapp") {
    const Article article = extract_sample(test::kSamples / "mirror/english.hani.co.kr/arti/english_edition/e_national/1068251.html");
    CHECK(article.url == "https://english.hani.co.kr/arti/english_edition/e_national/1068251.html");
    CHECK(article.language == "en");
    CHECK(article.profile == "hani-english-mobile");
    CHECK(article.title == "Seoul to double public bike stations along the Han River by 2024");
    CHECK(article.subtitle == "City says riders will find a station every 500 meters on both banks");
    CHECK(article.section == "National");
    CHECK(article.published == "2022-11-22T16:41:00+09:00");
    CHECK(article.modified == "2022-11-23T09:05:00+09:00");
    CHECK(article.byline == "By Kim Mi-na, staff reporter");
    CHECK(article.warnings.empty());
    CHECK(article.paragraphs ==
          std::vector<std::string>{
              "The Seoul Metropolitan Government announced on Nov. 21 that it will double the number of public "
              "bicycle stations along the Han River by 2024.",
              "Under the plan, the city will add 120 stations in riverside parks, bringing the total to 240. "
              "Officials said riders will be able to find a station every 500 meters on both banks of the river.",
              "The city will also introduce 3,000 new bicycles that are lighter than the current model. The new "
              "bicycles weigh 14 kilograms, about four kilograms less than the ones now in use.",
              "\u201cWe want the Han River to be a place where anyone can ride a bicycle without worrying about where "
              "to return it,\u201d a city official said."});
}

TEST_CASE("the Korean 2022 redesign: hashed class names, <p class=text> paragraphs, figure captions dropped") {
    const Article article = extract_sample(test::kSamples / "mirror/www.hani.co.kr/arti/society/society_general/1067990.html");
    CHECK(article.url == "https://www.hani.co.kr/arti/society/society_general/1067990.html");
    CHECK(article.language == "ko");
    CHECK(article.profile == "hani-korean-2022");
    CHECK(article.title == "서울시, 한강 공공자전거 대여소 2024년까지 두 배로");
    CHECK(article.subtitle == "양쪽 강변 500m마다 대여소\n더 가벼운 새 자전거 3천대 도입");
    CHECK(article.section == "사회일반");
    CHECK(article.published == "2022-11-21T18:51:00+09:00");
    CHECK(article.modified == "2022-11-22T10:03:00+09:00");
    CHECK(article.byline == "김미나 기자 mina@hani.co.kr");
    CHECK(article.paragraphs ==
          std::vector<std::string>{
              "서울시가 2024년까지 한강 공공자전거 대여소를 두 배로 늘린다고 21일 밝혔다.",
              "시는 한강공원에 대여소 120곳을 새로 설치해 모두 240곳으로 늘릴 계획이다. 시 관계자는 강 양쪽 어디서나 "
              "500m마다 대여소를 찾을 수 있게 된다고 설명했다.",
              "시는 또 지금보다 가벼운 새 자전거 3천대를 도입한다. 새 자전거의 무게는 14㎏으로, 지금 쓰는 자전거보다 "
              "4㎏가량 가볍다.",
              "시 관계자는 “누구나 반납 걱정 없이 자전거를 탈 수 있는 한강을 만들겠다”고 말했다.",
              "자전거 대여 요금은 지금과 같이 1시간에 1천원이다."});
}

TEST_CASE("the legacy Korean layout in EUC-KR: one <div> of <br>-separated text, photo table dropped") {
    const auto file = test::kSamples / "mirror/www.hani.co.kr/arti/politics/defense/450298.html";
    CHECK(test::read_file(file).find("국방부") == std::string::npos);  // really not UTF-8 on disk
    const Article article = extract_sample(file);
    CHECK(article.url == file.string());  // no canonical link on pages of that era
    CHECK(article.language == "ko");
    CHECK(article.profile == "hani-korean-legacy");
    CHECK(article.title == "국방부 “남북 군사실무회담 다음달 재개”");
    CHECK(article.subtitle == "판문점서 실무대표 접촉\n군 통신선 복구 논의");
    CHECK(article.section == "국방");
    CHECK(article.published == "2010-11-24T19:28:00+09:00");
    CHECK(article.modified == "2010-11-25T09:12:00+09:00");
    CHECK(article.byline == "박민희 기자 minggu@hani.co.kr");
    CHECK(article.paragraphs ==
          std::vector<std::string>{
              "국방부는 남북 군사실무회담이 다음달 판문점에서 다시 열린다고 24일 밝혔다.",
              "국방부 대변인은 양쪽이 지난 5월부터 끊긴 군 통신선 복구 문제를 논의하기로 했다고 말했다.",
              "이번 회담은 넉 달 만에 열리는 것이다. 전문가들은 이번 회담이 접경지역의 긴장을 누그러뜨리는 데 도움이 될 "
              "수 있다고 내다봤다."});
}

TEST_CASE("the 2010 English desktop page: a two-line subtitle and the same desktop profile") {
    const Article article =
        extract_sample(test::kSamples / "mirror/english.hani.co.kr/arti/english_edition/e_northkorea/450321.html");
    CHECK(article.profile == "hani-english-desktop");
    CHECK(article.title == "Ministry says inter-Korean military talks to resume next month");
    CHECK(article.subtitle == "Working-level officers to meet at Panmunjom\nAgenda includes hotline restoration");
    CHECK(article.section == "North Korea");
    CHECK(article.published == "2010-11-25T14:02:00+09:00");
    CHECK(article.modified == "2010-11-25T18:30:00+09:00");
    CHECK(article.byline == "By Park Min-hee, staff writer");
    CHECK(article.paragraphs ==
          std::vector<std::string>{
              "The Ministry of National Defense said on Nov. 24 that working-level military talks between the two "
              "Koreas will resume at the truce village of Panmunjom next month.",
              "A ministry spokesperson said the two sides agreed to discuss restoring the military hotline, which has "
              "been cut since May.",
              "The talks will be the first of their kind in four months. Analysts said the meeting could help ease "
              "tensions along the border."});
}
