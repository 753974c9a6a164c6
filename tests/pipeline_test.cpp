// End-to-end test of the library pipeline on the bundled sample pair.
#include "artalign/pipeline.hpp"

#include <fstream>
#include <stdexcept>

#include "artalign/error.hpp"
#include "artalign/resources.hpp"
#include "read/fetcher.hpp"
#include "test_server.hpp"
#include "test_support.hpp"

using namespace artalign;

TEST_CASE("the sample pair: the original is found through the mirror and aligned") {
    const Pipeline pipeline(test::kData);
    PairInput input;
    input.translation_page = test::kEnglishSample;
    const AlignedPair pair = pipeline.align_pages(input);

    CHECK(pair.original.url == "http://www.hani.co.kr/arti/international/america/927886.html");
    CHECK(pair.original.language == "ko");
    CHECK(pair.translation.language == "en");
    CHECK(pair.coverage.source_sentences == pair.original_segments.size());
    CHECK(pair.coverage.units > 8);
    CHECK(pair.coverage.char_share() < 1.0);  // the Korean has sentences the English lacks

    // The Korean-only paragraph about the party plenum has no English counterpart.
    bool plenum_untranslated = false;
    for (const Bead& bead : pair.beads) {
        for (const std::size_t k : bead.source) {
            if (pair.original_segments[k].text.find("노동당 전원회의") != std::string::npos)
                plenum_untranslated = bead.target.empty();
        }
    }
    CHECK(plenum_untranslated);

    const auto units = pair.translation_units();
    REQUIRE(!units.empty());
    CHECK(units.front().source_url == pair.original.url);
    CHECK(units.front().target_url == pair.translation.url);
    CHECK(units.front().article_date == "2020-02-12T17:26:00+09:00");
}

TEST_CASE("an explicit original page overrides the link; a page with no link and no original fails clearly") {
    const Pipeline pipeline(test::kData);
    PairInput explicit_pair;
    explicit_pair.translation_page = test::kEnglishSample;
    explicit_pair.original_page = test::kKoreanSample;
    CHECK(pipeline.align_pages(explicit_pair).coverage.units > 0);

    test::ScratchDirectory scratch;
    const auto lonely = scratch.path() / "lonely.html";
    std::string html = test::read_file(test::kEnglishSample);
    const auto button = html.find("<div class=\"article-btn\">");
    REQUIRE(button != std::string::npos);
    html.erase(button, html.find("</div>", button) + 6 - button);
    test::write_file(lonely, html);
    PairInput input;
    input.translation_page = lonely;
    CHECK_THROWS_AS(pipeline.align_pages(input), ParseError);
}

TEST_CASE("pages given as URLs: read from the mirror offline, refused offline when not there") {
    const Pipeline pipeline(test::kData);
    const auto mirror = test::kSamples / "mirror";
    PairInput input;
    input.translation_page = "https://english.hani.co.kr/arti/english_edition/e_national/1068251.html";
    input.mirror_root = mirror;
    const AlignedPair pair = pipeline.align_pages(input);
    CHECK(pair.translation.profile == "hani-english-mobile");
    CHECK(pair.original.profile == "hani-korean-2022");
    CHECK(pair.original.url == "https://www.hani.co.kr/arti/society/society_general/1067990.html");

    CHECK_THROWS_WITH_AS(pipeline.extract_page("https://english.hani.co.kr/arti/none.html", mirror),
                         ("https://english.hani.co.kr/arti/none.html: not in the mirror at " + mirror.string() +
                          " and fetching is off")
                             .c_str(),
                         InputError);
    CHECK_THROWS_WITH_AS(pipeline.extract_page("ftp://example.com/a.html"),
                         "ftp://example.com/a.html: only http and https URLs and local files can be read, not ftp",
                         InputError);
}

TEST_CASE("a legacy pair without canonical links: URLs come from the mirror, EUC-KR original decoded") {
    const Pipeline pipeline(test::kData);
    const auto mirror = test::kSamples / "mirror";
    PairInput input;
    input.translation_page = mirror / "english.hani.co.kr/arti/english_edition/e_northkorea/450321.html";
    input.mirror_root = mirror;
    const AlignedPair pair = pipeline.align_pages(input);
    CHECK(pair.translation.url == "http://english.hani.co.kr/arti/english_edition/e_northkorea/450321.html");
    CHECK(pair.original.url == "http://www.hani.co.kr/arti/politics/defense/450298.html");
    CHECK(pair.original.profile == "hani-korean-legacy");
    CHECK(pair.original.title == "국방부 “남북 군사실무회담 다음달 재개”");
}

TEST_CASE("fetching: the translation from a URL, the original by following its link, then from the cache") {
    test::TestServer server;
    test::ScratchDirectory scratch;
    PipelineOptions options;
    options.allow_network = true;
    options.fetch.per_host_delay = std::chrono::milliseconds(0);
    options.fetch.cache_dir = scratch.path() / "cache";
    const std::string english = server.url("/mirror/english.hani.co.kr/arti/english_edition/e_national/1068251.html");
    const std::string korean = server.url("/mirror/www.hani.co.kr/arti/society/society_general/1067990.html");
    for (int run = 0; run < 2; ++run) {
        const Pipeline pipeline(test::kData, options);
        PairInput input;
        input.translation_page = english;
        const AlignedPair pair = pipeline.align_pages(input);
        CHECK(pair.translation.url == english);  // the server rewrote the canonical link to itself
        CHECK(pair.original.url == korean);
        CHECK(pair.original.profile == "hani-korean-2022");
        CHECK(pair.coverage.units > 0);
    }
    Fetcher counter(FetchOptions{});
    CHECK(counter.fetch(server.url("/count?path=/mirror/www.hani.co.kr/arti/society/society_general/1067990.html"))
              .content == "1");
}

TEST_CASE("users' own profiles are tried before the built-in ones") {
    test::ScratchDirectory scratch;
    std::string profile = test::read_file(test::kData / "profiles/hani-english-mobile.profile");
    profile.replace(profile.find("name = hani-english-mobile"), 26, "name = my-mobile");
    test::write_file(scratch.path() / "mine.profile", profile);
    ResourceOptions options;
    options.data_dir = test::kData;
    options.profile_dirs.push_back(scratch.path());
    const Pipeline pipeline(Resources::load(options));
    const auto page = pipeline.extract_page(
        (test::kSamples / "mirror/english.hani.co.kr/arti/english_edition/e_national/1068251.html").string());
    CHECK(page.article.profile == "my-mobile");
    CHECK(page.original_link == "https://www.hani.co.kr/arti/society/society_general/1067990.html");
    CHECK(page.charset == "UTF-8 (<meta>)");
}

// align-text loads no page rules (a faster start); a Pipeline, which reads pages, refuses such
// resources at once rather than failing on the first page.
TEST_CASE("resources loaded without page rules align text but make no Pipeline") {
    ResourceOptions options;
    options.data_dir = test::kData;
    options.pages = false;
    const auto resources = Resources::load(options);
    const Aligner aligner = resources->aligner(AlignOptions{});
    const SegmentList source{{"트럼프 대통령은 2월 10일 말했다.", 0}};
    const SegmentList target{{"President Trump said on Feb. 10.", 0}};
    CHECK(aligner.align(source, target).beads.size() == 1);
    CHECK_THROWS_AS((void)Pipeline(resources), DataError);
}

// align-text --presplit splits no sentences, so its start reads no segmentation data: a data
// directory with a malformed rules file still aligns, and a splitter is refused plainly.
TEST_CASE("resources loaded without segmentation align presplit text and make no splitter") {
    test::ScratchDirectory scratch;
    const auto data = scratch.path() / "data";
    std::filesystem::copy(test::kData, data, std::filesystem::copy_options::recursive);
    {
        std::ofstream broken(data / "segmentation" / "en.rules", std::ios::app);
        broken << "no tab on this line\n";
    }
    ResourceOptions options;
    options.data_dir = data;
    options.pages = false;
    CHECK_THROWS_AS((void)Resources::load(options), DataError);  // loaded, the rules fail
    options.segmentation = false;
    const auto resources = Resources::load(options);
    const SegmentList source{{"트럼프 대통령은 2월 10일 말했다.", 0}};
    const SegmentList target{{"President Trump said on Feb. 10.", 0}};
    CHECK(resources->aligner(AlignOptions{}).align(source, target).beads.size() == 1);
    CHECK_THROWS_AS((void)resources->splitter("en"), std::logic_error);
}

TEST_CASE("a page in the other side's language is refused by its script, naming the page") {
    const Pipeline pipeline(test::kData);
    const std::string korean_as_translation =
        test::kKoreanSample.string() + ": this page is in Korean, not English (99% of its letters are Hangul or Han); "
                                       "the English page comes first, then its original";
    PairInput korean_alone;  // skipped in a batch: not a translated article
    korean_alone.translation_page = test::kKoreanSample;
    CHECK_THROWS_WITH_AS(pipeline.align_pages(korean_alone), korean_as_translation.c_str(), NotTranslatedArticleError);

    PairInput swapped;  // both named: a failure
    swapped.translation_page = test::kKoreanSample;
    swapped.original_page = test::kEnglishSample;
    try {
        pipeline.align_pages(swapped);
        FAIL("a swapped pair was aligned");
    } catch (const NotTranslatedArticleError&) {
        FAIL("a swapped pair would be skipped, not failed");
    } catch (const InputError& error) {
        CHECK(std::string(error.what()) == korean_as_translation);
    }

    PairInput english_twice;
    english_twice.translation_page = test::kEnglishSample;
    english_twice.original_page = test::kEnglishSample;
    CHECK_THROWS_WITH_AS(pipeline.align_pages(english_twice),
                         (test::kEnglishSample.string() + ": this page is in English, not Korean (100% of its letters "
                                                          "are Latin); the original must be the Korean page")
                             .c_str(),
                         InputError);
}

TEST_CASE("a link to the original with another scheme is refused with the link quoted") {
    const Pipeline pipeline(test::kData);
    test::ScratchDirectory scratch;
    std::string html = test::read_file(test::kEnglishSample);
    const std::string link = "http://www.hani.co.kr/arti/international/america/927886.html";
    REQUIRE(html.find(link) != std::string::npos);
    for (const std::string scheme_link : {"file:///etc/passwd", "javascript:openOriginal(927886)", "data:text/html,x"}) {
        std::string page = html;
        for (std::size_t at = 0; (at = page.find(link, at)) != std::string::npos; at += scheme_link.size())
            page.replace(at, link.size(), scheme_link);
        const auto file = scratch.path() / "refused.html";
        test::write_file(file, page);
        PairInput input;
        input.translation_page = file;
        CHECK_THROWS_WITH_AS(pipeline.align_pages(input),
                             (file.string() + ": the link to the original, '" + scheme_link +
                              "', is not an http(s) URL; refused. Give the original page as a second argument")
                                 .c_str(),
                             ParseError);
    }
}

TEST_CASE("the limits: page size and sentences per article, each error naming its option") {
    PipelineOptions small_pages;
    small_pages.max_page_bytes = 4096;
    PairInput input;
    input.translation_page = test::kEnglishSample;
    CHECK_THROWS_WITH_AS(Pipeline(test::kData, small_pages).align_pages(input),
                         (test::kEnglishSample.string() + ": page is 6.9 KB, over the 4 KB limit (--max-page-size)").c_str(),
                         InputError);
    PipelineOptions few_sentences;
    few_sentences.max_sentences = 10;
    CHECK_THROWS_WITH_AS(Pipeline(test::kData, few_sentences).align_pages(input),
                         "http://www.hani.co.kr/arti/international/america/927886.html: the article has 17 sentences, "
                         "over the 10 limit (--max-sentences)",
                         InputError);
    few_sentences.max_sentences = 17;
    CHECK(Pipeline(test::kData, few_sentences).align_pages(input).original_segments.size() == 17);
}

TEST_CASE("fetching: the page size limit applies to fetched pages too") {
    test::TestServer server;
    PipelineOptions options;
    options.allow_network = true;
    options.max_page_bytes = 100;
    options.fetch.per_host_delay = std::chrono::milliseconds(0);
    const Pipeline pipeline(test::kData, options);
    CHECK_THROWS_WITH_AS(pipeline.extract_page(server.url("/article.html")),
                         (server.url("/article.html") + ": the answer is over the 100 bytes limit (--max-page-size)").c_str(),
                         FetchError);
}
