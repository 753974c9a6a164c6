// Tests for sentence segmentation in English and Korean.
#include "segment/segmenter.hpp"

#include <ctime>

#include "artalign/error.hpp"

#include "test_support.hpp"

using namespace artalign;

namespace {

std::vector<std::string> sentences(const SentenceSplitter& splitter, const std::string& text) {
    std::vector<std::string> out;
    for (const Segment& segment : splitter.split({text})) out.push_back(segment.text);
    return out;
}

}  // namespace

TEST_CASE("English: abbreviations from the data file do not end sentences") {
    const auto splitter = SentenceSplitter::for_language("en", test::kData);
    CHECK(sentences(splitter, "He spoke in Davos on Jan. 22. Then he left.") ==
          std::vector<std::string>{"He spoke in Davos on Jan. 22.", "Then he left."});
    CHECK(sentences(splitter, "The U.S. envoy met Gen. Kim on Oct. 5. Talks collapsed.") ==
          std::vector<std::string>{"The U.S. envoy met Gen. Kim on Oct. 5.", "Talks collapsed."});
    CHECK(sentences(splitter, "\u201cMy hope is that they come back,\u201d he said. But no.") ==
          std::vector<std::string>{"\u201cMy hope is that they come back,\u201d he said.", "But no."});
}

TEST_CASE("Korean: sentence endings split, quotations that continue the sentence do not") {
    const auto splitter = SentenceSplitter::for_language("ko", test::kData);
    CHECK(sentences(splitter, "트럼프 대통령이 말했다. 협상은 교착 상태다.") ==
          std::vector<std::string>{"트럼프 대통령이 말했다.", "협상은 교착 상태다."});
    CHECK(sentences(splitter, "그는 “협상은 죽었다.”고 말했다. 이어 떠났다.") ==
          std::vector<std::string>{"그는 “협상은 죽었다.”고 말했다.", "이어 떠났다."});
    CHECK(sentences(splitter, "정말 그럴까? 아니다.") == std::vector<std::string>{"정말 그럴까?", "아니다."});
}

TEST_CASE("blocks keep their index; empty and whitespace-only text gives no segments") {
    const auto splitter = SentenceSplitter::for_language("en", test::kData);
    const auto segments = splitter.split({"One. Two.", "   ", "Three."});
    REQUIRE(segments.size() == 3);
    CHECK(segments[0].block == 0);
    CHECK(segments[1].block == 0);
    CHECK(segments[2].block == 2);
    CHECK(splitter.split({}).empty());
    CHECK(splitter.split({""}).empty());
}

TEST_CASE("English: initials, a.m./p.m. and abbreviations with inner points hold the sentence") {
    const auto splitter = SentenceSplitter::for_language("en", test::kData);
    CHECK(sentences(splitter, "He met George W. Bush in Texas. Then he left.") ==
          std::vector<std::string>{"He met George W. Bush in Texas.", "Then he left."});
    CHECK(sentences(splitter, "At 8:45 a.m. ET the toll rose to 49. Rescuers kept digging.") ==
          std::vector<std::string>{"At 8:45 a.m. ET the toll rose to 49.", "Rescuers kept digging."});
    CHECK(sentences(splitter, "The U.S. Army said so. Nobody agreed.") ==
          std::vector<std::string>{"The U.S. Army said so.", "Nobody agreed."});
    // A closing quote ICU leaves alone belongs to the sentence before it.
    CHECK(sentences(splitter, "He said he was \"disappointed. \"") ==
          std::vector<std::string>{"He said he was \"disappointed.\""});
    // A sentence that really ends with an abbreviation at the end of the block is kept whole.
    CHECK(sentences(splitter, "They met in the U.S.") == std::vector<std::string>{"They met in the U.S."});
}

TEST_CASE("Korean: datelines and bylines are not sentences, bullets start new segments") {
    const auto splitter = SentenceSplitter::for_language("ko", test::kData);
    CHECK(sentences(splitter, "(워싱턴=연합뉴스) 트럼프 대통령이 말했다. 협상은 끝났다.") ==
          std::vector<std::string>{"트럼프 대통령이 말했다.", "협상은 끝났다."});
    CHECK(sentences(splitter, "[서울=뉴시스] 회의가 열렸다.") == std::vector<std::string>{"회의가 열렸다."});
    CHECK(sentences(splitter, "홍길동 기자 gildong@hani.co.kr").empty());
    CHECK(sentences(splitter, "워싱턴/황준범 특파원").empty());
    CHECK(sentences(splitter, "▲첫째 항목 ▲둘째 항목이다.") == std::vector<std::string>{"▲첫째 항목", "▲둘째 항목이다."});
    CHECK(sentences(splitter, "사우디의 압둘라 황태자는 조지 W. 부시 대통령에게 편지를 썼다.") ==
          std::vector<std::string>{"사우디의 압둘라 황태자는 조지 W. 부시 대통령에게 편지를 썼다."});
    // A sentence that merely mentions a reporter is kept.
    CHECK(sentences(splitter, "그는 기자에게 말했다.") == std::vector<std::string>{"그는 기자에게 말했다."});
}

TEST_CASE("segmentation rules: malformed files are data errors naming the file") {
    test::ScratchDirectory scratch;
    test::write_file(scratch.path() / "xx.rules", "colour\tred\n");
    CHECK_THROWS_AS(SegmentationRules::load(scratch.path() / "xx.rules"), DataError);
    test::write_file(scratch.path() / "yy.rules", "byline\t([unclosed\n");
    CHECK_THROWS_AS(SentenceSplitter("en", {}, SegmentationRules::load(scratch.path() / "yy.rules")), DataError);
    CHECK_THROWS_AS(SegmentationRules::load(scratch.path() / "missing.rules"), DataError);
}

namespace {

// `words` repeated, space-separated, to `length` bytes at least: one long run without punctuation.
std::string run_of(const std::string& words, std::size_t length) {
    std::string text;
    while (text.size() < length) text += words + " ";
    return text;
}

}  // namespace

TEST_CASE("hostile input: a 100,000-character sentence stays one segment, split quickly") {
    for (const auto& [language, words] : {std::pair{"ko", "도널드 트럼프 미국 대통령이 북한 김정은 위원장과"},
                                          std::pair{"en", "the president told foreign policy advisers that"}}) {
        const auto splitter = SentenceSplitter::for_language(language, test::kData);
        const std::string text = run_of(words, 100'000);
        // Processor time, which a loaded machine does not inflate as it does wall time: 0.01 s
        // for both in a release build, so 10 s is a wide margin even under the sanitizers.
        const std::clock_t start = std::clock();
        const auto segments = splitter.split({text});
        INFO(language);
        CHECK(static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC < 10.0);
        REQUIRE(segments.size() == 1);
        CHECK(segments[0].text.size() == text.size() - 1);  // the trailing space trimmed
    }
}

TEST_CASE("hostile input: 5,000 empty paragraphs give no segments and keep later blocks' indices") {
    const auto splitter = SentenceSplitter::for_language("en", test::kData);
    std::vector<std::string> blocks(5000, "");
    for (std::size_t k = 0; k < blocks.size(); k += 2) blocks[k] = " \t\u00a0 ";
    blocks.push_back("The only sentence.");
    const auto segments = splitter.split(blocks);
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].block == 5000);
}
