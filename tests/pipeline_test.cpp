// End-to-end test of the library pipeline on the bundled sample pair.
#include "artalign/pipeline.hpp"

#include "artalign/error.hpp"
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
