// Tests for article extraction on the bundled sample pages: every field, exact paragraphs.
#include "parse/article_extractor.hpp"

#include "read/charset.hpp"
#include "artalign/error.hpp"
#include "parse/html_document.hpp"
#include "parse/site_profile.hpp"
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
    CHECK(article.paragraphs ==
          std::vector<std::string>{
              "US President Donald Trump told foreign policy advisers that he does not wish to pursue another summit with North Korean leader Kim Jong-un until after the presidential election this November, CNN reported on Feb. 10.",
              "Trump expressed his disappointment late last year after the collapse of working-level talks in Stockholm on Oct. 5, which came eight months after the two leaders\u2019 summit in Hanoi, the network reported, citing accounts from two sources. As diplomatic efforts between North Korea and US have bogged down, Trump has reportedly turned his focus to his re-election campaign and is less motivated to take action on North Korea-US issues.",
              "According to an US administration official, Trump\u2019s key advisers have also shown almost no desire to negotiate with Pyongyang, with the potential benefits of resuming dialogue vastly outweighed by the attendant risks. The same official further said that Pyongyang is clearly uninterested in resuming negotiations, as it recognizes little possibility that Trump will take the initiative in relieving the sanctions against North Korea.",
              "Participants in Trump\u2019s campaign do not view North Korea issues as being \u201ccrucial\u201d to his re-election chances either, the report said, adding that it was \u201cnoticeable that Trump did not mention the country in his State of the Union speech this week.\u201d",
              "An official closely acquainted with the North Korean negotiation process described it to CNN as \u201cdead,\u201d noting that the administration has completely stopped issuing \u201cspecial circumstance permits\u201d for travel to North Korea.",
              "Despite Trump\u2019s lack of interest, administration officials have openly signaled their readiness to negotiate. On Feb. 5, White House National Security Adviser Robert O\u2019Brien expressed that Trump would attempt to pursue negotiations with Pyongyang regardless of the election.",
              "\u201cMy hope is that North Korea will come back to the table,\u201d O\u2019Brien said. But with no indication of preliminary measures from the US to resume negotiations, the message appeared intended to lay the blame for the current impasse at North Korea\u2019s feet.",
          });
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
    CHECK(article.paragraphs ==
          std::vector<std::string>{
              "도널드 트럼프 미국 대통령이 오는 11월 대선 전까지는 김정은 북한 국무위원장과 또 한 차례 정상회담을 추진하고 싶지 않다고 외교정책 참모들에게 말했다고 미국 <시엔엔>(CNN) 방송이 10일 보도했다.",
              "이 방송은 두 명의 소식통을 인용해, 트럼프 대통령이 하노이 정상회담 8개월 만인 지난해 10월5일 스웨덴 스톡홀름에서 열린 북-미 실무협상이 결렬된 뒤 지난해 말 실망감을 드러냈다고 전했다. 북-미 간 외교적 노력이 교착 상태에 빠지면서 트럼프 대통령은 재선 운동으로 관심을 돌렸고, 북-미 문제에서 행동에 나설 의욕도 줄어든 것으로 알려졌다.",
              "미 행정부의 한 관리는 트럼프 대통령의 핵심 참모들도 평양과의 협상에 거의 의욕을 보이지 않고 있으며, 대화 재개로 얻을 수 있는 잠재적 이익보다 그에 따르는 위험이 훨씬 크다고 보고 있다고 말했다. 이 관리는 또 북한이 트럼프 대통령이 대북 제재 완화에 주도적으로 나설 가능성이 작다고 보고 있어 협상 재개에 분명히 관심이 없다고 덧붙였다.",
              "트럼프 대선 캠프 관계자들도 북한 문제가 재선 가능성에 \u201c결정적\u201d이라고 보지 않는다고 이 방송은 전했다. 방송은 \u201c트럼프 대통령이 이번주 국정연설에서 북한을 언급하지 않은 것이 눈에 띄었다\u201d고 덧붙였다.",
              "북한과의 협상 과정을 잘 아는 한 관리는 <시엔엔>에 협상이 \u201c죽었다\u201d고 표현하면서, 행정부가 북한 여행에 필요한 ‘특별 허가\u2019 발급을 완전히 중단했다고 말했다.",
              "북한은 지난해 말 노동당 전원회의에서 \u201c새로운 전략무기\u201d를 언급하며 미국에 대한 압박 수위를 높인 바 있다.",
              "트럼프 대통령의 무관심에도 불구하고 행정부 관리들은 협상할 준비가 돼 있다는 신호를 공개적으로 보내왔다. 로버트 오브라이언 백악관 국가안보보좌관은 지난 5일 트럼프 대통령이 대선과 상관없이 북한과의 협상을 추진할 것이라고 밝혔다.",
              "오브라이언 보좌관은 \u201c북한이 협상 테이블로 돌아오기를 바란다\u201d고 말했다. 하지만 미국이 협상 재개를 위한 사전 조처에 나설 것이라는 어떤 징후도 없는 상황에서, 이런 메시지는 현재의 교착 상태에 대한 책임을 북한에 돌리려는 의도로 보인다. 북-미 협상이 대선 이후로 미뤄지면 한반도 정세의 불확실성은 한층 커질 것으로 보인다.",
          });
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
