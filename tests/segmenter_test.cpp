// Tests for sentence segmentation in English and Korean.
#include "artalign/segmenter.hpp"

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
