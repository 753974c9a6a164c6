// Tests for the generic extractor: the sample pair from a site no profile covers, and pages
// that hold no article.
#include "parse/generic_extractor.hpp"

#include <ctime>

#include "artalign/error.hpp"
#include "parse/html_document.hpp"
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

// Korean article paragraphs long enough to score, written for these tests.
const std::vector<std::string> kKoreanParagraphs = {
    "정부가 내년 예산안을 국회에 제출했다고 기획재정부가 3일 밝혔다, 총지출은 올해보다 3% 늘어난 규모다.",
    "기재부는 복지와 연구개발 분야 지출을 늘리고, 사회간접자본 투자는 올해 수준으로 유지하기로 했다.",
    "국회는 다음달부터 상임위원회별 예비심사를 거쳐, 12월 2일까지 예산안을 의결해야 한다.",
    "야당은 서민 지원 예산이 부족하다며, 심사 과정에서 대폭 손질하겠다고 예고했다.",
    "여당은 재정 건전성을 지키면서도 필요한 곳에 돈을 쓰는 예산이라고 평가했다.",
    "전문가들은 경기 둔화 속에서 세수가 예상보다 적게 걷힐 수 있다고, 우려를 나타냈다.",
};

std::string html_paragraphs(const std::vector<std::string>& paragraphs) {
    std::string html;
    for (const std::string& paragraph : paragraphs) html += "<p>" + paragraph + "</p>";
    return html;
}

// `text` as the body of a JSON string literal.
std::string json_escaped(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '"' || c == '\\') out.push_back('\\');
        if (c == '<') {
            out += "\\u003c";  // as Next.js writes it
            continue;
        }
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out.push_back(c);
    }
    return out;
}

const char* kMenuOnlyBody = "<body><div class='gnb'><a href='/1'>정치</a> <a href='/2'>경제</a> <a href='/3'>사회</a></div>"
                            "<div id='__next'></div>";

}  // namespace

TEST_CASE("an article held only in __NEXT_DATA__ (HTML escaped in a JSON string) is read from there") {
    const std::string state = "{\"props\":{\"pageProps\":{\"article\":{\"title\":\"예산안 제출\",\"content\":\"" +
                              json_escaped("<div class=\"text\">" + html_paragraphs(kKoreanParagraphs) +
                                           "<figure><img src=\"a.jpg\"><figcaption>국회 본회의장. 김정효 기자</figcaption>"
                                           "</figure></div>") +
                              "\"}}},\"page\":\"/arti/[id]\"}";
    const HtmlDocument page("<html lang='ko'><head><title>예산안 제출</title></head>" + std::string(kMenuOnlyBody) +
                                "<script id='__NEXT_DATA__' type='application/json'>" + state + "</script></body></html>",
                            "next.html");
    const Article article = extract_generic(page, rules(), "u");
    CHECK(article.paragraphs == kKoreanParagraphs);
    REQUIRE(article.warnings.size() == 1);
    CHECK(article.warnings[0] ==
          "no site profile matches this page; the generic extractor read the article from the HTML in a script (id "
          "'__NEXT_DATA__'), as the HTML body holds none");
}

TEST_CASE("an article in React's streamed payload (self.__next_f, escaped twice) and in JSON-LD articleBody") {
    // The payload line is JSON whose string holds the HTML; the push() argument is a
    // JavaScript string holding that line.
    const std::string payload = "5:[\"$\",\"div\",null,{\"dangerouslySetInnerHTML\":{\"__html\":\"" +
                                json_escaped(html_paragraphs(kKoreanParagraphs)) + "\"}}]\n";
    const HtmlDocument streamed("<html>" + std::string(kMenuOnlyBody) + "<script>self.__next_f.push([1,\"" +
                                    json_escaped(payload) + "\"])</script></body></html>",
                                "streamed.html");
    CHECK(extract_generic(streamed, rules(), "u").paragraphs == kKoreanParagraphs);

    // JSON-LD: plain text, paragraphs one a line, with a raw line break (not strict JSON).
    std::string body_text;
    for (const std::string& paragraph : kKoreanParagraphs) body_text += paragraph + "\\n";
    const HtmlDocument linked_data(
        "<html>" + std::string(kMenuOnlyBody) + "<script type='application/ld+json'>{\"@type\": \"NewsArticle\",\n"
            "\"headline\": \"예산안\", \"articleBody\": \"" + body_text + "\"}</script>"
            "<script type='application/ld+json'>[{\"@type\":\"BreadcrumbList\"}]</script></body></html>",
        "ld.html");
    const Article article = extract_generic(linked_data, rules(), "u");
    CHECK(article.paragraphs == kKoreanParagraphs);
    CHECK(article.warnings[0].find("read the article from the JSON-LD articleBody") != std::string::npos);
}

TEST_CASE("script text does not replace a body it has nothing to do with, nor a body that holds it all") {
    // A feed of other articles in a script, beside the page's own article in the body.
    const std::string feed = "{\"posts\":[{\"html\":\"" +
                             json_escaped(html_paragraphs({std::string(400, 'x') + " 다른 기사입니다, 정말 다른 기사.",
                                                           "다른 기사의 둘째 문단입니다, 이것도 본문과 상관이 없다. " +
                                                               std::string(300, 'y')})) +
                             "\"}]}";
    const HtmlDocument page("<html><body><div class='article-body'>" + html_paragraphs(kKoreanParagraphs) +
                                "</div><script>window.__NUXT__=" + feed + "</script></body></html>",
                            "feed.html");
    const Article article = extract_generic(page, rules(), "u");
    CHECK(article.paragraphs == kKoreanParagraphs);
    CHECK(article.warnings[0] ==
          "no site profile matches this page; the generic extractor chose the <div> with class 'article-body'");
}

TEST_CASE("CSS-module captions and photo credits are dropped; subheadings and lists in the body kept") {
    const HtmlDocument page(
        "<html><body><div class='ArticleDetailContent_articleBody__a1B2c'>"
        "<p>" + kKoreanParagraphs[0] + "</p>"
        "<div class='ArticleDetailContent_imageWrap__Xy9_z'><img src='a.jpg'>"
        "<div class='ArticleDetailContent_imageCaption__vEOsS'>국회 본회의장에서 예산안이 설명되고 있다. 김정효 기자</div></div>"
        "<p>" + kKoreanParagraphs[1] + "<span class='ArticleDetailContent_photoCredit__q1'>AP 연합뉴스</span></p>"
        "<h2>남은 일정</h2><ul><li>예비심사: 11월</li><li>본회의 의결: 12월 2일</li></ul>"
        "<p>" + kKoreanParagraphs[2] + "</p></div></body></html>",
        "modules.html");
    const Article article = extract_generic(page, rules(), "u");
    CHECK(article.paragraphs == std::vector<std::string>{kKoreanParagraphs[0], kKoreanParagraphs[1], "남은 일정",
                                                         "예비심사: 11월", "본회의 의결: 12월 2일", kKoreanParagraphs[2]});
    CHECK(article.warnings[0] == "no site profile matches this page; the generic extractor chose the <div> with class "
                                 "'ArticleDetailContent_articleBody__a1B2c'");
}

TEST_CASE("an article cut into sibling containers (ads and images between them) is gathered whole") {
    const std::vector<std::string> english = {
        "The city council approved the new budget on Tuesday, after a debate that lasted most of the night.",
        "Spending on schools rises by four percent, while road repairs, parks and libraries keep last year's funds.",
        "Council members who voted against it said the plan relies too much on a sales tax that may not hold up.",
        "The mayor is expected to sign the budget this week, and it takes effect on the first of January.",
        "Residents can read the full plan, and the minutes of the debate, on the council's website.",
    };
    // The blocks' parent also holds a long list of links, so it loses to the first block; the
    // other blocks must join that one.
    std::string links = "<div class='more'>";
    for (int i = 0; i < 12; ++i)
        links += "<p><a href='/s" + std::to_string(i) + "'>Another story that readers of this page might like, number " +
                 std::to_string(i) + "</a></p>";
    links += "</div>";
    const HtmlDocument page(
        "<html><body><div class='page'>"
        "<div class='story-block'><p>" + english[0] + "</p><p>" + english[1] + "</p><p>" + english[2] + "</p></div>"
        "<div class='ad-slot'><a href='/ad'>Advertisement</a></div>"
        "<figure><img src='b.jpg'><figcaption>The council chamber. (AP Photo)</figcaption></figure>"
        "<div class='story-block'><p>" + english[3] + "</p><p>" + english[4] + "</p></div>" + links +
        "</div></body></html>",
        "blocks.html");
    CHECK(extract_generic(page, rules(), "u").paragraphs == english);
}

TEST_CASE("CNN-style <div> paragraphs in several containers score together") {
    std::string html = "<html><body><div class='menu'><a href='/a'>World</a> <a href='/b'>Politics</a></div><section>";
    std::vector<std::string> expected;
    for (int block = 0; block < 3; ++block) {
        html += "<div class='body-part'>";
        for (int line = 0; line < 3; ++line) {
            expected.push_back("Paragraph " + std::to_string(block * 3 + line + 1) +
                               " of the story, long enough to count as text, with a comma, and a full stop.");
            html += "<div class='body__paragraph'>" + expected.back() + "</div>";
        }
        html += "</div><div class='ad'></div>";
    }
    html += "</section></body></html>";
    CHECK(extract_generic(HtmlDocument(html, "divs.html"), rules(), "u").paragraphs == expected);
}

TEST_CASE("a page wrapped in one <form> (ASP.NET) is read; a small form is still left out") {
    std::vector<std::string> paragraphs = kKoreanParagraphs;
    paragraphs.insert(paragraphs.end(), kKoreanParagraphs.begin(), kKoreanParagraphs.end());
    const HtmlDocument page("<html><body><form id='aspnetForm'><div class='article'>" + html_paragraphs(paragraphs) +
                                "</div></form></body></html>",
                            "form.html");
    CHECK(extract_generic(page, rules(), "u").paragraphs == paragraphs);
    const HtmlDocument small("<html><body><form><p>Search the site for stories, photos and more by keyword.</p></form>"
                             "<div class='article'>" + html_paragraphs(kKoreanParagraphs) + "</div></body></html>",
                             "small-form.html");
    CHECK(extract_generic(small, rules(), "u").paragraphs == kKoreanParagraphs);
}

TEST_CASE("readers' comments are left out even when the thread holds more prose than the article") {
    // As macrumors.com serves it: the article a <br>-separated <div class="content">, each
    // comment a <div class="content"> too, inside <div class="comment first"> in <div id="comments">.
    const std::string article = "<div class='article'><div class='content'>Apple plans a new laptop with a scissor "
                                "switch keyboard next year, according to industry sources.<br><br>The report says the "
                                "display size will remain the same, although the source has a mixed record.</div></div>";
    std::string comments = "<div id='commentsContainer'><div id='comments'><h2>Top Rated Comments</h2>";
    std::string long_comment;
    for (int i = 0; i < 6; ++i) {
        long_comment += "I agree, but it begs the question of who was in charge of the company, the designer, the "
                        "chief executive, or the board, and who had the last word, then or now.<br><br>";
    }
    for (int i = 0; i < 3; ++i) {
        comments += "<div class='comment first'><div class='comment_content'><div class='content'>" + long_comment +
                    "</div></div></div>";
    }
    comments += "</div></div>";
    const HtmlDocument page("<html><body>" + article + comments + "</body></html>", "comments.html");
    const Article extracted = extract_generic(page, rules(), "u");
    REQUIRE(extracted.paragraphs.size() == 2);
    CHECK(extracted.paragraphs[0].rfind("Apple plans", 0) == 0);
    CHECK(extracted.paragraphs[1].rfind("The report says", 0) == 0);
}

TEST_CASE("a block's class name cannot outweigh the text of the body: a title block named 'content' loses") {
    const std::vector<std::string> english = {
        "A man pleaded guilty on Monday to charges that he threatened to kill a member of Congress, prosecutors said.",
        "He could face up to 10 years in prison, and his sentencing is scheduled for February, according to the office.",
        "His attorney said in a statement that her client did not intend to cause harm, and made no plans to do so.",
        "The office referred the call to the Capitol Police, who worked with the FBI to investigate the threat.",
    };
    const HtmlDocument page("<html><body><div class='top'><div class='content-wrapper title'><h1>Man pleads guilty</h1>"
                            "<p>By Jane Reporter - 11/18/19 11:04 PM EST</p></div></div><div class='wrap'>"
                            "<div class='field-item'>" + html_paragraphs(english) + "</div></div></body></html>",
                            "title-block.html");
    const Article article = extract_generic(page, rules(), "u");
    CHECK(article.paragraphs == english);
}

namespace {

// A page of `copies` article blocks, each a caption <div> left unclosed (as on malformed pages),
// so that libxml2 nests every copy inside the one before; or, with `nested` false, closed. A
// block holds more than a caption's length of text (kMaxBoilerplateChars visible code points),
// so that a closed one is read as article, not dropped as a caption.
std::string repeated_blocks_page(int copies, bool nested) {
    std::string block =
        "<div class='photo-caption'>Containers at Busan port. (Harbour Daily)\n"
        "<p>Busan port handled a record 2.1 million containers in February, the ministry said, and expects more.</p>\n"
        "<p>The figure is 6 percent higher than a year earlier. Transshipment cargo grew fastest, officials said.</p>\n"
        "<p>Officials attributed the growth to new shipping routes and shorter waiting times at the terminals.</p>\n"
        "<p>The port plans two more berths by 2025, which would raise its capacity by a fifth, it said.</p>\n";
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
