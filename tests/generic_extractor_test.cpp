// Tests for the generic extractor: the sample pair from a site no profile covers, and pages
// that hold no article.
#include "artalign/generic_extractor.hpp"

#include <ctime>

#include "artalign/error.hpp"
#include "artalign/html_document.hpp"
#include "test_support.hpp"

using namespace artalign;

namespace {

const GenericRules& rules() {
    static const GenericRules loaded = GenericRules::load(test::kData / "generic.rules");
    return loaded;
}

Article extract(const std::filesystem::path& file) {
    const HtmlDocument page(test::read_file(file), file.string());
    return extract_generic(page, rules(), "fallback-url");
}

}  // namespace

TEST_CASE("the English page of a site no profile covers: metadata from <meta>, body without ads or links") {
    const Article article = extract(test::kSamples / "mirror/en.harbourdaily.example/news/2023/0315/e1234.html");
    CHECK(article.url == "fallback-url");
    CHECK(article.language == "en");  // from <html lang="en-US">
    CHECK(article.profile == "generic");
    CHECK(article.title == "Busan port handles record container volume in February");
    CHECK(article.subtitle == "");
    CHECK(article.section == "Business");
    CHECK(article.byline == "Lee Ji-won");
    CHECK(article.published == "2023-03-15T09:30:00+09:00");
    CHECK(article.modified == "2023-03-15T11:05:00+09:00");
    REQUIRE(article.warnings.size() == 1);
    CHECK(article.warnings[0] ==
          "no site profile matches this page; the generic extractor chose the <div> with class 'story-body'");
    CHECK(article.paragraphs ==
          std::vector<std::string>{
              "Busan port handled a record 2.1 million containers in February, the Ministry of Oceans and Fisheries "
              "said on Tuesday.",
              "The figure is 6 percent higher than a year earlier. Transshipment cargo, which is moved from one ship "
              "to another at the port, grew fastest, rising 9 percent.",
              "Officials attributed the growth to new shipping routes to Southeast Asia and shorter waiting times at "
              "the port's automated terminals.",
              "The ministry expects the port to handle more than 24 million containers this year, which would also "
              "be a record."});
}

TEST_CASE("the Korean page of that site: byline paragraph, caption and copyright line dropped") {
    const Article article = extract(test::kSamples / "mirror/www.harbourdaily.example/news/2023/0315/k5678.html");
    CHECK(article.language == "ko");
    CHECK(article.title == "부산항, 2월 컨테이너 물동량 역대 최대");
    CHECK(article.section == "경제");
    CHECK(article.byline == "이지원 기자");
    CHECK(article.published == "2023-03-14T17:20:00+09:00");
    CHECK(article.modified == "");
    CHECK(article.paragraphs ==
          std::vector<std::string>{
              "부산항이 지난 2월 컨테이너 210만개를 처리해 월간 기준 역대 최대 물동량을 기록했다고 해양수산부가 14일 밝혔다.",
              "이는 지난해 같은 달보다 6% 늘어난 수치다. 부산항에서 배를 바꿔 싣는 환적 화물이 9% 늘어 가장 크게 증가했다.",
              "해수부는 동남아시아 신규 항로 개설과 자동화 부두의 대기 시간 단축이 물동량 증가로 이어졌다고 설명했다.",
              "해수부는 올해 부산항 물동량이 2400만개를 넘어 역대 최대를 기록할 것으로 내다봤다."});
}

TEST_CASE("a legacy body of <br>-separated text is found and split; the language comes from the script") {
    const HtmlDocument page(
        "<html><body><div class='menu'><a href='/a'>정치</a> <a href='/b'>사회</a></div>"
        "<div id='news'>첫 문단입니다, 충분히 길게 쓴 기사 본문의 첫째 문단입니다.<br><br>"
        "둘째 문단입니다, 이것도 충분히 길게 쓴 기사 본문의 둘째 문단입니다.<br>홍길동 기자</div></body></html>",
        "legacy.html");
    const Article article = extract_generic(page, rules(), "u");
    CHECK(article.language == "ko");
    CHECK(article.byline == "홍길동 기자");
    CHECK(article.paragraphs == std::vector<std::string>{"첫 문단입니다, 충분히 길게 쓴 기사 본문의 첫째 문단입니다.",
                                                         "둘째 문단입니다, 이것도 충분히 길게 쓴 기사 본문의 둘째 문단입니다."});
}

TEST_CASE("dates: a UTC offset without its colon gets one, either sign; other dates stay as written") {
    const auto dates_of = [](const std::string& published, const std::string& modified) {
        const HtmlDocument page(
            "<html><head><meta property='article:published_time' content='" + published +
                "'><meta property='article:modified_time' content='" + modified +
                "'></head><body><div id='news'>첫 문단입니다, 충분히 길게 쓴 기사 본문의 첫째 문단입니다.<br><br>"
                "둘째 문단입니다, 이것도 충분히 길게 쓴 기사 본문의 둘째 문단입니다.</div></body></html>",
            "dates.html");
        const Article article = extract_generic(page, rules(), "u");
        return std::pair{article.published, article.modified};
    };
    CHECK(dates_of("2023-03-15T09:30:00-0500", "2023-03-15T11:05:00+0930") ==
          std::pair<std::string, std::string>{"2023-03-15T09:30:00-05:00", "2023-03-15T11:05:00+09:30"});
    CHECK(dates_of("2023-03-15T09:30:00Z", "2023-03-15") ==
          std::pair<std::string, std::string>{"2023-03-15T09:30:00Z", "2023-03-15"});
}

TEST_CASE("pages without an article are errors naming the page") {
    CHECK_THROWS_WITH_AS(extract_generic(HtmlDocument("<html><body><p>Hi.</p></body></html>", "short.html"), rules(), "u"),
                         "short.html: no article found: no site profile matches and no block of text looks like an "
                         "article body",
                         ParseError);
    CHECK_THROWS_WITH_AS(
        extract_generic(HtmlDocument("<ul><li><a href='/1'>A menu entry that is long enough to count as text</a></li>"
                                     "<li><a href='/2'>Another menu entry that is long enough to count</a></li></ul>",
                                     "menu.html"),
                        rules(), "u"),
        "menu.html: no article found: no site profile matches and no block of text looks like an article body",
        ParseError);
}

TEST_CASE("the rules file: bad lines are errors naming file and line") {
    test::ScratchDirectory scratch;
    const auto file = scratch.path() / "bad.rules";
    test::write_file(file, "# comment\nnegative_class = nav\nfrobnicate = 1\n");
    CHECK_THROWS_WITH_AS(GenericRules::load(file), (file.string() + ":3: unknown key 'frobnicate'").c_str(), DataError);
    test::write_file(file, "negative_class = nav|(menu\n");
    CHECK_THROWS_WITH_AS(GenericRules::load(file),
                         (file.string() + ":1: invalid regular expression for 'negative_class' (ICU: "
                                          "U_REGEX_MISMATCHED_PAREN at offset 9): nav|(menu")
                             .c_str(),
                         DataError);
    test::write_file(file, "min_paragraph_chars = many\n");
    CHECK_THROWS_WITH_AS(GenericRules::load(file), (file.string() + ":1: min_paragraph_chars must be a number").c_str(),
                         DataError);
}

namespace {

// A page of `copies` article blocks, each a caption <div> left unclosed (as on malformed pages),
// so that libxml2 nests every copy inside the one before; or, with `nested` false, closed.
std::string repeated_blocks_page(int copies, bool nested) {
    std::string block =
        "<div class='photo-caption'>Containers at Busan port. (Harbour Daily)\n"
        "<p>Busan port handled a record 2.1 million containers in February, the ministry said, and expects more.</p>\n"
        "<p>The figure is 6 percent higher than a year earlier. Transshipment cargo grew fastest, officials said.</p>\n"
        "<p>Officials attributed the growth to new shipping routes and shorter waiting times at the terminals.</p>\n";
    if (!nested) block += "</div>\n";
    std::string page = "<html lang='en'><head><title>T</title></head><body>";
    for (int k = 0; k < copies; ++k) page += block;
    return page + "</body></html>";
}

// Processor seconds one extraction of `html` takes, averaged over enough runs to last 50 ms.
double seconds_per_extraction(const std::string& html) {
    const HtmlDocument page(html, "repeated.html");
    int runs = 0;
    const std::clock_t start = std::clock();
    std::clock_t now = start;
    while (runs == 0 || now - start < CLOCKS_PER_SEC / 20) {
        (void)extract_generic(page, rules(), "u");
        ++runs;
        now = std::clock();
    }
    return static_cast<double>(now - start) / CLOCKS_PER_SEC / runs;
}

}  // namespace

TEST_CASE("extraction time grows linearly with the number of repeated article blocks, nested or not") {
    // Linear work makes 4 times the blocks cost about 4 times as much; quadratic work 16 times,
    // the exponential walk this guards against (every nested block measured once per ancestor
    // and again when read) thousands of times. The margin leaves room for a loaded machine.
    for (const bool nested : {true, false}) {
        CAPTURE(nested);
        // 16 nested copies took 13 s before the fix; 64 would take days.
        const int copies = nested ? 4 : 25;
        const double small = seconds_per_extraction(repeated_blocks_page(copies, nested));
        const double large = seconds_per_extraction(repeated_blocks_page(4 * copies, nested));
        REQUIRE(large < 10 * small);
    }
    // 1,000 copies: libxml2 stops nesting at its depth limit (256), the extractor reads what is left.
    const HtmlDocument page(repeated_blocks_page(1000, true), "thousand.html");
    CHECK(extract_generic(page, rules(), "u").paragraphs.size() >= 3);
}
